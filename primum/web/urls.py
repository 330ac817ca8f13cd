from django.urls import path

from primum.web import views

app_name = "web"

urlpatterns = [
    path("about/", views.about, name="about"),
]
