"""Progress, the completion rule, automatic certificates, carrying a visitor's progress into
an account, My learning, ratings."""

import re
from decimal import Decimal

from django.core import mail
from django.core.cache import cache
from django.test import TestCase

from accounts.services import activate, create_account
from certificates.models import Certificate
from learning.records import (
    CompletionRule,
    ModuleProgress,
    ModuleRating,
    QuestionAttempt,
)
from tests.tree import build_site

from .helpers import build_module

PRACTICE_Q = "11111111-1111-4111-8111-111111111111"
MULTI_Q = "22222222-2222-4222-8222-222222222222"
TF_Q = "33333333-3333-4333-8333-333333333333"
LINK = re.compile(r"https?://[^/\s]+(/\S+/)")


def learner(email="learner@example.org", language="en", name="Amina Diallo"):
    user = create_account(email, name, language)
    activate(user)
    return user


class ProgressTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()
        cls.module, cls.lessons = build_module(cls.t)
        cls.text, cls.practice, cls.test = cls.lessons

    def setUp(self):
        cache.clear()

    def complete(self, lesson):
        return self.client.post(lesson.url, {"action": "complete"})

    def answer(self, lesson, question, *choices):
        return self.client.post(
            lesson.url, {"action": "answer", "question": question, "choice": list(choices)}
        )

    def pass_everything(self):
        for lesson in self.lessons:
            self.complete(lesson)
        self.answer(self.test, MULTI_Q, "b1", "b2")
        self.answer(self.test, TF_Q, "false")


class TestProgress(ProgressTestCase):
    def test_marking_a_lesson_complete_moves_on_and_shows_progress(self):
        response = self.complete(self.text)
        assert response["Location"] == self.practice.url
        html = self.client.get(self.text.url).content.decode()
        assert "You have completed this lesson." in html
        html = self.client.get(self.module.url).content.decode()
        assert "1 of 3 lessons done (33%)" in html
        assert f'href="{self.practice.url}">Resume' in html  # the first lesson not done

    def test_completion_rule_defaults_and_automatic_certificate(self):
        user = learner()
        self.client.force_login(user)
        for lesson in self.lessons:
            self.complete(lesson)
        assert not Certificate.objects.exists()  # lessons done, but no test score yet
        self.answer(self.test, MULTI_Q, "b1")  # wrong, then right: the question counts
        self.answer(self.test, MULTI_Q, "b1", "b2")
        assert not Certificate.objects.exists()  # 50% < 70%
        self.answer(self.test, TF_Q, "false")
        certificate = Certificate.objects.get(holder=user)
        assert certificate.score == Decimal("100.00") and certificate.title == self.module.title
        assert certificate.holder_name == "Amina Diallo" and certificate.language == "en"
        assert certificate.transcript["objectives"] == ["Ask the child first"]
        assert [item["title"] for item in certificate.transcript["items"]] == [
            "Why children move",
            "Practice",
            "Test",
        ]
        progress = ModuleProgress.objects.get(user=user)
        assert progress.completed_at is not None and progress.score == Decimal("100.00")
        html = self.client.get(self.module.url).content.decode()
        assert f"/en/certificates/{certificate.uuid}/" in html
        self.complete(self.text)  # nothing issued twice
        assert Certificate.objects.count() == 1

    def test_a_stricter_rule_set_by_the_course_team(self):
        CompletionRule.objects.create(
            module=self.module, lessons_percent=100, test_score_percent=50, require_all_tests=True
        )
        user = learner()
        self.client.force_login(user)
        self.complete(self.text)
        self.complete(self.practice)
        self.answer(self.test, MULTI_Q, "b1", "b2")  # 50%, but not every test question answered
        assert not Certificate.objects.exists()
        self.answer(self.test, TF_Q, "true")
        self.answer(self.test, TF_Q, "true")  # out of attempts, wrong: 50%, all answered
        assert not Certificate.objects.exists()  # one lesson still not done (100% asked)
        self.complete(self.test)
        assert Certificate.objects.get(holder=user).score == Decimal("50.00")

    def test_a_failed_test_blocks_completion(self):
        user = learner()
        self.client.force_login(user)
        for lesson in self.lessons:
            self.complete(lesson)
        for _ in range(2):
            self.answer(self.test, MULTI_Q, "b3")
            self.answer(self.test, TF_Q, "true")
        assert not Certificate.objects.exists()
        html = self.client.get(self.module.url).content.decode()
        assert "Test score: 0% (70% needed)" in html


