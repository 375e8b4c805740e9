"""Topics, regions and audiences on the page types that visitors filter by them.

The taxonomy relations are synchronised rather than translated by wagtail-localize: a French
resource points at the same Topic rows as its English source, and templates show
`topic.localized`. Filtering by slug therefore works the same in every locale, and a term
that has not been translated yet never blocks a page translation.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .serializers import TermSerializer


class TaxonomyMixin(models.Model):
    """Topics, regions and audiences for pages that visitors filter."""

    topics = ParentalManyToManyField(
        "taxonomy.Topic", blank=True, related_name="+", verbose_name=_("topics")
    )
    regions = ParentalManyToManyField(
        "taxonomy.Region", blank=True, related_name="+", verbose_name=_("regions and countries")
    )
    audiences = ParentalManyToManyField(
        "taxonomy.Audience", blank=True, related_name="+", verbose_name=_("audiences")
    )

    taxonomy_panels = [FieldPanel("topics"), FieldPanel("regions"), FieldPanel("audiences")]
    taxonomy_search_fields = [
        index.RelatedFields("topics", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields("regions", [index.SearchField("name"), index.FilterField("slug")]),
        index.FilterField("topics"),
        index.FilterField("regions"),
        index.FilterField("audiences"),
    ]
    taxonomy_api_fields = [
        APIField("topics", serializer=TermSerializer(many=True)),
        APIField("regions", serializer=TermSerializer(many=True)),
        APIField("audiences", serializer=TermSerializer(many=True)),
    ]
    taxonomy_synchronized_fields = [
        SynchronizedField("topics"),
        SynchronizedField("regions"),
        SynchronizedField("audiences"),
    ]

    class Meta:
        abstract = True
