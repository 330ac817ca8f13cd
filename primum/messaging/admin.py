"""Admin for messaging: read-only lists for staff to look things up (never message bodies).

Message bodies are private between their members; staff see conversations and memberships
(who, state, activity), not what was said. Writes go through the services only.
"""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from primum.messaging.models import Conversation, Membership, MessagingSettings


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Conversation)
class ConversationAdmin(ReadOnlyAdmin):
    list_display = ("id", "kind", "title", "created_by", "created_at")
    list_filter = ("kind",)
    fields = ("kind", "title", "created_by", "created_at")
    list_select_related = ("created_by",)


@admin.register(Membership)
class MembershipAdmin(ReadOnlyAdmin):
    list_display = ("id", "conversation_id", "user", "state", "last_message_at")
    list_filter = ("state",)
    search_fields = ("user__username",)
    fields = ("conversation", "user", "state", "last_message_at", "unread_count")
    list_select_related = ("user",)


@admin.register(MessagingSettings)
class MessagingSettingsAdmin(ReadOnlyAdmin):
    list_display = ("user", "dm_policy", "updated_at")
    list_filter = ("dm_policy",)
    list_select_related = ("user",)
