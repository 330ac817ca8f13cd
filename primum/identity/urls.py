"""Pages of the identity app, mounted at /identity/."""

from django.urls import path

from primum.identity import verifier_views, views

app_name = "identity"

urlpatterns = [
    # credentials: the Verification page, methods, verifier queue (helper "ident1")
    path("verification/", verifier_views.verification, name="verification"),
    path("verification/npi/", verifier_views.npi_start, name="npi_start"),
    path(
        "verification/credentials/<int:credential_id>/retry/",
        verifier_views.npi_retry,
        name="npi_retry",
    ),
    path(
        "verification/credentials/<int:credential_id>/withdraw/",
        verifier_views.credential_withdraw,
        name="credential_withdraw",
    ),
    path("verification/email/", verifier_views.email_request, name="email_request"),
    path(
        "verification/email/confirm/<str:token>/",
        verifier_views.email_confirm,
        name="email_confirm",
    ),
    path("verification/queue/", verifier_views.queue, name="queue"),
    path("verification/queue/<int:credential_id>/", verifier_views.review, name="review"),
    # Under /identity/documents/ the body limit is PRIMUM_MAX_UPLOAD_BYTES (config/settings).
    path("documents/upload/", verifier_views.document_upload, name="document_upload"),
    path(
        "documents/<int:document_id>/download/",
        verifier_views.document_download,
        name="document_download",
    ),
    # trust, vouching, pseudonym, private identity (helper "ident2")
    path("trust/<str:handle>/", views.trust, name="trust"),
    path("vouch/<str:handle>/", views.vouch, name="vouch"),
    path("vouch/<str:handle>/withdraw/", views.vouch_withdraw, name="vouch_withdraw"),
    path("pseudonym/", views.pseudonym, name="pseudonym"),
    path("private/<str:handle>/", views.private_identity, name="private_identity"),
]
