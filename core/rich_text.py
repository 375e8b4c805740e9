"""Document links in rich text that tell a reader nothing of a document they may not see.

Why it exists: Wagtail's `DocumentLinkHandler` writes every linked document's URL (which holds
its file name) into the page, whatever the privacy of the document's collection, and rich text
is rendered without the request, so it cannot ask who reads. The page's own download lists
already hide partners-only files (core.visibility.may_see_document); this does the same for a
link an editor put inside a paragraph. The request comes from core.request_cache, which the
serving middleware opens for every read; without one (feeds, e-mail, the API, a POST) the least
privileged reader is assumed. Anonymous responses are the only ones the page cache keeps, so a
partner's links are never served to a visitor.

It can go when Wagtail's rich text rendering checks collection privacy itself.
"""

from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.documents.rich_text import DocumentLinkHandler

from .request_cache import current_request
from .visibility import may_see_document


class PrivacyAwareDocumentLinkHandler(DocumentLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        request = current_request()
        links = []
        for document in cls.get_many(attrs_list):
            if document is None:
                links.append("<a>")
            elif may_see_document(document, request):
                links.append(f'<a href="{escape(document.url)}">')
            else:
                # No address, so no file name; the editor's words stay, marked as unavailable.
                label = escape(gettext("A document available to partners."))
                links.append(f'<a class="restricted-document" title="{label}">')
        return links
