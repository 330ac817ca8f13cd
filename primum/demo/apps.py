from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Generators for the demo community (`make demo`) and for benchmark data sets."""

    name = "primum.demo"
    label = "demo"
