"""Pages for direct messages: inbox, requests (with the trust panel), a conversation, a new
message, and DM settings.

Every page works without JavaScript (forms POST and redirect); with htmx the composer sends
without a reload and the new message is appended in place. Views are thin: one selector or
service each; typed errors become a message next to the field or the error page (404 for a
conversation that is not yours, exactly as for one that does not exist).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from primum.core.errors import ApplicationError
from primum.messaging import selectors, services
from primum.messaging.favours import describe
from primum.messaging.forms import DMPolicyForm, MessageForm, NewConversationForm
from primum.social.views import handles_errors


def _cursor(request) -> str | None:
    return request.GET.get("cursor") or None


def _trust_panel(viewer, subject):
    """The identity app's trust panel for ``subject``, when that app provides one."""
    if subject is None:
        return None
    try:
        from primum.identity.selectors import trust_panel
    except ImportError:
        return None
    try:
        return trust_panel(viewer, subject)
    except ApplicationError:
        return None


def _tabs_context(request) -> dict:
    unread, pending = selectors.header_counts(request.user)
    return {"unread_messages_total": unread, "request_total": pending}


@login_required
@require_GET
@handles_errors
def inbox(request):
    page = selectors.inbox(request.user, cursor=_cursor(request))
    context = {"title": "Messages", "page": page, "tab": "inbox", **_tabs_context(request)}
    return render(request, "messaging/inbox.html", context)


@login_required
@require_GET
@handles_errors
def requests(request):
    page = selectors.requests_folder(request.user, cursor=_cursor(request))
    for row in page.items:
        row.favour_summary = describe(row.favour_labels)
        row.sender = selectors.request_sender(row)
    context = {"title": "Message requests", "page": page, "tab": "requests"}
    return render(request, "messaging/requests.html", {**context, **_tabs_context(request)})


def _conversation_context(request, view, form) -> dict:
    sender = None
    panel = None
    favour_summary = ""
    if view.is_request:
        others = [m for m in view.messages_oldest_first if m.sender_id != request.user.pk]
        sender = view.membership.peer or (others[0].sender if others else None)
        panel = _trust_panel(request.user, sender)
        labels: dict[str, dict] = {}
        for message in others:
            for label in message.favour_labels or []:
                labels.setdefault(label["kind"], label)
        favour_summary = describe(list(labels.values()))
    peer = view.membership.peer
    return {
        "title": "Message request" if view.is_request else "Conversation",
        "peer_handle": peer.username if peer is not None else "",
        "view": view,
        "form": form,
        "request_sender": sender,
        "panel": panel,
        "favour_summary": favour_summary,
    }


@login_required
@require_GET
@handles_errors
def conversation(request, conversation_id: int):
    view = selectors.conversation_view(request.user, conversation_id, cursor=_cursor(request))
    if not view.is_request and view.membership.unread_count:
        services.conversation_mark_read(user=request.user, conversation_id=conversation_id)
    context = _conversation_context(request, view, MessageForm())
    return render(request, "messaging/conversation.html", context)


@login_required
@require_POST
@handles_errors
def send(request, conversation_id: int):
    form = MessageForm(request.POST)
    form.is_valid()
    try:
        message = services.message_send(
            sender=request.user,
            conversation_id=conversation_id,
            body=form.cleaned_data.get("body"),
        )
    except ApplicationError as error:
        if error.status == 404:
            raise
        form.add_service_error(error)
        if request.htmx:
            context = {"form": form, "conversation_id": conversation_id}
            return render(request, "messaging/_composer.html", context, status=error.status)
        view = selectors.conversation_view(request.user, conversation_id)
        context = _conversation_context(request, view, form)
        return render(request, "messaging/conversation.html", context, status=error.status)
    if request.htmx:
        context = {"form": MessageForm(), "conversation_id": conversation_id, "sent": message}
        return render(request, "messaging/_composer.html", context, status=201)
    return redirect(reverse("messaging:conversation", args=[conversation_id]) + "#composer")


@login_required
@require_http_methods(["GET", "POST"])
@handles_errors
def new(request):
    if request.method == "POST":
        form = NewConversationForm(request.POST)
        form.is_valid()
        data = form.cleaned_data
        try:
            conversation = services.conversation_start(
                sender=request.user,
                recipients=data.get("recipients") or "",
                body=data.get("body"),
                title=data.get("title") or "",
            )
        except ApplicationError as error:
            form.add_service_error(error)
            context = {"title": "New message", "form": form}
            return render(request, "messaging/new.html", context, status=error.status)
        messages.success(request, "Your message is sent.")
        return redirect("messaging:conversation", conversation_id=conversation.pk)
    to = request.GET.get("to", "")[:40]
    form = NewConversationForm(initial={"recipients": to})
    return render(request, "messaging/new.html", {"title": "New message", "form": form})


@login_required
@require_http_methods(["GET", "POST"])
@handles_errors
def dm_settings(request):
    if request.method == "POST":
        form = DMPolicyForm(request.POST)
        form.is_valid()
        try:
            services.dm_policy_set(user=request.user, policy=request.POST.get("dm_policy"))
        except ApplicationError as error:
            form.add_service_error(error)
            context = {"title": "Message settings", "form": form, "tab": "settings"}
            return render(request, "messaging/settings.html", context, status=error.status)
        messages.success(request, "Your message settings are saved.")
        return redirect("messaging:settings")
    form = DMPolicyForm(initial={"dm_policy": selectors.dm_policy_of(request.user)})
    context = {"title": "Message settings", "form": form, "tab": "settings"}
    return render(request, "messaging/settings.html", {**context, **_tabs_context(request)})


def _action(service, success: str, target: str):
    @login_required
    @require_POST
    @handles_errors
    def view(request, conversation_id: int):
        service(user=request.user, conversation_id=conversation_id)
        messages.success(request, success)
        if target == "conversation":
            return redirect("messaging:conversation", conversation_id=conversation_id)
        return redirect(f"messaging:{target}")

    return view


accept = _action(
    services.request_accept, "Request accepted: the conversation is in your inbox.", "conversation"
)
delete = _action(services.request_delete, "Request deleted. The sender is not told.", "requests")
block = _action(
    services.conversation_block_sender,
    "Blocked. The request is deleted and they cannot message you or see your posts.",
    "requests",
)
leave = _action(services.conversation_leave, "You left the conversation.", "inbox")
