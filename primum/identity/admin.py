"""Admin for organisations, their e-mail domains and credentials.

Writes go through ``primum.identity.credentials`` (organisation_create,
organisation_domain_add, organisation_domain_remove) so they are validated and audit-logged.
Credentials are read-only here (decisions are made in the verifier queue). Private fields
(NPI, legal names, licence, institutional e-mail, registry answer) are shown, read-only, only
to those ``policies.can_view_private_identity`` allows, and each such view is audit-logged.
"""

from __future__ import annotations

from django.contrib import admin, messages

from primum.core.errors import ApplicationError
from primum.identity import credentials, policies
from primum.identity.models import (
    Credential,
    CredentialEvent,
    Organisation,
    OrganisationDomain,
    VerificationDocument,
)

PRIVATE_FIELDS = (
    "npi_number",
    "legal_first_name",
    "legal_last_name",
    "licence_state",
    "licence_number",
    "institutional_email",
    "registry_response",
)
PUBLIC_FIELDS = (
    "user",
    "method",
    "status",
    "claimed_profession",
    "claimed_specialty",
    "public_summary",
    "checked_by",
    "checked_by_system",
    "checked_at",
    "expires_at",
    "reviewer_reason",
    "organisation",
    "created_at",
    "updated_at",
)


def _may_see_private(request) -> bool:
    return policies.can_view_private_identity(request.user)


class DomainInline(admin.TabularInline):
    model = OrganisationDomain
    extra = 0
    fields = ["domain", "created_at"]
    readonly_fields = ["domain", "created_at"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "kind", "website", "created_at"]
    search_fields = ["name", "slug", "domains__domain"]
    list_filter = ["kind"]
    inlines = [DomainInline]

    def get_readonly_fields(self, request, obj=None):
        return ["slug"] if obj is not None else []

    def save_model(self, request, obj, form, change):
        try:
            if change:
                # Name, kind and website are descriptive; the slug and domains are not edited here.
                super().save_model(request, obj, form, change)
                return
            created = credentials.organisation_create(
                actor=request.user,
                name=obj.name,
                slug=obj.slug,
                kind=obj.kind,
                website=obj.website,
            )
            obj.pk = created.pk
            obj._state.adding = False
        except ApplicationError as error:
            messages.error(request, error.message)


@admin.register(OrganisationDomain)
class OrganisationDomainAdmin(admin.ModelAdmin):
    list_display = ["domain", "organisation", "created_at"]
    search_fields = ["domain", "organisation__name"]
    raw_id_fields = ["organisation"]

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def save_model(self, request, obj, form, change):
        try:
            created = credentials.organisation_domain_add(
                actor=request.user, organisation_id=obj.organisation_id, domain=obj.domain
            )
            obj.pk = created.pk
            obj._state.adding = False
        except ApplicationError as error:
            messages.error(request, error.message)

    def delete_model(self, request, obj):
        credentials.organisation_domain_remove(actor=request.user, domain_id=obj.pk)

    def delete_queryset(self, request, queryset):
        for entry in queryset:
            credentials.organisation_domain_remove(actor=request.user, domain_id=entry.pk)


class EventInline(admin.TabularInline):
    model = CredentialEvent
    extra = 0
    fields = ["created_at", "from_status", "to_status", "actor", "note"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class DocumentInline(admin.TabularInline):
    model = VerificationDocument
    extra = 0
    fields = ["created_at", "content_type", "size", "sha256"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Credential)
class CredentialAdmin(admin.ModelAdmin):
    list_display = ["id", "user", "method", "status", "checked_at", "expires_at", "created_at"]
    list_filter = ["method", "status"]
    search_fields = ["user__username"]
    inlines = [EventInline, DocumentInline]

    def get_fields(self, request, obj=None):
        if _may_see_private(request):
            return [*PUBLIC_FIELDS, *PRIVATE_FIELDS]
        return list(PUBLIC_FIELDS)

    def get_readonly_fields(self, request, obj=None):
        return self.get_fields(request, obj)

    def get_search_fields(self, request):
        if _may_see_private(request):
            return ["user__username", "npi_number", "legal_last_name", "institutional_email"]
        return ["user__username"]

    def has_add_permission(self, request):
        return False  # credentials are started by their owner

    def has_delete_permission(self, request, obj=None):
        return False  # the history is kept; a verifier rejects instead

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if _may_see_private(request) and object_id:
            from primum.core.audit import audit_log_write

            audit_log_write(
                actor=request.user,
                action="credential.private_viewed",
                target_type="identity.credential",
                target_id=str(object_id),
                extra={"via": "admin"},
            )
        return super().change_view(request, object_id, form_url, extra_context)
