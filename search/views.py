"""Site search: live, public pages of the visitor's language.

Language-aware stemming, the all-languages scope and facets are issue-tracked work; this view
already keeps to the rules they build on: only live pages anonymous visitors may see, and no
input that can make it fail.
"""

from django.core.paginator import EmptyPage, Paginator
from django.shortcuts import render
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from resources.models import get_page_number

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 10


def search(request):
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    results = None
    if query:
        try:
            locale = Locale.objects.get(language_code=get_language())
        except Locale.DoesNotExist:
            locale = Locale.get_default()
        pages = Page.objects.live().public().filter(locale=locale).exclude(depth__lte=1)
        paginator = Paginator(pages.search(query), PAGE_SIZE)
        try:
            results = paginator.page(get_page_number(request))
        except EmptyPage:
            results = paginator.page(paginator.num_pages)
        results.object_list = [page.specific for page in results.object_list]
    return render(request, "search/search.html", {"search_query": query, "results": results})
