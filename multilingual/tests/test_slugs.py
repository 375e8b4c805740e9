"""Translated pages get a slug in their language from the translated title, editable after."""

from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation

from editorial.tests.test_translations import TranslationTestCase


class TestTranslatedSlugs(TranslationTestCase):
    def put_string(self, page, path, value, locale=None):
        translation = Translation.objects.get(
            source__object_id=page.translation_key, target_locale=locale or self.fr
        )
        segment = StringSegment.objects.get(source=translation.source, context__path=path)
        url = reverse("wagtail_localize:edit_string_translation", args=(translation.pk, segment.pk))
        response = self.client.put(
            url, encode_multipart(BOUNDARY, {"value": value}), content_type=MULTIPART_CONTENT
        )
        assert response.status_code in (200, 201), response.content

    def draft_slug(self, french):
        self.submit_translation(french)
        return self.reload(french).get_latest_revision_as_object().slug

    def test_slug_follows_the_translated_title_until_the_translator_sets_one(self):
        self.login("translator")
        french = self.translate(self.page)
        assert french.slug == "family-tracing"
        self.put_string(self.page, "title", "Recherche des familles, à l'étranger")
        assert self.draft_slug(french) == "recherche-des-familles-a-letranger"

        # A retitled translation gets the new slug while nobody has chosen one.
        self.login("reviewer")
        self.act(french, "reject", comment="Shorter title please.")
        self.login("translator")
        self.put_string(self.page, "title", "Recherche familiale")
        assert self.draft_slug(self.reload(french)) == "recherche-familiale"

        # The slug is editable in the translation editor, and a slug set by hand stays.
        self.login("reviewer")
        self.act(french, "reject")
        self.login("translator")
        self.put_string(self.page, "slug", "retrouver-les-familles")
        self.put_string(self.page, "title", "Retrouver les familles")
        assert self.draft_slug(self.reload(french)) == "retrouver-les-familles"

    def test_slug_is_unique_among_the_translated_siblings(self):
        self.login("translator")
        french = self.translate(self.page)
        sibling = self.french(self.t.areas_index).add_child(
            instance=type(self.page)(title="Existant", slug="recherche-familiale")
        )
        assert sibling.slug == "recherche-familiale"
        self.put_string(self.page, "title", "Recherche familiale")
        assert self.draft_slug(french) == "recherche-familiale-1"

    def test_an_arabic_title_gives_an_arabic_slug_that_survives_saving(self):
        arabic = Locale.objects.create(language_code="ar")
        self.login("admin")
        for page in (self.t.home, self.t.areas_index):
            with self.captureOnCommitCallbacks(execute=True):
                self.client.post(
                    reverse("wagtail_localize:submit_page_translation", args=(page.pk,)),
                    {"locales": [arabic.pk]},
                )
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                reverse("wagtail_localize:submit_page_translation", args=(self.page.pk,)),
                {"locales": [arabic.pk]},
            )
        self.put_string(self.page, "title", "البحث عن الأسر", locale=arabic)
        arabic_page = self.page.get_translation(arabic)
        assert arabic_page.slug == "family-tracing"  # until the translation is saved
        # wagtail-localize re-slugifies on saving: the Arabic letters stay (not emptied to ASCII).
        translation = Translation.objects.get(
            source__object_id=self.page.translation_key, target_locale=arabic
        )
        translation.save_target(user=self.users["translator"], publish=False)
        saved = self.reload(arabic_page).get_latest_revision_as_object()
        assert saved.slug == "البحث-عن-الأسر"
