"""URL map: the web pages, the JSON API under /api/v1/, and the Django admin for staff."""

from django.contrib import admin
from django.urls import include, path

from primum.api.api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("accounts/", include("primum.accounts.urls")),
    path("identity/", include("primum.identity.urls")),
    path("messages/", include("primum.messaging.urls")),
    path("moderation/", include("primum.moderation.urls")),
    path("", include("primum.moderation.urls_pileon")),
    path("", include("primum.social.urls")),
    path("", include("primum.web.urls")),
]

handler400 = "primum.web.views.error_400"
handler403 = "primum.web.views.error_403"
handler404 = "primum.web.views.error_404"
handler500 = "primum.web.views.error_500"
