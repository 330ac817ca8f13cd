"""Account pages under /accounts/ (the JSON API is in primum/accounts/api.py)."""

from django.urls import path

from primum.accounts import views

app_name = "accounts"

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("login/", views.login_view, name="login"),
    path("login/code/", views.login_otp, name="login_otp"),
    path("logout/", views.logout_view, name="logout"),
    # "confirm_email" without a token is the "check your e-mail" page; with one, the link.
    path("confirm-email/", views.check_email, name="confirm_email"),
    path("confirm-email/resend/", views.resend_confirmation, name="resend_confirmation"),
    path("confirm-email/<str:token>/", views.confirm_email, name="confirm_email"),
    path("password-reset/", views.password_reset, name="password_reset"),
    path("password-reset/sent/", views.password_reset_done, name="password_reset_done"),
    path(
        "password-reset/<uidb64>/<token>/",
        views.PasswordResetConfirm.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        views.PasswordResetComplete.as_view(),
        name="password_reset_complete",
    ),
    path("settings/", views.settings_view, name="settings"),
    path("settings/disclosures/", views.disclosure_create, name="disclosure_create"),
    path(
        "settings/disclosures/<int:disclosure_id>/", views.disclosure_edit, name="disclosure_edit"
    ),
    path(
        "settings/disclosures/<int:disclosure_id>/delete/",
        views.disclosure_delete,
        name="disclosure_delete",
    ),
    path("security/", views.security, name="security"),
    path("security/password/", views.password_change, name="password_change"),
    path("security/sessions/<int:session_id>/logout/", views.session_revoke, name="session_revoke"),
    path(
        "security/sessions/logout-others/",
        views.sessions_revoke_others,
        name="sessions_revoke_others",
    ),
    path("security/tokens/", views.token_create, name="token_create"),
    path("security/tokens/<int:token_id>/revoke/", views.token_revoke, name="token_revoke"),
    path("security/export/", views.export, name="export"),
    path("security/two-factor/", views.two_factor, name="two_factor"),
    path("security/delete/", views.account_delete, name="delete"),
    path("relationships/", views.relationships, name="relationships"),
    path("users/<str:handle>/block/", views.block, name="block"),
    path("users/<str:handle>/unblock/", views.unblock, name="unblock"),
    path("users/<str:handle>/mute/", views.mute, name="mute"),
    path("users/<str:handle>/unmute/", views.unmute, name="unmute"),
]
