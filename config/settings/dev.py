"""Settings for `make demo` and local development: debug pages on, e-mail to var/mail."""

from .base import *  # noqa: F403

DEBUG = True
