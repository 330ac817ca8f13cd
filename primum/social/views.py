"""Pages for posts, feeds, profiles, search and notifications.

Every page works without JavaScript: forms POST, the view calls one service, then redirects
(POST-redirect-GET) to a validated ``next``. With htmx (``request.htmx``) the same views
answer with a fragment instead: the new post, the action bar, the next page of a feed.
Typed ApplicationErrors become a message next to their field (or the error page) with the
error's 4xx status; NotFound is the 404 page, whether the thing is missing or hidden.
"""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from primum.core.errors import ApplicationError, NotAuthenticated, NotFound, PermissionDenied
from primum.identity.policies import can_vouch, is_verified_clinician
from primum.identity.selectors import trust_hints, trust_panel
from primum.moderation import screening
from primum.social import policies, selectors, services
from primum.social.forms import (
    MUTE_DURATIONS,
    PostControlsForm,
    PostEditForm,
    PostForm,
    SearchForm,
)
from primum.social.models import ReplyPolicy

POST_FIELDS = (
    "body",
    "content_warning",
    "visibility",
    "reply_policy",
    "quote_policy",
    "reply_to_id",
    "quote_of_id",
)
# Where an htmx composer puts the new post: the CSS selector and the htmx swap style.
INSERT_TARGETS = {"feed": "afterbegin:#feed", "replies": "beforeend:#replies"}
ERROR_TITLES = {
    400: "Bad request",
    403: "Not allowed",
    404: "Not found",
    409: "Conflict",
    413: "Too large",
    422: "Please check your input",
    429: "Slow down",
}


# --- Helpers ------------------------------------------------------------------------------


def _safe_next(request, default: str) -> str:
    """The ``next`` the form sent, if it is a path on this site; ``default`` otherwise."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if (
        candidate.startswith("/")
        and not candidate.startswith("//")
        and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return candidate
    return default


def _error_response(request, error: ApplicationError):
    if isinstance(error, NotAuthenticated):
        return redirect_to_login(request.get_full_path())
    status = error.status if 400 <= error.status < 500 else 400
    if isinstance(error, NotFound):
        message = "This page does not exist or is not visible to you."
    else:
        message = error.message
    context = {"status": status, "title": ERROR_TITLES.get(status, "Error"), "message": message}
    template = "social/_error.html" if request.htmx else "web/error.html"
    return render(request, template, context, status=status)


def handles_errors(view):
    """Turn a typed error escaping a view into the error page (or an htmx fragment)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except ApplicationError as error:
            return _error_response(request, error)

    return wrapper


def _feed(request, template: str, context: dict, page, fragment: str = "social/_feed_page.html"):
    """A full page, or only the next page of items for htmx's "Load more"."""
    context = {**context, "page": page}
    if request.htmx:
        return render(request, fragment, context)
    return render(request, template, context)


def _cursor(request) -> str | None:
    return request.GET.get("cursor") or None


def reply_block_reason(viewer, post) -> str:
    """Why the viewer cannot reply to ``post`` (shown instead of the reply box)."""
    if not viewer.is_authenticated:
        return "Log in to reply."
    root = post.thread_root if post.thread_root_id and post.thread_root_id != post.pk else None
    for target, whose in ((post, "The author"), (root, "The author of this conversation")):
        if target is None or viewer.pk == target.author_id:
            continue
        if policies.is_blocked_between(viewer, target.author):
            return "You cannot reply to this conversation."
        if target.reply_policy == ReplyPolicy.FOLLOWING and not policies.follows(
            target.author, viewer
        ):
            return f"{whose} limited replies to people they follow."
        if (
            target.reply_policy == ReplyPolicy.MENTIONED
            and not target.mentioned_users.filter(pk=viewer.pk).exists()
        ):
            return f"{whose} limited replies to people they mention."
        if target.reply_policy == ReplyPolicy.VERIFIED and not is_verified_clinician(viewer):
            return f"{whose} limited replies to verified clinicians."
        if target.reply_policy == ReplyPolicy.NOBODY:
            return f"{whose} turned off replies."
    return "You cannot reply to this post."


