from django.apps import AppConfig


class MessagingConfig(AppConfig):
    name = "primum.messaging"
    label = "messaging"
    verbose_name = "Direct messages and message requests"
