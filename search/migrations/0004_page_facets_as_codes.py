"""Facet values numbered, and each page's values as one row of numbers (search.summary).

Existing facet rows are carried over, so the counts stay right without rebuilding the index.
"""

import django.db.models.deletion
import search.fields
from django.conf import settings
from django.db import migrations, models


def carry_over(apps, schema_editor):
    PageFacet = apps.get_model("portal_search", "PageFacet")
    FacetValue = apps.get_model("portal_search", "FacetValue")
    PageFacets = apps.get_model("portal_search", "PageFacets")
    pairs = PageFacet.objects.values_list("facet", "value").distinct()
    FacetValue.objects.bulk_create([FacetValue(facet=facet, value=value) for facet, value in pairs])
    numbers = {(value.facet, value.value): value.pk for value in FacetValue.objects.all()}
    codes = {}
    for page_id, facet, value in PageFacet.objects.values_list("page_id", "facet", "value").iterator():
        codes.setdefault(page_id, []).append(numbers[(facet, value)])
    PageFacets.objects.bulk_create((PageFacets(page_id=page_id, codes=page_codes)
                                    for page_id, page_codes in codes.items()), batch_size=1000)


def carry_back(apps, schema_editor):
    FacetValue = apps.get_model("portal_search", "FacetValue")
    PageFacets = apps.get_model("portal_search", "PageFacets")
    PageFacet = apps.get_model("portal_search", "PageFacet")
    Page = apps.get_model("wagtailcore", "Page")
    names = {value.pk: (value.facet, value.value) for value in FacetValue.objects.all()}
    keys = dict(Page.objects.values_list("pk", "translation_key"))
    PageFacet.objects.bulk_create((
        PageFacet(page_id=row.page_id, translation_key=keys[row.page_id], facet=names[code][0],
                  value=names[code][1])
        for row in PageFacets.objects.iterator() for code in row.codes if code in names
    ), batch_size=1000)


class Migration(migrations.Migration):

    dependencies = [
        ('portal_search', '0003_page_id_text_index'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='PageFacets',
            fields=[
                ('page', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='+', serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('codes', search.fields.IntegerListField(default=list)),
            ],
        ),
        migrations.CreateModel(
            name='FacetValue',
            fields=[
                ('id', models.AutoField(primary_key=True, serialize=False)),
                ('facet', models.CharField(max_length=16)),
                ('value', models.CharField(max_length=100)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('facet', 'value'), name='search_facet_value_unique')],
            },
        ),
        migrations.RunPython(carry_over, carry_back),
        migrations.DeleteModel(
            name='PageFacet',
        ),
    ]