def _composer_context(request, form, *, reply_to=None, quote_of=None, insert_into="", next_url=""):
    composer_id = f"reply-{reply_to.pk}" if reply_to else "composer"
    form.auto_id = composer_id + "-%s"  # several composers may share one page
    return {
        "form": form,
        "reply_to": reply_to,
        "quote_of": quote_of,
        "insert_into": insert_into,
        "composer_next": next_url,
        "composer_id": composer_id,
    }


def _post_or_none(viewer, post_id):
    if post_id in (None, ""):
        return None
    try:
        return selectors.access_post(viewer, post_id)
    except NotFound:
        return None


def _item(viewer, post_id):
    """The FeedItem (viewer's state, counts) of one post, fresh from the database."""
    return selectors.hydrate(viewer, [selectors.access_post(viewer, post_id)])[0]


# --- Feeds --------------------------------------------------------------------------------


@require_GET
@handles_errors
def home(request):
    if not request.user.is_authenticated:
        return redirect("social:explore")
    page = selectors.feed_home(request.user, cursor=_cursor(request))
    composer = _composer_context(request, PostForm(), insert_into="feed", next_url=request.path)
    return _feed(request, "social/home.html", {"title": "Home", **composer}, page)


@require_GET
@handles_errors
def explore(request):
    page = selectors.feed_explore(request.user, cursor=_cursor(request))
    return _feed(request, "social/explore.html", {"title": "Explore"}, page)


@require_GET
@handles_errors
def tag(request, tag: str):
    name = tag.lstrip("#").casefold()[:64]
    page = selectors.feed_hashtag(request.user, tag=name, cursor=_cursor(request))
    return _feed(request, "social/tag.html", {"title": f"#{name}", "tag": name}, page)


@login_required
@require_GET
@handles_errors
def bookmarks(request):
    page = selectors.feed_bookmarks(request.user, cursor=_cursor(request))
    return _feed(request, "social/bookmarks.html", {"title": "Bookmarks"}, page)


@require_GET
@handles_errors
def search(request):
    form = SearchForm(request.GET or None, initial={"type": "posts"})
    form.is_valid()
    query = request.GET.get("q", "")
    kind = request.GET.get("type") or "posts"
    context = {"title": "Search", "form": form, "query": query, "kind": kind}
    if kind not in ("posts", "people"):
        form.add_error("type", "Choose posts or people.")
        return render(request, "social/search.html", context, status=422)
    if not query.strip():
        return render(request, "social/search.html", context)
    find = selectors.search_posts if kind == "posts" else selectors.search_people
    try:
        page = find(request.user, query=query, cursor=_cursor(request))
    except ApplicationError as error:
        if error.detail.get("field") == "cursor":
            raise
        form.add_service_error(error)
        return render(request, "social/search.html", context, status=error.status)
    fragment = "social/_feed_page.html" if kind == "posts" else "social/_people_page.html"
    return _feed(request, "social/search.html", context, page, fragment)


# --- Writing posts ------------------------------------------------------------------------


def draft_prompts_context(result, textarea_id: str = "") -> dict:
    """Template context for social/_draft_check.html from a screening.DraftResult."""
    check = result.to_dict()
    coach = check.get("coach") or {}
    parent = result.parent_author
    actions = []
    if parent is not None:
        actions = [a for a in ("mute", "block") if a in (coach.get("actions") or [])]
    return {
        "check": check,
        "parent_author": parent,
        "relationship_actions": actions,
        "textarea_id": textarea_id,
    }


@login_required
@require_POST
@handles_errors
def compose_check(request):
    """The composer's live check (htmx, as the person types): PHI, advice and coach prompts.

    Every composer posts its own fields here: body, reply_to_id / quote_of_id for posts,
    recipients for a direct message. Nothing is saved.
    """
    recipients = request.POST.get("recipients", "").replace(",", " ").split()
    try:
        result = screening.draft_check(
            actor=request.user,
            text=request.POST.get("body", ""),
            reply_to_id=request.POST.get("reply_to_id") or None,
            quote_of_id=request.POST.get("quote_of_id") or None,
            recipient=recipients[0] if recipients else None,
            space=request.POST.get("space") or None,
        )
    except NotAuthenticated:
        raise
    except ApplicationError as error:
        # Shown in place of the prompts; the form itself reports the same error on submit.
        message = "Nothing to check yet." if isinstance(error, NotFound) else error.message
        context = {"check_error": message, "check_error_code": error.code}
        return render(request, "social/_draft_check.html", context, status=error.status)
    context = draft_prompts_context(result, request.POST.get("textarea_id", "")[:100])
    return render(request, "social/_draft_check.html", context)


