from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "primum.web"
    label = "web"
