"""Read-only admin for moderation cases: decisions are taken in the queue (/moderation/),
which writes the audit log; the admin never changes a case."""

from django.contrib import admin

from primum.moderation.models import ModerationCase


@admin.register(ModerationCase)
class ModerationCaseAdmin(admin.ModelAdmin):
    list_display = ("id", "kind", "status", "author", "created_at", "decided_at")
    list_filter = ("status", "kind")
    readonly_fields = [f.name for f in ModerationCase._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