class TestCarryOver(ProgressTestCase):
    def test_a_visitors_progress_follows_them_into_their_new_account(self):
        self.pass_everything()
        html = self.client.get(self.module.url).content.decode()
        assert "Create an account to receive your certificate" in html
        self.client.post(
            "/en/account/sign-up/",
            {"name": "Ana Pérez", "email": "ana@example.org", "language": "es"},
        )
        assert len(ModuleProgress.objects.get(user__email="ana@example.org").lessons_done) == 3
        attempts = QuestionAttempt.objects.filter(user__email="ana@example.org")
        assert attempts.count() == 2 and attempts.filter(correct=True).count() == 2
        assert attempts.first().asked["text"]  # what was asked came along too
        assert not Certificate.objects.exists()  # the account is not confirmed yet
        url = LINK.search(mail.outbox[-1].body).group(1)
        form_url = self.client.get(url, follow=True).redirect_chain[-1][0]
        response = self.client.post(
            form_url,
            {"new_password1": "a-long-pass-phrase-42", "new_password2": "a-long-pass-phrase-42"},
        )
        assert response["Location"] == "/es/learning/my-learning/"
        certificate = Certificate.objects.get(holder__email="ana@example.org")
        assert certificate.holder_name == "Ana Pérez" and certificate.score == Decimal("100.00")

    def test_signing_in_merges_what_was_done_before(self):
        user = learner()
        user.set_password("a-long-pass-phrase-42")
        user.save()
        self.complete(self.text)
        self.answer(self.practice, PRACTICE_Q, "a2")
        self.client.post(
            "/en/account/sign-in/", {"username": user.email, "password": "a-long-pass-phrase-42"}
        )
        assert len(ModuleProgress.objects.get(user=user).lessons_done) == 1
        assert QuestionAttempt.objects.filter(user=user, question_id=PRACTICE_Q).count() == 1
        assert "learning" not in self.client.session


class TestMyLearning(ProgressTestCase):
    def test_my_learning_for_a_visitor_and_a_learner(self):
        self.complete(self.text)
        html = self.client.get("/en/learning/my-learning/").content.decode()
        assert "Caring for children moving alone" in html and "1 of 3 lessons done" in html
        assert "kept in this browser only" in html
        user = learner()
        self.client.force_login(user)
        self.pass_everything()
        html = self.client.get("/en/learning/my-learning/").content.decode()
        completed = html.split('id="completed"')[1]
        assert "Caring for children moving alone" in completed
        assert "/en/certificates/" in html.split('id="certificates"')[1]

    def test_another_learner_sees_nothing_of_mine(self):
        user = learner()
        self.client.force_login(user)
        self.pass_everything()
        self.client.logout()
        other = learner("other@example.org")
        self.client.force_login(other)
        html = self.client.get("/en/learning/my-learning/").content.decode()
        assert "No module in progress." in html and "No certificate yet" in html
        html = self.client.get(self.module.url).content.decode()
        assert "Your progress" not in html and "/certificates/" not in html

    def test_resume_link_goes_to_the_first_lesson_not_done(self):
        self.complete(self.text)
        response = self.client.get(f"/en/learning/resume/{self.module.translation_key}/")
        assert response["Location"] == self.practice.url


class TestRatings(ProgressTestCase):
    def test_rating_after_the_module_and_average_shown_from_five(self):
        user = learner()
        self.client.force_login(user)
        self.pass_everything()
        html = self.client.get(self.module.url).content.decode()
        assert 'name="rating"' in html
        url = f"/en/learning/rate/{self.module.pk}/"
        response = self.client.post(
            url, {"what_worked": "The videos", "what_was_missing": "More cases"}
        )
        assert response.status_code == 302 and not ModuleRating.objects.exists()
        html = self.client.get(self.module.url).content.decode()
        assert "Choose a rating from 1 to 5" in html and "The videos" in html  # kept
        self.client.post(url, {"rating": "5", "what_worked": "The videos", "what_was_missing": ""})
        rating = ModuleRating.objects.get(user=user)
        assert rating.rating == 5 and rating.what_worked == "The videos"
        html = self.client.get(self.module.url).content.decode()
        assert "out of 5" not in html  # one rating is not enough to show
        for n in range(4):
            other = learner(f"r{n}@example.org")
            ModuleRating.objects.create(
                user=other, module_key=self.module.translation_key, rating=4, language="en"
            )
        html = self.client.get(self.module.url).content.decode()
        assert "4.2 out of 5 (5 ratings)" in html
        self.client.logout()
        html = self.client.get(self.module.url).content.decode()
        assert "4.2 out of 5" in html
        assert "The videos" not in html  # comments are for the course team only

    def test_ratings_need_an_account(self):
        response = self.client.post(f"/en/learning/rate/{self.module.pk}/", {"rating": "1"})
        assert response.status_code == 302 and not ModuleRating.objects.exists()
