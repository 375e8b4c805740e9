"""Editors' synonyms and the search terms report in the admin."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from search.models import SearchQueryStat, SynonymGroup


class AdminTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.fr = Locale.objects.get_or_create(language_code="fr")[0]
        cls.en = Locale.objects.get(language_code="en")
        cls.admin = get_user_model().objects.create_superuser("admin", "a@example.org", "pw")
        cls.editor = get_user_model().objects.create_user("editor", "e@example.org", "pw")
        cls.editor.user_permissions.add(Permission.objects.get(codename="access_admin"))


class TestSynonyms(AdminTestCase):
    def test_editors_add_a_group_per_language(self):
        self.client.force_login(self.admin)
        url = reverse("wagtailsnippets_portal_search_synonymgroup:add")
        response = self.client.post(
            url, {"locale": self.fr.pk, "terms": "enfant, enfance, mineur", "note": ""}
        )
        assert response.status_code == 302
        group = SynonymGroup.objects.get(terms__startswith="enfant")
        assert group.locale == self.fr and group.term_list() == ["enfant", "enfance", "mineur"]
        listing = self.client.get(reverse("wagtailsnippets_portal_search_synonymgroup:list"))
        assert "enfant, enfance, mineur" in listing.content.decode()

    def test_a_group_needs_two_terms(self):
        self.client.force_login(self.admin)
        url = reverse("wagtailsnippets_portal_search_synonymgroup:add")
        starters = SynonymGroup.objects.count()  # the starter groups (search.starter_synonyms)
        response = self.client.post(
            url, {"locale": self.en.pk, "terms": "child, Child", "note": ""}
        )
        assert response.status_code == 200 and SynonymGroup.objects.count() == starters


class TestSearchTermsReport(AdminTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        today = timezone.now().date()
        rows = [
            ("helpline", "en", 12, 4),
            ("foster care", "en", 5, 0),
            ("enfants", "fr", 7, 3),
            ("tutelle", "fr", 2, 0),
        ]
        for query, language, searches, results in rows:
            SearchQueryStat.objects.create(
                date=today,
                language=language,
                scope="locale",
                query=query,
                searches=searches,
                searches_without_results=searches if results == 0 else 0,
                results=results,
            )
        SearchQueryStat.objects.create(
            date=today - datetime.timedelta(days=200),
            language="en",
            scope="locale",
            query="old news",
            searches=99,
            results=1,
        )

    def report(self, **params):
        self.client.force_login(self.admin)
        response = self.client.get(reverse("search_terms_report"), params)
        assert response.status_code == 200
        return response.content.decode()

    def test_most_frequent_first_in_the_last_30_days(self):
        html = self.report()
        assert html.index("helpline") < html.index("enfants") < html.index("foster care")
        assert "old news" not in html
        assert "old news" in self.report(period="365")

    def test_per_language_and_zero_results(self):
        html = self.report(language="fr")
        assert "enfants" in html and "helpline" not in html
        html = self.report(without_results="true")
        assert "foster care" in html and "tutelle" in html and "helpline" not in html

    def test_export(self):
        self.client.force_login(self.admin)
        response = self.client.get(reverse("search_terms_report"), {"export": "csv"})
        assert response.status_code == 200 and b"helpline" in b"".join(response.streaming_content)

    def test_only_for_those_allowed_to_view_statistics(self):
        self.client.force_login(self.editor)
        assert self.client.get(reverse("search_terms_report")).status_code in (302, 403)
        analysts = Group.objects.create(name="Analysts")
        analysts.permissions.add(Permission.objects.get(codename="view_searchquerystat"))
        self.editor.groups.add(analysts)
        assert self.client.get(reverse("search_terms_report")).status_code == 200
