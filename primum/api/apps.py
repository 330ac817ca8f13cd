from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "primum.api"
    label = "api"
