"""E-mail each translator the translations in their languages that went out of date.

Meant for cron (daily, say). Each translator gets one e-mail listing what went out of date since
their previous digest, and nothing when nothing did, so running it twice sends nothing twice.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.utils import timezone, translation

from multilingual import stale
from multilingual.models import TranslatorProfile


class Command(BaseCommand):
    help = "E-mail translators the out-of-date translations in their languages (no repeats)."

    def handle(self, *args, **options):
        sent = 0
        now = timezone.now()
        outdated = list(stale.out_of_date())
        profiles = TranslatorProfile.objects.select_related("user").prefetch_related("locales")
        for profile in profiles:
            if not profile.user.is_active or not profile.user.email:
                continue
            locale_ids = {locale.pk for locale in profile.locales.all()}
            items = [
                t
                for t in outdated
                if t.target_locale_id in locale_ids
                and (profile.last_digest_at is None or t.source_changed_at > profile.last_digest_at)
            ]
            if not items:
                continue
            language = (
                getattr(
                    getattr(profile.user, "wagtail_userprofile", None), "preferred_language", ""
                )
                or settings.LANGUAGE_CODE
            )
            with translation.override(language):
                context = {
                    "user": profile.user,
                    "items": items,
                    "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
                }
                subject = render_to_string("multilingual/digest_subject.txt", context).strip()
                body = render_to_string("multilingual/digest.txt", context)
            send_mail(subject, body, None, [profile.user.email])
            profile.last_digest_at = now
            profile.save(update_fields=["last_digest_at"])
            sent += 1
        self.stdout.write(f"Sent {sent} translation digest(s).")
