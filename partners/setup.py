"""The Partners group and its private collection, created idempotently.

Partners are readers: the group gets no permission at all, so its members cannot open the
admin, and they see restricted content only where an administrator has chosen the group in a
page's or a collection's privacy settings. The "Partners only" collection is that choice made
once, for documents: upload a file there and only signed-in partners (and editors) can
download it.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Collection, CollectionViewRestriction

PARTNER_COLLECTION_NAME = "Partners only"


def partner_group():
    return Group.objects.get_or_create(name=settings.PARTNER_GROUP_NAME)[0]


@transaction.atomic
def setup_partners():
    """Ensure the group, the collection and its restriction; returns (group, collection)."""
    group = partner_group()
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=PARTNER_COLLECTION_NAME).first()
    if collection is None:
        collection = root.add_child(instance=Collection(name=PARTNER_COLLECTION_NAME))
    restriction = CollectionViewRestriction.objects.filter(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    ).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
    restriction.groups.add(group)
    return group, collection
