"""Admin for accounts. Creation and changes go through the services where one exists;
access tokens are read-only (only the hash is stored)."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm

from primum.accounts import services
from primum.accounts.models import (
    PROFILE_TEXT_FIELDS,
    AccessToken,
    Block,
    COIDisclosure,
    Mute,
    Profile,
    User,
)
from primum.core.errors import ApplicationError


class ProfileInline(admin.StackedInline):
    model = Profile
    can_delete = False
    fields = list(PROFILE_TEXT_FIELDS)


class UserCreationForm(AdminUserCreationForm):
    class Meta(AdminUserCreationForm.Meta):
        model = User
        fields = ("username", "email")


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    add_form = UserCreationForm
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("username", "email", "password1", "password2")}),
    )
    fieldsets = (
        (None, {"fields": ("username", "email", "password")}),
        (
            "Status",
            {
                "fields": (
                    "is_active",
                    "email_confirmed_at",
                    "deleted_at",
                    "last_login",
                    "date_joined",
                )
            },
        ),
        ("Permissions", {"fields": ("is_staff", "is_superuser", "groups", "user_permissions")}),
    )
    readonly_fields = ["deleted_at", "last_login", "date_joined"]
    list_display = [
        "username",
        "email",
        "is_active",
        "is_staff",
        "email_confirmed_at",
        "date_joined",
    ]
    search_fields = ["username", "email", "profile__display_name"]
    list_filter = ["is_active", "is_staff", "is_superuser"]
    inlines = [ProfileInline]

    def get_inlines(self, request, obj):
        return [ProfileInline] if obj is not None else []

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        # New accounts go through user_create (profile, handle and e-mail rules).
        created = services.user_create(
            handle=obj.username,
            email=obj.email,
            password=form.cleaned_data["password1"],
            validate_password_strength=False,
        )
        obj.pk = created.pk
        obj._state.adding = False
        obj.refresh_from_db()


@admin.register(AccessToken)
class AccessTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "scope", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["scope"]
    search_fields = ["user__username", "name", "prefix"]
    readonly_fields = [
        "user",
        "name",
        "prefix",
        "token_hash",
        "scope",
        "created_at",
        "last_used_at",
        "revoked_at",
    ]
    actions = ["revoke"]

    def has_add_permission(self, request):
        return False  # tokens are created by their owner, who alone sees the raw value

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description="Revoke the selected tokens")
    def revoke(self, request, queryset):
        for token in queryset:
            services.access_token_revoke(user=token.user, token_id=token.pk)


class RelationshipAdmin(admin.ModelAdmin):
    """Blocks and mutes are created by the services (they also remove follows)."""

    def save_model(self, request, obj, form, change):
        try:
            self.save_through_service(obj)
        except ApplicationError as error:
            messages.error(request, error.message)


@admin.register(Block)
class BlockAdmin(RelationshipAdmin):
    list_display = ["blocker", "blocked", "created_at"]
    search_fields = ["blocker__username", "blocked__username"]
    raw_id_fields = ["blocker", "blocked"]

    def save_through_service(self, obj):
        created = services.block_create(actor=obj.blocker, handle=obj.blocked.username)
        obj.pk = created.pk


@admin.register(Mute)
class MuteAdmin(RelationshipAdmin):
    list_display = ["muter", "muted", "expires_at", "created_at"]
    search_fields = ["muter__username", "muted__username"]
    raw_id_fields = ["muter", "muted"]

    def save_through_service(self, obj):
        created = services.mute_create(actor=obj.muter, handle=obj.muted.username)
        if obj.expires_at is not None:
            Mute.objects.filter(pk=created.pk).update(expires_at=obj.expires_at)
        obj.pk = created.pk


@admin.register(COIDisclosure)
class COIDisclosureAdmin(admin.ModelAdmin):
    list_display = ["user", "entity", "relationship", "start_date", "end_date"]
    search_fields = ["user__username", "entity"]
    list_filter = ["relationship"]
    raw_id_fields = ["user"]

    def save_model(self, request, obj, form, change):
        fields = {
            "entity": obj.entity,
            "relationship": obj.relationship,
            "description": obj.description,
            "start_date": obj.start_date,
            "end_date": obj.end_date,
        }
        try:
            if change:
                services.coi_update(user=obj.user, disclosure_id=obj.pk, **fields)
            else:
                obj.pk = services.coi_create(user=obj.user, **fields).pk
        except ApplicationError as error:
            messages.error(request, error.message)
