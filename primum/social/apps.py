from django.apps import AppConfig


class SocialConfig(AppConfig):
    name = "primum.social"
    label = "social"
    verbose_name = "Posts, follows, feeds and notifications"
