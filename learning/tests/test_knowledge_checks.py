"""Knowledge checks: marked on the server, answer key hidden, attempts limited, attempts keep
what was asked, one question across translations."""

from django.contrib.auth import get_user_model
from django.test import TestCase
from wagtail.models import Locale

from accounts.services import activate, create_account
from alerts.tests.helpers import locale
from learning.records import QuestionAttempt
from tests.tree import build_site

from .helpers import build_module

PRACTICE_Q = "11111111-1111-4111-8111-111111111111"
MULTI_Q = "22222222-2222-4222-8222-222222222222"
TF_Q = "33333333-3333-4333-8333-333333333333"


def learner(email="learner@example.org", language="en"):
    user = create_account(email, "Amina Diallo", language)
    activate(user)
    return user


class QuizTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()
        cls.module, cls.lessons = build_module(cls.t)
        cls.practice, cls.test = cls.lessons[1], cls.lessons[2]

    def answer(self, lesson, question, *choices, json=False):
        headers = {"HTTP_ACCEPT": "application/json"} if json else {}
        return self.client.post(
            lesson.url,
            {"action": "answer", "question": question, "choice": list(choices)},
            **headers,
        )


class TestAnswerKey(QuizTestCase):
    def test_the_page_never_holds_the_answer_before_answering(self):
        html = self.client.get(self.practice.url).content.decode()
        assert "Who should be asked first" in html and 'value="a1"' in html
        for secret in ("own views come first", "not asked first", "Because.", "correct"):
            assert secret not in html, secret
        html = self.client.get(self.test.url).content.decode()
        for secret in ("Right: relatives", "never care", "detention harms", "Explained."):
            assert secret not in html, secret

    def test_the_api_and_search_never_hold_the_answer_key(self):
        import json

        data = self.client.get(f"/api/v2/pages/{self.test.pk}/").json()
        questions = data["steps"][0]["value"]["questions"]
        assert questions[0]["value"]["options"][0] == {"id": "b1", "text": "Kinship care"}
        text = json.dumps(data)
        for secret in ('"correct"', "Right: relatives", "never care", "Explained.", '"answer"'):
            assert secret not in text, secret
        html = self.client.get("/en/search/?q=relatives+caring").content.decode()
        assert self.test.title not in html.split("<main", 1)[1].split('id="search-results"', 1)[
            -1
        ] or ("Right: relatives" not in html)
        assert "Right: relatives" not in html and "Detention is never care" not in html

    def test_a_wrong_practice_answer_gets_feedback_and_unlimited_retries(self):
        for _ in range(4):
            response = self.answer(self.practice, PRACTICE_Q, "a2")
            assert response.status_code == 302
            assert response["Location"] == f"{self.practice.url}#q-{PRACTICE_Q}"
        html = self.client.get(self.practice.url).content.decode()
        assert "not asked first" in html and "Not quite" in html
        assert "Because." not in html  # the explanation waits for the right answer
        assert "The child</strong>" not in html
        self.answer(self.practice, PRACTICE_Q, "a1")
        html = self.client.get(self.practice.url).content.decode()
        assert "own views come first" in html and "Because." in html

    def test_with_javascript_the_answer_comes_back_as_html(self):
        response = self.answer(self.practice, PRACTICE_Q, "a1", json=True)
        assert response.status_code == 200
        data = response.json()
        assert data["error"] is None and "own views come first" in data["html"]
        assert f'id="q-{PRACTICE_Q}"' in data["html"]

    def test_bad_answers_are_refused_clearly_and_not_counted(self):
        response = self.answer(self.practice, PRACTICE_Q, json=True)
        assert response.status_code == 400 and response.json()["error"] == "Choose an answer first."
        assert self.answer(self.practice, PRACTICE_Q, "zz", json=True).status_code == 400
        assert self.answer(self.practice, PRACTICE_Q, "a1", "a2", json=True).status_code == 400
        assert self.answer(self.practice, "no-such-question", "a1", json=True).status_code == 400
        assert self.client.post(self.practice.url, {"action": "dance"}).status_code == 400
        response = self.answer(self.practice, PRACTICE_Q)  # without JavaScript: a message
        html = self.client.get(response["Location"].split("#")[0]).content.decode()
        assert "Choose an answer first." in html
        assert self.client.session.get("learning", {}).get("tries", {}).get(PRACTICE_Q) is None