def _flash_prompts(request, post) -> None:
    """Without JS nobody saw the live prompts: after a normal submit, show them once."""
    try:
        result = screening.draft_check(
            actor=request.user,
            text=post.body,
            reply_to_id=post.reply_to_id,
            quote_of_id=post.quote_of_id,
        )
    except ApplicationError:
        return
    phi = result.check.phi
    if phi.has_phi:
        found = ", ".join(f"{f.text} ({f.type})" for f in phi.findings)
        messages.warning(
            request, f"{phi.suggestion} Found: {found}. You can edit the post: {phi.redacted_text}"
        )
    if result.check.coach is not None:
        messages.info(request, f"{result.check.coach.title}: {result.check.coach.message}")


@login_required
@require_POST
@handles_errors
def compose(request):
    """Publish a post, reply or quote from any composer."""
    form = PostForm(request.POST)
    form.is_valid()
    insert_into = request.POST.get("insert_into", "")
    insert_into = insert_into if insert_into in INSERT_TARGETS else ""
    data = form.cleaned_data
    reply_to = _post_or_none(request.user, data.get("reply_to_id"))
    quote_of = _post_or_none(request.user, data.get("quote_of_id"))
    next_url = _safe_next(request, "")
    try:
        post = services.post_create(author=request.user, **{f: data.get(f) for f in POST_FIELDS})
    except ApplicationError as error:
        form.add_service_error(error)
        context = _composer_context(
            request,
            form,
            reply_to=reply_to,
            quote_of=quote_of,
            insert_into=insert_into,
            next_url=next_url,
        )
        template = "social/_composer.html" if request.htmx else "social/compose.html"
        return render(request, template, context, status=error.status)
    if request.htmx and (insert_into or reply_to):
        fresh = PostForm(initial={"reply_to_id": data.get("reply_to_id") or ""})
        context = _composer_context(
            request, fresh, reply_to=reply_to, insert_into=insert_into, next_url=next_url
        )
        context["posted"] = post
        if insert_into:
            context["new_item"] = selectors.hydrate(request.user, [post])[0]
            context["oob_swap"] = INSERT_TARGETS[insert_into]
            context["depth"] = 1
        return render(request, "social/_composer.html", context, status=201)
    if post.safety_decision == "hold":
        messages.warning(
            request,
            "Held for review: a moderator will look at it before anyone else sees it.",
        )
    else:
        messages.success(request, "Your post is published.")
    _flash_prompts(request, post)
    return redirect(next_url or reverse("social:post", args=[post.pk]))


@login_required
@require_GET
@handles_errors
def reply(request, post_id: int):
    """A reply box for one post: a page without JS, a fragment loaded in place with htmx."""
    item = _item(request.user, post_id)
    post = item.post
    can = policies.can_reply(request.user, post)
    form = PostForm(initial={"reply_to_id": post.pk, "visibility": post.visibility})
    context = _composer_context(request, form, reply_to=post, next_url=_safe_next(request, ""))
    context.update(
        {
            "item": item,
            "can_reply": can,
            "reply_reason": "" if can else reply_block_reason(request.user, post),
            "title": "Reply",
        }
    )
    if request.htmx:
        return render(request, "social/_reply_slot.html", context)
    return render(request, "social/reply.html", context)


@login_required
@require_GET
@handles_errors
def quote(request, post_id: int):
    item = _item(request.user, post_id)
    post = item.post
    can = policies.can_quote(request.user, post)
    form = PostForm(initial={"quote_of_id": post.pk})
    context = _composer_context(request, form, quote_of=post)
    context.update({"item": item, "can_quote": can, "title": "Quote"})
    return render(request, "social/quote.html", context, status=200 if can else 403)


