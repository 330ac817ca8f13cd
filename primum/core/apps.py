from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "primum.core"
    label = "core"
