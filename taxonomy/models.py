"""The vocabularies visitors filter by: topics, regions, audiences, resource types, organisations.

Terms are translatable snippets. A term's slug is the same in every language (synchronised by
wagtail-localize), so a filter URL such as `?topic=children-on-the-move` works in every locale,
and pages point at the default-language term while templates show `term.localized`.
"""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.localization import CachedLocalizedMixin


class Term(CachedLocalizedMixin, TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=True,
        blank=True,
        help_text=_("Used in filter links; the same in every language."),
    )
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
        index.FilterField("slug"),
    ]
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name, allow_unicode=True)[:100]
        super().save(*args, **kwargs)


class Topic(Term):
    class Meta(Term.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Region(Term):
    """A world region or a country; countries name their region so listings can group them."""

    KIND_REGION = "region"
    KIND_COUNTRY = "country"
    kind = models.CharField(
        _("kind"),
        max_length=10,
        default=KIND_COUNTRY,
        choices=[(KIND_REGION, _("Region")), (KIND_COUNTRY, _("Country"))],
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="countries",
        limit_choices_to={"kind": KIND_REGION},
        verbose_name=_("region"),
    )

    panels = Term.panels + [FieldPanel("kind"), FieldPanel("parent")]
    override_translatable_fields = Term.override_translatable_fields + [SynchronizedField("parent")]

    class Meta(Term.Meta):
        verbose_name = _("region or country")
        verbose_name_plural = _("regions and countries")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Audience(Term):
    class Meta(Term.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class ResourceType(Term):
    class Meta(Term.Meta):
        verbose_name = _("resource type")
        verbose_name_plural = _("resource types")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Organisation(Term):
    """Publishers, partners and funders."""

    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    website = models.URLField(_("website"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("acronym"),
        FieldPanel("slug"),
        FieldPanel("website"),
        FieldPanel("description"),
    ]
    search_fields = Term.search_fields + [index.SearchField("acronym")]

    class Meta(Term.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]