@require_GET
@handles_errors
def post_detail(request, post_id: int):
    thread = selectors.thread(request.user, post_id)
    post = thread.focus.post
    can = policies.can_reply(request.user, post)
    form = PostForm(initial={"reply_to_id": post.pk, "visibility": post.visibility})
    context = _composer_context(
        request, form, reply_to=post, insert_into="replies", next_url=request.path
    )
    context.update(
        {
            "thread": thread,
            "title": f"Post by @{post.author.username}",
            "can_reply": can,
            "reply_reason": "" if can else reply_block_reason(request.user, post),
        }
    )
    return render(request, "social/post_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@handles_errors
def post_edit(request, post_id: int):
    post = selectors.access_post(request.user, post_id)
    if not policies.can_edit_post(request.user, post):
        raise PermissionDenied("Only the author can edit this post.", code="not_author")
    if request.method == "POST":
        form = PostEditForm(request.POST)
        form.is_valid()
        try:
            services.post_edit(
                actor=request.user,
                post_id=post.pk,
                body=form.cleaned_data.get("body"),
                content_warning=form.cleaned_data.get("content_warning"),
            )
        except ApplicationError as error:
            form.add_service_error(error)
            context = {"form": form, "post": post, "title": "Edit post"}
            return render(request, "social/post_edit.html", context, status=error.status)
        messages.success(request, "Your post is updated. The earlier version is in its history.")
        return redirect("social:post", post_id=post.pk)
    form = PostEditForm(initial={"body": post.body, "content_warning": post.content_warning})
    return render(
        request, "social/post_edit.html", {"form": form, "post": post, "title": "Edit post"}
    )


@require_GET
@handles_errors
def post_history(request, post_id: int):
    post, edits = selectors.post_history(request.user, post_id)
    return render(
        request,
        "social/post_history.html",
        {"post": post, "edits": edits, "title": "Edit history"},
    )


@login_required
@require_http_methods(["GET", "POST"])
@handles_errors
def post_delete(request, post_id: int):
    if request.method == "POST":
        services.post_delete(actor=request.user, post_id=post_id)
        messages.success(request, "Your post is deleted. Replies to it stay in the conversation.")
        return redirect(_safe_next(request, reverse("social:home")))
    post = selectors.access_post(request.user, post_id)
    if not policies.can_delete_post(request.user, post):
        raise NotFound()
    item = selectors.hydrate(request.user, [post])[0]
    return render(
        request, "social/post_delete.html", {"item": item, "post": post, "title": "Delete post"}
    )


@login_required
@require_http_methods(["GET", "POST"])
@handles_errors
def post_controls(request, post_id: int):
    post = selectors.access_post(request.user, post_id)
    if not policies.can_edit_post(request.user, post):
        raise PermissionDenied("Only the author can change who may reply or quote.")
    if request.method == "POST":
        form = PostControlsForm(request.POST)
        form.is_valid()
        try:
            services.post_set_controls(
                actor=request.user,
                post_id=post.pk,
                reply_policy=form.cleaned_data.get("reply_policy") or None,
                quote_policy=form.cleaned_data.get("quote_policy") or None,
            )
        except ApplicationError as error:
            form.add_service_error(error)
            context = {"form": form, "post": post, "title": "Reply and quote controls"}
            return render(request, "social/post_controls.html", context, status=error.status)
        messages.success(request, "Reply and quote controls saved.")
        return redirect("social:post", post_id=post.pk)
    form = PostControlsForm(
        initial={"reply_policy": post.reply_policy, "quote_policy": post.quote_policy}
    )
    context = {"form": form, "post": post, "title": "Reply and quote controls"}
    return render(request, "social/post_controls.html", context)


@login_required
@require_POST
@handles_errors
def detach_quote(request, post_id: int):
    services.quote_detach(actor=request.user, quote_id=post_id)
    messages.success(request, "Your post is no longer shown in that quote.")
    return redirect(_safe_next(request, reverse("social:home")))


# --- Toggles: like, repost, bookmark ------------------------------------------------------


def _toggle(request, post_id: int, action):
    error = None
    try:
        action(actor=request.user, post_id=post_id)
    except NotAuthenticated:
        raise
    except ApplicationError as exc:
        error = exc
    if not request.htmx:
        if error is not None:
            return _error_response(request, error)
        return redirect(_safe_next(request, reverse("social:post", args=[post_id])))
    item = _item(request.user, post_id)  # NotFound here: the 404 fragment
    context = {
        "item": item,
        "here": _safe_next(request, ""),
        "action_error": error.message if error else "",
    }
    return render(request, "social/_actions.html", context, status=error.status if error else 200)


def _toggle_view(action):
    @login_required
    @require_POST
    @handles_errors
    def view(request, post_id: int):
        return _toggle(request, post_id, action)

    view.__name__ = action.__name__
    return view


like = _toggle_view(services.like_create)
unlike = _toggle_view(services.like_delete)
repost = _toggle_view(services.repost_create)
unrepost = _toggle_view(services.repost_delete)
bookmark = _toggle_view(services.bookmark_create)
unbookmark = _toggle_view(services.bookmark_delete)


# --- People -------------------------------------------------------------------------------


@require_GET
@handles_errors
def profile(request, handle: str):
    view = selectors.profile_view(request.user, handle)
    tab = "replies" if request.GET.get("tab") == "replies" else "posts"
    page = selectors.feed_profile(
        request.user, user=view.user, cursor=_cursor(request), with_replies=tab == "replies"
    )
    current = [d for d in view.disclosures if d.is_current]
    past = [d for d in view.disclosures if not d.is_current]
    context = {
        "title": f"{view.user.profile.name} (@{view.user.username})",
        "view": view,
        "person": view.user,
        "tab": tab,
        "current_disclosures": current,
        "past_disclosures": past,
        "links": list(view.user.profile.links.all()),
        "is_self": request.user.is_authenticated and request.user.pk == view.user.pk,
        "mute_durations": MUTE_DURATIONS,
        "panel": trust_panel(request.user, view.user),
        "can_vouch": can_vouch(request.user),
    }
    return _feed(request, "social/profile.html", context, page)


def _people(request, handle: str, direction: str):
    person = selectors.access_user(request.user, handle)
    page = selectors.follow_list(
        request.user, handle=handle, direction=direction, cursor=_cursor(request)
    )
    title = "Followers" if direction == "followers" else "Following"
    context = {"title": f"{title} of @{person.username}", "person": person, "heading": title}
    return _feed(request, "social/people.html", context, page, "social/_people_page.html")


@require_GET
@handles_errors
def followers(request, handle: str):
    return _people(request, handle, "followers")


@require_GET
@handles_errors
def following(request, handle: str):
    return _people(request, handle, "following")


@login_required
@require_POST
@handles_errors
def follow(request, handle: str):
    services.follow_create(actor=request.user, handle=handle)
    return redirect(_safe_next(request, reverse("social:profile", args=[handle])))


@login_required
@require_POST
@handles_errors
def unfollow(request, handle: str):
    services.follow_delete(actor=request.user, handle=handle)
    return redirect(_safe_next(request, reverse("social:profile", args=[handle])))


# --- Notifications ------------------------------------------------------------------------


@login_required
@require_GET
@handles_errors
def notifications(request):
    page = selectors.notifications(request.user, cursor=_cursor(request))
    # A trust hint on mentions from accounts the viewer does not follow (two queries per page).
    mentions = [n.actor for n in page.items if n.kind == "mention"]
    hints = trust_hints(request.user, mentions)
    for note in page.items:
        hint = hints.get(note.actor_id) if note.kind == "mention" else None
        note.trust_hint = hint if hint is not None and not hint.viewer_follows else None
    if page.items:
        # Rows already loaded keep read_at=None, so this page still shows them as new.
        services.notifications_mark_read(user=request.user, up_to_id=max(n.pk for n in page.items))
    return _feed(
        request,
        "social/notifications.html",
        {"title": "Notifications"},
        page,
        "social/_notifications_page.html",
    )
