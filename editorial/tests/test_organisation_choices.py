"""Partners and funders are chosen among hundreds of organisations without Ctrl-click."""

from bs4 import BeautifulSoup
from django.urls import reverse

from case_studies.models import CaseStudyPage
from tests import factories as f

from .base import EditorialTestCase


class TestOrganisationChoices(EditorialTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.many = [f.OrganisationFactory(name=f"Network {n:03}") for n in range(300)]
        cls.case = CaseStudyPage.objects.get(pk=cls.t.case_study.pk)

    def test_tick_boxes_with_a_filter_chosen_first_and_saved(self):
        self.login("specialist")
        url = reverse("wagtailadmin_pages:edit", args=(self.case.pk,))
        response = self.client.get(url)
        assert response.status_code == 200
        soup = BeautifulSoup(response.content, "html.parser")
        for field, chosen in (("partners", self.t.organisation), ("funders", self.t.funder)):
            widget = soup.find(id=f"id_{field}").find_parent(
                attrs={"data-filterable-choices": True}
            )
            assert widget.find("input", type="search")  # the filter
            boxes = widget.find_all("input", type="checkbox")
            assert len(boxes) == 302  # every organisation, no multiple <select>
            assert boxes[0]["value"] == str(chosen.pk) and boxes[0].has_attr("checked")
        assert soup.find("select", attrs={"multiple": True, "name": "partners"}) is None
        assert "js/filterable-choices.js" in response.content.decode()

        partners = [self.many[7].pk, self.many[250].pk]
        self.edit(self.case, partners=partners, funders=[self.t.funder.pk])
        latest = CaseStudyPage.objects.get(pk=self.case.pk).get_latest_revision_as_object()
        assert sorted(o.pk for o in latest.partners.all()) == sorted(partners)
