"""When content is due for review, and how a review is recorded.

The review fields live on each page type's own table (they come from a mixin on `BasePage`), so
"every page due for review" spans all page tables. `pages_with_review_dates()` reaches them from
`Page` through Django's multi-table-inheritance links and coalesces them into annotations: one
query, still filterable and sortable, serves the report, the dashboard and the reminders.

A recorded review must survive the next publish. Wagtail publishes a revision's content, so a
review written only to the page row would be undone as soon as a draft saved earlier went live.
Recording a review therefore writes the same values into the revisions that can still be
published: the latest one and any scheduled one.
"""

import calendar

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from modelcluster.models import get_serializable_data_for_fields
from wagtail.admin.utils import get_user_display_name
from wagtail.models import Page, get_page_models

from core.pages import SectionIndexPage
from core.reviewable import ReviewableMixin


def add_months(day, months):
    """`day` moved by whole months, clamped to the end of shorter months (31 Jan → 28 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    last_day = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last_day))


def next_review_date(today=None):
    return add_months(today or timezone.localdate(), settings.EDITORIAL_REVIEW_INTERVAL_MONTHS)


def reviewable_models():
    return [model for model in get_page_models() if issubclass(model, ReviewableMixin)]


def _across_page_types(field):
    # Every page type inherits Page directly (through the abstract BasePage), so each one is
    # reachable from Page by its model name; a page has a row in exactly one of them.
    links = [F(f"{model._meta.model_name}__{field}") for model in reviewable_models()]
    return Coalesce(*links) if len(links) > 1 else links[0]


def pages_with_review_dates(queryset=None):
    """Pages annotated with `review_by` and `responsible_id` (the user to remind).

    The responsible user is the content owner, or the page's creator when no owner is set, so
    that a page nobody was assigned to still reaches someone.
    """
    queryset = Page.objects.all() if queryset is None else queryset
    return queryset.annotate(
        review_by=_across_page_types("review_by"),
        content_owner_id=_across_page_types("content_owner"),
    ).annotate(responsible_id=Coalesce("content_owner_id", "owner"))


def pages_due(by=None):
    """Live pages whose review date is on or before `by` (today by default), oldest first.

    Drafts are left out: freshness is about what visitors can read.
    """
    by = by or timezone.localdate()
    return (
        pages_with_review_dates(Page.objects.live())
        .filter(review_by__lte=by)
        .order_by("review_by", "path")
    )


def days_overdue(review_by, today=None):
    return ((today or timezone.localdate()) - review_by).days


def area_pages():
    """The pages that name an area: each section of the site, and each top-level content area.

    Sections are the home page's children (content areas, library, case studies, eLearning),
    at depth 3 under the root; inside a section whose children are areas in their own right
    (`SectionIndexPage.children_are_areas`: the content areas), the area says more.
    """
    areas = Q(depth=3)
    parents = [
        model
        for model in get_page_models()
        if issubclass(model, SectionIndexPage) and model.children_are_areas
    ]
    if parents:
        for index in Page.objects.type(*parents).values("path", "depth"):
            areas |= Q(path__startswith=index["path"], depth=index["depth"] + 1)
    return Page.objects.filter(areas)


def areas_of(pages):
    """{page id: title of the innermost area containing it (or the page itself)}."""
    areas = dict(area_pages().values_list("path", "title"))
    result = {}
    for page in pages:
        for depth in (4, 3):
            title = areas.get(page.path[: depth * Page.steplen])
            if title is not None and page.depth >= depth:
                result[page.pk] = title
                break
    return result


def describe(pages, today=None):
    """Give each due page what listings show: `area`, `language`, `owner_name`, `days_overdue`."""
    areas = areas_of(pages)
    users = get_user_model().objects.in_bulk({page.responsible_id for page in pages})
    for page in pages:
        owner = users.get(page.responsible_id)
        page.area = areas.get(page.pk, "")
        page.language = page.locale.get_display_name()
        page.owner_name = get_user_display_name(owner) if owner else ""
        page.days_overdue = days_overdue(page.review_by, today)
    return pages


def _stored(page, values):
    """`values` as a revision stores them (ISO dates, user ids)."""
    for name, value in values.items():
        setattr(page, name, value)
    data = get_serializable_data_for_fields(page)
    return {name: data[name] for name in values}


def _pending_revisions(page):
    """The revisions that may still be published: the latest and any scheduled one."""
    return page.revisions.filter(
        Q(pk=page.latest_revision_id) | Q(approved_go_live_at__isnull=False)
    )


def record_approval(revision, user):
    """Write an approval into the revision about to go live, before Wagtail publishes it.

    The approver has reviewed the page now. The next review is due twelve months from today,
    unless the editor chose a later date in this revision (a date differing from the live one).
    """
    page = revision.as_object()
    if not isinstance(page, ReviewableMixin):
        return
    today = timezone.localdate()
    live = Page.objects.filter(pk=page.pk).values_list("live_revision__content", flat=True).first()
    chosen = page.review_by
    editor_chose = (
        chosen
        and chosen > today
        and revision.content.get("review_by") != (live or {}).get("review_by")
    )
    values = {
        "review_by": chosen if editor_chose else next_review_date(today),
        "last_reviewed_at": timezone.now(),
        "last_reviewed_by": user,
    }
    revision.content.update(_stored(page, values))
    revision.save(update_fields=["content"])


@transaction.atomic
def mark_reviewed(page, user):
    """Record that `user` checked the page and found it current, without changing its content.

    The page row (what visitors see) and the revisions that may still go live are updated in
    place: no new revision and no publishing, so nothing else about the page changes.
    """
    page = page.specific
    values = {
        "review_by": next_review_date(),
        "last_reviewed_at": timezone.now(),
        "last_reviewed_by": user,
    }
    stored = _stored(page, values)
    type(page).objects.filter(pk=page.pk).update(**values)
    for revision in _pending_revisions(page):
        revision.content.update(stored)
        revision.save(update_fields=["content"])
    return page
