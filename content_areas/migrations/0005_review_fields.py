"""Review fields for every page type of this app (editorial.models.ReviewableMixin).

A content area's own "last reviewed" date is replaced by the shared fields: it becomes the time
of the last review, and the area is due for review again twelve months later. Revisions that may
still be published get the same values, so publishing an older draft does not undo them.
"""

import datetime

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def _a_year_later(day):
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def carry_over_last_reviewed(apps, schema_editor):
    ContentAreaPage = apps.get_model("content_areas", "ContentAreaPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    for area in ContentAreaPage.objects.exclude(last_reviewed=None):
        area.last_reviewed_at = datetime.datetime.combine(
            area.last_reviewed, datetime.time(), tzinfo=datetime.timezone.utc)
        area.review_by = area.review_by or _a_year_later(area.last_reviewed)
        area.save(update_fields=["last_reviewed_at", "review_by"])
        stored = {"last_reviewed_at": area.last_reviewed_at.isoformat(),
                  "review_by": area.review_by.isoformat()}
        for revision in Revision.objects.filter(
                pk__in=[area.latest_revision_id, area.live_revision_id]):
            revision.content.update(stored)
            revision.save(update_fields=["content"])


def restore_last_reviewed(apps, schema_editor):
    ContentAreaPage = apps.get_model("content_areas", "ContentAreaPage")
    for area in ContentAreaPage.objects.exclude(last_reviewed_at=None):
        area.last_reviewed = area.last_reviewed_at.date()
        area.save(update_fields=["last_reviewed"])


class Migration(migrations.Migration):

    dependencies = [
        ('content_areas', '0004_alter_contentareaindexpage_options_and_more'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='contentareaindexpage',
            name='content_owner',
            field=models.ForeignKey(blank=True, help_text="The specialist who answers for this content and is reminded when it is due for review. Empty: the page's creator is reminded.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='content owner'),
        ),
        migrations.AddField(
            model_name='contentareaindexpage',
            name='last_reviewed_at',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='last reviewed'),
        ),
        migrations.AddField(
            model_name='contentareaindexpage',
            name='last_reviewed_by',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='last reviewed by'),
        ),
        migrations.AddField(
            model_name='contentareaindexpage',
            name='review_by',
            field=models.DateField(blank=True, help_text='When the content must next be checked. Leave it for approval to set twelve months ahead, or choose a date.', null=True, verbose_name='review by'),
        ),
        migrations.AddField(
            model_name='contentareapage',
            name='content_owner',
            field=models.ForeignKey(blank=True, help_text="The specialist who answers for this content and is reminded when it is due for review. Empty: the page's creator is reminded.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='content owner'),
        ),
        migrations.AddField(
            model_name='contentareapage',
            name='last_reviewed_at',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='last reviewed'),
        ),
        migrations.AddField(
            model_name='contentareapage',
            name='last_reviewed_by',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='last reviewed by'),
        ),
        migrations.AddField(
            model_name='contentareapage',
            name='review_by',
            field=models.DateField(blank=True, help_text='When the content must next be checked. Leave it for approval to set twelve months ahead, or choose a date.', null=True, verbose_name='review by'),
        ),
        migrations.RunPython(carry_over_last_reviewed, restore_last_reviewed),
        migrations.RemoveField(
            model_name='contentareapage',
            name='last_reviewed',
        ),
    ]
