"""Popular topics follow changes at once where the shared cache keeps the content generation."""

from django.core.cache import cache
from django.test import TestCase, override_settings

from taxonomy.templatetags.taxonomy_tags import popular_topics
from tests import factories as f
from tests.tree import build_site


def names():
    return [topic["name"] for topic in popular_topics()]


@override_settings(FRAGMENT_CACHE_SECONDS=600)  # the content generation is kept (core.generations)
class TestPopularTopics(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()

    def setUp(self):
        cache.clear()

    def test_a_renamed_topic_shows_its_new_name_at_once(self):
        assert "Children on the move" in names()
        self.t.topic.name = "Children and young people on the move"
        self.t.topic.save()
        assert "Children and young people on the move" in names()
        assert "Children on the move" not in names()

    def test_a_topic_on_a_newly_published_page_joins_at_once(self):
        assert "Kinship care" not in names()
        kinship = f.TopicFactory(name="Kinship care", slug="kinship-care")
        page = f.ResourcePageFactory(parent=self.t.library, slug="kinship", live=False)
        page.topics.add(kinship)
        page.save_revision().publish()
        assert "Kinship care" in names()
