from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "primum.accounts"
    label = "accounts"
    verbose_name = "Accounts and professional identity"

    def ready(self) -> None:
        from primum.accounts import signals  # noqa: F401
