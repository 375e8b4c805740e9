"""A community's members, themes and discussion: records, not pages.

A `Community` is a discussion space of one of two kinds:
- a community of practice, belonging to a community page through its translation key, like
  programmes' runs, so every language version of the page shares one membership and one
  discussion;
- a programme run's discussion (`kind="run"`), made for every run (`discussion`): its members
  are the run's accepted participants, its moderators the programme's facilitators and staff.
Both use the same threads, posts, moderation, reports and e-mail, so there is one forum, not
two. It lives here, above `programmes` in the layers, because communities already build on
programmes (a community's standing run, its themed sessions); programmes knows nothing of it.
Threads and posts are never pages: no search index, feed, sitemap or API ever sees them, and
every view that shows them asks `access` first.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Collection

MODERATE = "communities.moderate_discussion"
BODY_MAX_LENGTH = 10000


class Community(models.Model):
    """What a community page's translations share (members, shelf, standing run), or the
    discussion space of one programme run."""

    class Kind(models.TextChoices):
        COMMUNITY = "community", _("Community of practice")
        RUN = "run", _("Programme run")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.COMMUNITY)
    page_key = models.UUIDField(
        _("community page"),
        unique=True,
        null=True,
        blank=True,
        help_text=_("The community page's translation key."),
    )
    name = models.CharField(_("name"), max_length=255)
    members_group = models.OneToOneField(
        Group,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="community",
        verbose_name=_("members' group"),
    )
    shelf = models.ForeignKey(
        Collection,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("resource shelf (private collection)"),
    )
    run = models.ForeignKey(
        "programmes.Run",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("standing run"),
        help_text=_("Accepted applicants to this run are members too."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("community")
        verbose_name_plural = _("communities")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["run"], condition=Q(kind="run"), name="one_discussion_per_run"
            )
        ]

    def __str__(self):
        return self.name

    @property
    def is_run(self):
        return self.kind == self.Kind.RUN


class Theme(models.Model):
    community = models.ForeignKey(
        Community, on_delete=models.CASCADE, related_name="themes", verbose_name=_("community")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    session = models.ForeignKey(
        "programmes.Session",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("themed session"),
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("community"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("session"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.title


class Thread(models.Model):
    community = models.ForeignKey(
        Community, on_delete=models.CASCADE, related_name="threads", verbose_name=_("community")
    )
    theme = models.ForeignKey(
        Theme,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="threads",
        verbose_name=_("theme"),
    )
    session = models.ForeignKey(
        "programmes.Session",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("session"),
        help_text=_("For questions to answer before a session."),
    )
    title = models.CharField(_("title"), max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="community_threads",
        verbose_name=_("author"),
    )
    approved = models.BooleanField(
        _("approved"), default=False, help_text=_("Its opening post was approved.")
    )
    pinned = models.BooleanField(_("pinned"), default=False)
    locked = models.BooleanField(_("locked"), default=False)
    hidden = models.BooleanField(_("hidden"), default=False)
    created = models.DateTimeField(_("started"), auto_now_add=True)
    last_post_at = models.DateTimeField(_("last post"), null=True, blank=True, db_index=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("theme"),
        FieldPanel("pinned"),
        FieldPanel("locked"),
        FieldPanel("hidden"),
    ]

    class Meta:
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        ordering = ["-pinned", "-last_post_at", "-pk"]
        permissions = [("moderate_discussion", _("Can moderate community discussions"))]

    def __str__(self):
        return self.title


class Post(models.Model):
    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, related_name="posts", verbose_name=_("thread")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="community_posts",
        verbose_name=_("author"),
    )
    body = models.TextField(_("message"), max_length=BODY_MAX_LENGTH)
    approved = models.BooleanField(_("approved"), default=False, db_index=True)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True, db_index=True)
    hidden = models.BooleanField(_("hidden"), default=False)
    created = models.DateTimeField(_("written"), auto_now_add=True)

    panels = [FieldPanel("approved"), FieldPanel("hidden")]

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["created", "pk"]

    def __str__(self):
        return f"{self.thread}: {self.body[:60]}"

    @property
    def visible(self):
        return self.approved and not self.hidden


def visible_posts_q(prefix=""):
    return Q(**{f"{prefix}approved": True, f"{prefix}hidden": False})


class Report(models.Model):
    class Reason(models.TextChoices):
        ABUSE = "abuse", _("Abusive or disrespectful")
        PERSONAL = "personal", _("Shares someone's personal data (e.g. a child's)")
        SPAM = "spam", _("Spam or advertising")
        OTHER = "other", _("Something else")

    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="reports", verbose_name=_("post")
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="community_reports",
        verbose_name=_("reported by"),
    )
    reason = models.CharField(_("reason"), max_length=10, choices=Reason.choices)
    note = models.TextField(_("note"), blank=True, max_length=1000)
    created = models.DateTimeField(_("reported"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["created"]
        constraints = [
            models.UniqueConstraint(fields=["post", "reporter"], name="one_report_per_reader")
        ]

    def __str__(self):
        return f"{self.get_reason_display()}: {self.post}"


class Subscription(models.Model):
    """A member's e-mail preferences in one community: reply notices (on unless turned off)
    and the daily digest (off unless turned on)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="community_subscriptions",
    )
    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="subscriptions")
    reply_notices = models.BooleanField(
        _("e-mail me replies to my threads and posts"), default=True
    )
    digest = models.BooleanField(_("send me a daily digest of new posts"), default=False)
    last_digest_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notification preferences")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "community"], name="one_subscription_per_community"
            )
        ]

    def __str__(self):
        return f"{self.user}: {self.community}"
