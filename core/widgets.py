"""Admin form widgets shared by the page types."""

from django import forms


class FilterableCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """Tick boxes with a filter field, for choosing several among hundreds (organisations).

    A multiple `<select>` needs Ctrl-click and loses the choice on a slip of the mouse; a list of
    tick boxes shows what is chosen, and typing a few letters of a name or acronym narrows it.
    The chosen items come first. Without JavaScript it is a plain list of tick boxes.
    """

    template_name = "core/widgets/filterable_checkbox_select.html"

    class Media:
        js = ["js/filterable-choices.js"]
        css = {"all": ["css/filterable-choices.css"]}

    def optgroups(self, name, value, attrs=None):
        groups = super().optgroups(name, value, attrs)
        # Chosen first, each part in the queryset's own order.
        return sorted(groups, key=lambda group: not group[1][0]["selected"])
