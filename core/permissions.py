"""Who may delete a page: published knowledge is not deleted by the people who publish it.

Wagtail lets anyone with publish permission delete any page, published or not. Here deleting a
page that is or ever was published (it has a first publication date), or a subtree holding one,
needs Wagtail's "bulk delete" page permission, which the portal gives only to the role that
deletes (editorial.roles: Site administrators), or a superuser. Reviewers unpublish instead:
an unpublished page keeps its history and can be published again, a deleted one cannot.
Drafts that were never published follow Wagtail's own rules (an editor may delete their own).

Moving stays Wagtail's rule (Wagtail ties it to deletion): publishers may move pages, and the
"bulk delete" permission alone moves nothing.
"""

from wagtail.models import PagePermissionTester


class PortalPagePermissionTester(PagePermissionTester):
    def can_delete(self, ignore_bulk=False):
        if not self.user.is_active or self.page_is_root:
            return False
        if self.user.is_superuser or "bulk_delete" in self.permissions:
            return True
        subtree = self.page.get_descendants(inclusive=True)
        if subtree.filter(first_published_at__isnull=False).exists():
            return False
        return super().can_delete(ignore_bulk=ignore_bulk)

    def can_move(self):
        if not self.user.is_active or self.page_is_root:
            return False
        if self.user.is_superuser:
            return True
        if {"change", "add"}.isdisjoint(self.permissions):
            return False  # "bulk delete" alone deletes, it does not move
        return super().can_delete(ignore_bulk=True)
