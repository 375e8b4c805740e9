from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class ResourcePageForm(WagtailAdminPageForm):
    """A resource must give the visitor something: at least one file or an external link.

    The files are an inline formset, which the page model's clean() cannot see, so the rule
    lives on the form. Drafts may be saved incomplete.
    """

    def clean(self):
        cleaned_data = super().clean()
        if self.is_deferred_validation:  # saving a draft
            return cleaned_data
        files = self.formsets.get("files")
        has_file = False
        if files is not None:
            for form in files.forms:
                data = getattr(form, "cleaned_data", None) or {}
                if data.get("document") and not data.get("DELETE"):
                    has_file = True
                    break
        if not has_file and not cleaned_data.get("external_url"):
            self.add_error(
                "external_url",
                _("Add at least one file or an external link, so visitors can reach the resource."),
            )
        return cleaned_data
