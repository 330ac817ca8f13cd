"""The `primum` command: Django's management commands under the project's name.

primum migrate          primum load_demo          primum runserver
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["primum", *sys.argv[1:]])


if __name__ == "__main__":
    main()
