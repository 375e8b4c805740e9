"""Public and members' pages within the 15-query budget, however long the discussion."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from communities import services
from communities.records import Theme
from tests.tree import build_site

from .helpers import build_community, person

BUDGET = 15
# Wagtail's user bar (edit this page, the workflow state) costs admin users 5 more queries on
# every page of the portal; facilitators are admin users.
USER_BAR = 5


class TestQueryBudget(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()
        cls.page, cls.community = build_community(cls.t)
        themes = [
            Theme.objects.create(community=cls.community, title=f"Theme {n}") for n in range(3)
        ]
        cls.facilitator = person("fac@example.org", "Amina Facilitator", facilitator=True)
        cls.member = person("member@example.org", "Lucía Gómez", cls.community)
        cls.newcomer = person("new@example.org", "Pedro Ruiz", cls.community)
        for n in range(30):
            thread, _post = services.start_thread(
                cls.community, cls.facilitator, f"Thread {n}", "Opening", theme=themes[n % 3]
            )
        for n in range(50):
            author = (cls.member, cls.facilitator)[n % 2]
            services.reply(thread, author, f"Reply {n}")
        services.reply(thread, cls.newcomer, "Waiting")
        cls.thread = thread

    def measure(self, user, url):
        self.client.logout()
        if user:
            self.client.force_login(user)
        self.client.get(url)  # warm the per-process caches (site, locales)
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        assert response.status_code == 200
        return len(queries)

    def test_pages(self):
        thread_url = f"/en/communities/threads/{self.thread.pk}/"
        counts = {
            "community page, anonymous": self.measure(None, self.page.url),
            "community page, member": self.measure(self.member, self.page.url),
            "community page, facilitator": self.measure(self.facilitator, self.page.url),
            "thread, member": self.measure(self.member, thread_url),
            "thread, facilitator": self.measure(self.facilitator, thread_url),
            "my communities": self.measure(self.member, "/en/communities/mine/"),
        }
        print("\nQueries:", counts)
        for what, count in counts.items():
            budget = BUDGET + USER_BAR if "facilitator" in what else BUDGET
            assert count <= budget, (what, count)
