"""schema.org descriptions of public pages, for search engines and link previews.

Front-line workers often reach the portal from a search engine. With a typed description a
resource shows its publisher and files, a module shows up as a course, and a case study as an
article, in the visitor's language. Everything here comes from objects the page has already
loaded (the page, its listing image's cached rendition, its files, the portal settings), so it
costs no query of its own.
"""

import json

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe

from .request_cache import active_locale_id, default_locale_id, locale_codes
from .visibility import may_see_document

# schema.org type per page type (by model name); pages not listed get no description.
SCHEMA_TYPES = {
    "homepage": "WebSite",
    "contentareaindexpage": "CollectionPage",
    "resourcelibrarypage": "CollectionPage",
    "casestudyindexpage": "CollectionPage",
    "elearningindexpage": "CollectionPage",
    "contentareapage": "Article",
    "casestudypage": "Article",
    "lessonpage": "Article",
    "resourcepage": "CreativeWork",
    "resourcekitpage": "CreativeWork",
    "elearningmodulepage": "Course",
}


def _iso_duration(minutes):
    return f"PT{minutes}M" if minutes else None


def _image(page, request):
    image = getattr(page, "listing_image", None)
    if image is None:
        return None
    try:
        rendition = image.get_rendition("fill-1200x630|format-jpeg")  # the Open Graph image
    except Exception:  # a missing original file must not break the page
        return None
    return request.build_absolute_uri(rendition.url)


def _organisation(name, url=None):
    data = {"@type": "Organization", "name": name}
    if url:
        data["url"] = url
    return data


def content_language(page):
    """The language of the page's content, not the visitor's: an untranslated page served
    under /fr/ by the fallback router is still English. Known without a query for a page in the
    visitor's or the default language (the per-request cache has both locale ids)."""
    if page.locale_id == active_locale_id():
        return translation.get_language()
    if page.locale_id == default_locale_id():
        return settings.LANGUAGE_CODE
    return locale_codes().get(page.locale_id) or translation.get_language()


def describe(page, request, portal_settings):
    """A dict for the page's JSON-LD, or None for page types without a schema.org type."""
    schema_type = SCHEMA_TYPES.get(page._meta.model_name)
    if schema_type is None or request is None:
        return None
    language = content_language(page)
    url = page.get_full_url(request)
    description = page.search_description or getattr(page, "summary", "")
    publisher = _organisation(portal_settings.organisation_name)
    data = {
        "@context": "https://schema.org",
        "@type": schema_type,
        "name": page.seo_title or page.title,
        "url": url,
        "inLanguage": language,
    }
    if description:
        data["description"] = description
    if schema_type == "WebSite":
        search = request.build_absolute_uri(reverse("search"))
        data["publisher"] = publisher
        data["potentialAction"] = {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        }
        return data
    if schema_type == "CollectionPage":
        return data

    data["isAccessibleForFree"] = True
    image = _image(page, request)
    if image:
        data["image"] = image
    if page.first_published_at:
        data["datePublished"] = page.first_published_at.isoformat()
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()

    if schema_type == "Article":
        data["headline"] = (page.seo_title or page.title)[:110]
        data["publisher"] = publisher
        parent = page.get_parent()  # cached by the fast route: no query
        if page._meta.model_name == "lessonpage" and parent is not None:
            data["isPartOf"] = {
                "@type": "Course",
                "name": parent.title,
                "url": parent.get_full_url(request),
            }
    elif schema_type == "Course":
        data["provider"] = publisher
        duration = _iso_duration(getattr(page, "estimated_minutes", None))
        if duration:
            data["timeRequired"] = duration
    elif schema_type == "CreativeWork":
        organisation = getattr(page, "organisation", None)
        if organisation is not None:
            organisation = organisation.localized
            data["publisher"] = _organisation(organisation.name, organisation.website or None)
        else:
            data["publisher"] = publisher
        if getattr(page, "year", None):
            data["copyrightYear"] = page.year
        resource_type = getattr(page, "resource_type", None)
        if resource_type is not None:
            data["genre"] = resource_type.localized.name
        media = [
            _media_object(item.document, request)
            for item in getattr(page, "file_list", [])
            if may_see_document(item.document, request)  # nothing of a partners-only file
        ]
        if media:
            data["associatedMedia"] = media
    return data


def _media_object(document, request):
    data = {
        "@type": "MediaObject",
        "name": document.title,
        "contentUrl": request.build_absolute_uri(document.url),
        "encodingFormat": document.content_type,
    }
    if document.file_size:
        data["contentSize"] = f"{document.file_size} B"
    if document.language and document.language != "other":
        data["inLanguage"] = document.language
    return data


def as_script(data):
    """The JSON-LD <script>, escaped so no value can close the element early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