class TestScoredTests(QuizTestCase):
    def test_attempts_are_limited_and_the_answer_revealed_when_they_run_out(self):
        self.answer(self.test, MULTI_Q, "b1")  # half right is wrong
        html = self.client.get(self.test.url).content.decode()
        assert "Not right yet" in html and "1 attempt left" in html
        assert "Foster care</strong>" not in html  # the right answers stay hidden
        self.answer(self.test, MULTI_Q, "b1", "b3")
        html = self.client.get(self.test.url).content.decode()
        assert "no attempts are left" in html and "Kinship care · Foster care" in html
        response = self.answer(self.test, MULTI_Q, "b1", "b2", json=True)
        assert response.status_code == 409
        assert len(self.client.session["learning"]["tries"][MULTI_Q]) == 2

    def test_a_right_answer_settles_the_question(self):
        self.answer(self.test, TF_Q, "false")
        html = self.client.get(self.test.url).content.decode()
        assert "Right: detention is never" in html and "Explained." in html
        assert self.answer(self.test, TF_Q, "false", json=True).status_code == 409

    def test_multiple_choice_needs_exactly_the_right_set(self):
        user = learner()
        self.client.force_login(user)
        self.answer(self.test, MULTI_Q, "b2", "b1")
        attempt = QuestionAttempt.objects.get(user=user)
        assert attempt.correct and attempt.chosen == ["b1", "b2"] and attempt.mode == "test"


class TestEditedQuestions(QuizTestCase):
    def test_attempts_keep_what_was_asked_when_an_editor_changes_the_question(self):
        user = learner()
        self.client.force_login(user)
        self.answer(self.practice, PRACTICE_Q, "a2")
        lesson = self.practice.specific
        question = lesson.steps[0].value["questions"][0].value
        question["question"] = "Rewritten question?"
        question["options"][1]["feedback"] = "New feedback."
        lesson.save_revision().publish()
        attempt = QuestionAttempt.objects.get(user=user)
        assert attempt.asked["text"] == "Who should be asked first where a child will live?"
        assert attempt.asked["options"][1]["feedback"].startswith("They may help")
        assert [o["correct"] for o in attempt.asked["options"]] == [True, False]
        html = self.client.get(self.practice.url).content.decode()
        assert "Rewritten question?" in html  # the question as it is now...
        assert "They may help" in html  # ...and the feedback that was given then
        assert "New feedback." not in html


class TestTranslations(QuizTestCase):
    def test_french_and_english_answers_count_as_one_question(self):
        fr = locale("fr")
        french_lesson = self.test.copy_for_translation(fr, copy_parents=True)
        french_lesson.title = "Test (fr)"
        french_lesson.save_revision().publish()
        steps = french_lesson.specific.steps
        assert str(steps[0].value["questions"][0].id) == MULTI_Q  # the id survives translation
        user = learner(language="fr")
        self.client.force_login(user)
        self.answer(self.test, MULTI_Q, "b1")
        response = self.answer(french_lesson, MULTI_Q, "b1", "b2")
        assert response.status_code == 302
        attempts = QuestionAttempt.objects.filter(user=user, question_id=MULTI_Q).order_by("number")
        assert [(a.number, a.language, a.correct) for a in attempts] == [
            (1, "en", False),
            (2, "fr", True),
        ]
        assert Locale.objects.filter(language_code="fr").exists()
        assert get_user_model().objects.count() >= 1
