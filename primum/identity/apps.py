from django.apps import AppConfig


class IdentityConfig(AppConfig):
    """Verified professional identity: credentials and how they were checked, organisations
    and their e-mail domains, peer vouching, trust levels and the trust panel."""

    name = "primum.identity"
    label = "identity"
    verbose_name = "Identity, verification and trust"
