"""Partners find their way in from any public page, in every language."""

from bs4 import BeautifulSoup
from django.test import TestCase
from django.urls import reverse
from django.utils import translation

from alerts.tests.helpers import translate
from tests.tree import build_site


class TestSignInLink(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()
        cls.french_home = translate(cls.t.home, "fr", "Accueil")

    def sign_in_link(self, url):
        response = self.client.get(url)
        assert response.status_code == 200
        header = BeautifulSoup(response.content, "html.parser").find("header")
        return header.find("a", class_="partner-sign-in")

    def test_the_header_links_to_the_partners_sign_in_in_the_page_language(self):
        link = self.sign_in_link(self.t.home.url)
        assert link["href"] == reverse("partners:login")
        assert link.get_text(strip=True) == "Partner sign-in"
        link = self.sign_in_link(self.french_home.url)
        with translation.override("fr"):
            assert link["href"] == reverse("partners:login")
        assert self.client.get(link["href"]).status_code == 200
