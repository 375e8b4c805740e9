"""A public page linking a partners-only document (issue 13, item 3).

Anonymous visitors learn nothing of the document (title, label, file name, size, link) in the
HTML or the JSON-LD; they see one neutral line saying a document is available to partners.
Partners see it as any other download.
"""

import json

from bs4 import BeautifulSoup

from resources.models import ResourcePageFile

from .test_api import APITestCase


class TestPartnersOnlyDocumentOnAPublicPage(APITestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        ResourcePageFile.objects.filter(document=cls.private_document).update(label="Budget lines")
        cls.file_name = cls.private_document.filename

    def page(self):
        response = self.client.get(self.t.resource.url)
        assert response.status_code == 200
        html = response.content.decode()
        soup = BeautifulSoup(html, "html.parser")
        [script] = soup.select('script[type="application/ld+json"]')
        return html, soup, json.loads(script.string)

    def test_anonymous_visitors_see_nothing_of_it(self):
        html, soup, data = self.page()
        for secret in ("Partner budget", "Budget lines", self.file_name, self.private_document.url):
            assert secret not in html, secret
            assert secret not in json.dumps(data), secret
        size = self.private_document.get_file_size()
        assert f"{size} B" not in json.dumps(data)
        [neutral] = soup.select(".document-link.is-restricted")
        assert neutral.get_text(" ", strip=True).startswith("A document available to partners.")
        assert neutral.a["href"].startswith("/en/partners/sign-in/?next=")
        # The public file is still described in full.
        assert "Guide to interim care" in html
        media = [item["name"] for item in data.get("associatedMedia", [])]
        assert media == ["Guide to interim care"]

    def test_partners_see_it(self):
        self.client.force_login(self.partner)
        html, soup, data = self.page()
        assert "Budget lines" in html and self.private_document.url in html
        assert not soup.select(".document-link.is-restricted")
        media = {item["name"] for item in data["associatedMedia"]}
        assert media == {"Guide to interim care", "Partner budget"}

    def test_more_private_collections_cost_no_more_queries(self):
        """Each community shelf adds a restricted collection: a page's query count must not
        follow their number (Wagtail's own helper asked for each restriction's groups)."""
        from django.contrib.auth.models import Group
        from django.db import connection
        from django.test.utils import CaptureQueriesContext
        from wagtail.models import Collection, CollectionViewRestriction

        def queries():
            self.client.get(self.t.resource.url, HTTP_CACHE_CONTROL="no-cache")
            with CaptureQueriesContext(connection) as captured:
                self.page()
            return len(captured)

        before = queries()
        root = Collection.get_first_root_node()
        for number in range(3):
            shelf = root.add_child(name=f"Community shelf {number}")
            restriction = CollectionViewRestriction.objects.create(
                collection=shelf, restriction_type=CollectionViewRestriction.GROUPS
            )
            restriction.groups.add(Group.objects.create(name=f"Community members {number}"))
        assert queries() == before


class TestPartnersOnlyDocumentLinkedInRichText(APITestCase):
    """A link an editor put inside a paragraph: Wagtail would write the file's address."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        resource = cls.t.resource
        link = f'<p>See <a linktype="document" id="{cls.private_document.pk}">the budget</a>.</p>'
        resource.body = [("paragraph", link)]
        resource.save_revision().publish()

    def links(self):
        response = self.client.get(self.t.resource.url)
        assert response.status_code == 200
        soup = BeautifulSoup(response.content.decode(), "html.parser")
        [anchor] = [a for a in soup.select("a") if a.get_text(strip=True) == "the budget"]
        return response.content.decode(), anchor

    def test_anonymous_visitors_get_no_address_or_file_name(self):
        html, anchor = self.links()
        assert not anchor.has_attr("href")
        assert anchor["title"] == "A document available to partners."
        assert self.private_document.filename not in html
        assert self.private_document.url not in html

    def test_partners_get_the_link(self):
        self.client.force_login(self.partner)
        _html, anchor = self.links()
        assert anchor["href"] == self.private_document.url
