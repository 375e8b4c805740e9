"""The whole peer-review chain of a case study and of its French translation, with the demo users.

Everything goes through the admin's own views (edit, dashboard, workflow actions,
wagtail-localize's translate and string views, the portal's "Submit translation for review"),
with the accounts `manage.py load_demo_content` creates, in the groups `setup_editorial` makes.
"""

from django.core import mail
from django.test import TestCase
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation
from wagtail_localize.operations import translate_object

from demo import users as demo_users
from editorial import roles
from tests import factories as f
from tests.tree import build_site

from .base import page_data


class TestPeerReviewChain(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()
        roles.setup()
        demo_users.ensure_groups()
        cls.users, _ = demo_users.ensure_users()
        cls.fr = Locale.objects.create(language_code="fr")
        admin = cls.users["admin"]
        for page in (cls.t.home, cls.t.case_index):
            translate_object(page, [cls.fr], user=admin)
            page.get_translation(cls.fr).save_revision(user=admin).publish(user=admin)
        cls.case = f.CaseStudyPageFactory(
            parent=cls.t.case_index,
            title="Kinship care in Malawi",
            slug="kinship-care-malawi",
            owner=cls.users["specialist"],
            live=False,
        )
        cls.case.save_revision(user=cls.users["specialist"])

    def login(self, username):
        self.client.force_login(self.users[username])

    def mail_to(self, username):
        address = self.users[username].email
        return [message for message in mail.outbox if address in message.to]

    def dashboard(self):
        response = self.client.get(reverse("wagtailadmin_home"))
        assert response.status_code == 200
        return response.content.decode()

    def act(self, page, action, comment=""):
        state = Page.objects.get(pk=page.pk).current_workflow_task_state
        url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, state.pk))
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(url, {"comment": comment})
        assert response.status_code == 302, response.content
        return response

    def current_task(self, page):
        state = Page.objects.get(pk=page.pk).current_workflow_task_state
        return state.task.name if state else None

    def walk_review(self, page, title):
        """Peer review then the reviewers' approval, each seeing what waits for them."""
        assert self.current_task(page) == roles.PEER_REVIEW_TASK
        # The group that must act is told, by name of the page; the reviewers not yet.
        [notice] = self.mail_to("peer")
        assert title in notice.subject + notice.body
        assert not self.mail_to("reviewer")

        # The reviewer sees who holds the page up, which step, since when.
        self.login("reviewer")
        html = self.dashboard()
        assert "In review: waiting for others" in html
        assert title in html and roles.PEER_REVIEW_TASK in html
        assert "Peer reviewers" in html and "Wanjiru Kamau" in html

        # The peer reviewer's dashboard lists it with the actions open to them.
        self.login("peer")
        html = self.dashboard()
        assert title in html
        approve = reverse(
            "wagtailadmin_pages:workflow_action",
            args=(page.pk, "approve", Page.objects.get(pk=page.pk).current_workflow_task_state.pk),
        )
        assert approve in html
        mail.outbox.clear()
        self.act(page, "approve", comment="Sound method, good sources.")
        assert self.current_task(page) == roles.REVIEW_TASK
        assert not Page.objects.get(pk=page.pk).live

        [notice] = self.mail_to("reviewer")
        assert title in notice.subject + notice.body
        self.login("reviewer")
        assert title in self.dashboard()
        self.act(page, "approve", comment="Approved.")
        page = Page.objects.get(pk=page.pk)
        assert page.live and self.current_task(page) is None
        return page

    def test_case_study_and_its_french_translation_go_live_through_peer_review(self):
        # The specialist submits the case study in the editor.
        self.login("specialist")
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("wagtailadmin_pages:edit", args=(self.case.pk,)),
                page_data(self.case, **{"action-submit": "Submit for review"}),
            )
        assert response.status_code == 302
        html = self.dashboard()
        assert "Kinship care in Malawi" in html  # Wagtail's "your pages in a workflow"
        page = self.walk_review(self.case, "Kinship care in Malawi")
        assert page.url.endswith("/case-studies/kinship-care-malawi/")

        # The translator translates it in wagtail-localize and submits it for review.
        self.login("translator")
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("wagtail_localize:submit_page_translation", args=(self.case.pk,)),
                {"locales": [self.fr.pk]},
            )
        assert response.status_code == 302
        french = self.case.get_translation(self.fr)
        translation = Translation.objects.get(
            source__object_id=self.case.translation_key, target_locale=self.fr
        )
        segment = StringSegment.objects.get(source=translation.source, context__path="title")
        response = self.client.put(
            reverse("wagtail_localize:edit_string_translation", args=(translation.pk, segment.pk)),
            encode_multipart(BOUNDARY, {"value": "La prise en charge par la famille au Malawi"}),
            content_type=MULTIPART_CONTENT,
        )
        assert response.status_code in (200, 201)
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(reverse("editorial:submit_translation", args=(french.pk,)))
        assert response.status_code == 302

        french = self.walk_review(french, "La prise en charge par la famille au Malawi")
        assert french.title == "La prise en charge par la famille au Malawi"
        # At an address in its own language, not the English one.
        assert french.url.endswith("/la-prise-en-charge-par-la-famille-au-malawi/")
        assert self.client.get(french.url).status_code == 200
