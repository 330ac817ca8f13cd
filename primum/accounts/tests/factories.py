"""factory_boy factories for accounts. Users are created through the real service."""

from __future__ import annotations

import factory

from primum.accounts import services
from primum.accounts.models import User

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return services.user_create(
            handle=kwargs["username"],
            email=kwargs["email"],
            password=kwargs.get("password", PASSWORD),
            display_name=kwargs.get("display_name", kwargs["username"].title()),
            profession=kwargs.get("profession", "physician"),
            specialty=kwargs.get("specialty", "internal_medicine"),
            email_confirmed=kwargs.get("email_confirmed", True),
            validate_password_strength=False,
        )
