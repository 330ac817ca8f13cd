"""Settings for `make demo` and local development.

Debug pages stay off unless PRIMUM_DEBUG=1, so the demo shows the same friendly error pages
as production. Static files are served by WhiteNoise straight from the app folders.
"""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("PRIMUM_DEBUG", False)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
