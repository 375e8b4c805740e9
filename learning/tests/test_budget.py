"""Pages with a learner's progress stay within the public pages' budget of 15 queries."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from accounts.services import activate, create_account
from tests.tree import build_site

from .helpers import build_module

BUDGET = 15
MULTI_Q = "22222222-2222-4222-8222-222222222222"


class TestQueryBudget(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()
        cls.module, cls.lessons = build_module(cls.t)
        cls.user = create_account("learner@example.org", "Amina", "en")
        activate(cls.user)

    def count(self, url):
        self.client.get(url)  # warm the caches a running server keeps between requests
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        assert response.status_code == 200, url
        return len(queries.captured_queries), queries

    def make_progress(self):
        self.client.post(self.lessons[0].url, {"action": "complete"})
        self.client.post(
            self.lessons[2].url, {"action": "answer", "question": MULTI_Q, "choice": ["b1"]}
        )

    def check(self):
        for url in [self.module.url, *[lesson.url for lesson in self.lessons]]:
            count, queries = self.count(url)
            assert count <= BUDGET, (url, count, [q["sql"][:120] for q in queries.captured_queries])

    def test_visitor_with_progress_in_the_session(self):
        self.make_progress()
        self.check()

    def test_signed_in_learner_with_progress(self):
        self.client.force_login(self.user)
        self.make_progress()
        self.check()
        # My learning reads two more rows per module listed (its lessons, its test answers).
        count, _queries = self.count("/en/learning/my-learning/")
        assert count <= BUDGET, count
