from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.images.models import Image as WagtailImage
from wagtail.models import TranslatableMixin
from wagtail.search import index

from .fragments import fragment
from .image_files import header_size_field
from .localization import CachedLocalizedMixin
from .request_cache import current_request
from .validators import file_extension, validate_document_content


def language_choices():
    return [(code, name) for code, name in settings.LANGUAGES] + [("other", _("Other language"))]


class PortalImage(AbstractImage):
    """Images with a credit line: photographs of children need their source named."""

    credit = models.CharField(_("credit"), max_length=255, blank=True)
    file = header_size_field(AbstractImage)  # Wagtail's, sizes read from the header

    admin_form_fields = WagtailImage.admin_form_fields + ("credit",)

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_image", "Can choose image")]


class PortalRendition(AbstractRendition):
    image = models.ForeignKey(PortalImage, related_name="renditions", on_delete=models.CASCADE)
    file = header_size_field(AbstractRendition)

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class PortalDocument(AbstractDocument):
    """Documents whose content is checked against their extension, with a language.

    The language belongs to the file rather than to a page: one PDF can be linked from a
    resource in every locale, and the visitor must see which language it is in.
    """

    language = models.CharField(
        _("language of the file"),
        max_length=12,
        blank=True,
        choices=language_choices,
        help_text=_("Shown to visitors next to the download link."),
    )
    # Filled in the background by search.documents so that a resource is found by the words
    # of the PDF or DOCX it links; `text_extracted_from` is the file hash the text belongs to,
    # so a replaced file is read again and a broken one is not retried on every save.
    extracted_text = models.TextField(_("extracted text"), blank=True, editable=False)
    text_extracted_from = models.CharField(max_length=40, blank=True, editable=False)

    admin_form_fields = WagtailDocument.admin_form_fields + ("language",)

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [("choose_document", "Can choose document")]

    def clean(self):
        super().clean()
        if self.file and not getattr(self.file, "_committed", True):
            try:
                validate_document_content(self.file)
            except ValidationError as error:
                raise ValidationError({"file": error.messages}) from error

    def save(self, *args, **kwargs):
        """Record the file's size and hash now: Wagtail would otherwise work them out on the
        first download or page view and save the document then, a write (and a search
        re-index) caused by a visitor."""
        if self.file and (self.file_size is None or not self.file_hash):
            try:
                self._set_document_file_metadata()
            except OSError:  # a missing file is reported where it is served
                pass
            else:
                if kwargs.get("update_fields") is not None:
                    kwargs["update_fields"] = {*kwargs["update_fields"], "file_size", "file_hash"}
        super().save(*args, **kwargs)

    @property
    def format_label(self):
        return file_extension(self.file.name).upper() if self.file else ""


class Person(CachedLocalizedMixin, TranslatableMixin, index.Indexed, ClusterableModel):
    """A technical specialist or other contact named on public pages."""

    name = models.CharField(_("name"), max_length=255)
    role = models.CharField(_("role"), max_length=255, blank=True)
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    photo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("photo"),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("email"),
        FieldPanel("photo"),
    ]
    display_related = ("photo",)  # read with the person wherever they are listed
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("role"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return self.name


@register_setting(icon="site")
class PortalSettings(BaseGenericSetting):
    """What the footer and metadata say about the network that runs the portal."""

    # The default name is in the interface catalogues, so the footer shows it in every language;
    # a name an administrator types is shown as typed.
    organisation_name = models.CharField(
        _("organisation name"),
        max_length=255,
        default=gettext_noop("Child Protection Knowledge Network"),
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    privacy_policy_url = models.URLField(_("privacy policy URL"), blank=True)
    licence_note = models.CharField(
        _("licence note"),
        max_length=255,
        blank=True,
        help_text=_("For example: Content is available under CC BY 4.0 unless stated otherwise."),
    )

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("contact_email"),
        FieldPanel("privacy_policy_url"),
        FieldPanel("licence_note"),
    ]

    class Meta:
        verbose_name = _("portal settings")

    @classmethod
    def _get_or_create(cls):
        """The saved settings, or unsaved defaults: Wagtail would create the row on the first
        page view, a write caused by a visitor. The admin's settings form saves it.

        Read from the fragments (core.fragments) for an anonymous read: the footer of every
        page asked for them in a query of its own; saving them renews the fragments.
        """
        return fragment(
            current_request(), "portal-settings", [], lambda: cls.base_queryset().first() or cls()
        )

    @classmethod
    def load(cls, request_or_site=None):
        """Wagtail's load, and the row saved when someone who may use the admin asks for it:
        the settings screen links to the row by its id, and a write is fine there."""
        settings = super().load(request_or_site)
        user = getattr(request_or_site, "user", None)
        if settings.pk is None and user is not None and user.has_perm("wagtailadmin.access_admin"):
            settings = cls.base_queryset().first() or settings
            if settings.pk is None:
                settings.save()
        return settings
