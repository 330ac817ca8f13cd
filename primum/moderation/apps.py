from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "primum.moderation"
    label = "moderation"
    verbose_name = "Moderation and pile-on events"
