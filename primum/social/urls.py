from django.urls import path

from primum.social import views

app_name = "social"

urlpatterns = [
    path("", views.home, name="home"),
    path("explore/", views.explore, name="explore"),
]
