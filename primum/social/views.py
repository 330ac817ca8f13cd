"""Pages for posts, feeds, profiles, search and notifications (server-rendered, htmx-enhanced)."""

from __future__ import annotations

from django.shortcuts import redirect, render

from primum.social import selectors


def home(request):
    if not request.user.is_authenticated:
        return redirect("social:explore")
    page = selectors.feed_home(request.user, cursor=request.GET.get("cursor"))
    return render(request, "social/feed.html", {"page": page, "title": "Home"})


def explore(request):
    page = selectors.feed_explore(request.user, cursor=request.GET.get("cursor"))
    return render(request, "social/feed.html", {"page": page, "title": "Explore"})
