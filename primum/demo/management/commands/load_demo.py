"""`python manage.py load_demo`: load the demo community (see primum.demo.generator)."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.management.base import BaseCommand

from primum.demo import generator


class Command(BaseCommand):
    help = (
        "Load a deterministic demo clinical community. Skips when the demo is already "
        "loaded; --rebuild deletes the demo accounts and loads them again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--accounts", type=int, default=generator.DEFAULT_ACCOUNTS)
        parser.add_argument("--posts", type=int, default=generator.DEFAULT_POSTS)
        parser.add_argument("--seed", type=int, default=generator.DEFAULT_SEED)
        parser.add_argument(
            "--rebuild", action="store_true", help="Delete the existing demo and load it again."
        )

    def handle(self, *args, accounts, posts, seed, rebuild, **options):
        started = time.monotonic()
        result = generator.load_demo(
            accounts=accounts,
            posts=posts,
            seed=seed,
            rebuild=rebuild,
            log=lambda message: self.stdout.write(message),
        )
        elapsed = time.monotonic() - started
        if result.created:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo loaded: {result.accounts} accounts, {result.posts} posts "
                    f"in {elapsed:.1f} s."
                )
            )
        else:
            self.stdout.write(
                f"The demo is already loaded ({result.accounts} accounts, {result.posts} posts); "
                "nothing changed. Use --rebuild to load it again."
            )
        site = getattr(settings, "SITE_URL", "http://127.0.0.1:8000").rstrip("/") + "/"
        self.stdout.write("")
        self.stdout.write(f"Open {site}")
        self.stdout.write(f"Every demo account's password: {result.password}")
        self.stdout.write("Log in as, for example:")
        for handle in result.featured:
            self.stdout.write(f"  @{handle}")
        self.stdout.write(
            f"Staff account: @{result.staff_handle} (same password). Staff must set up two-factor "
            "authentication (Settings → Security) before /admin/ opens."
        )
        safety = result.safety
        if safety is not None and safety.target_handle:
            self.stdout.write("Safety demo (same password):")
            self.stdout.write(
                f"  @{safety.target_handle}: the target of a pile-on; see {site}notifications/, "
                f"{site}safety/pile-ons/ and the thread at {site}posts/{safety.post_id}/"
            )
            self.stdout.write(
                f"  @{safety.moderator_handle}: a moderator (staff with moderation.review_content);"
                f" the held replies wait at {site}moderation/ (no two-factor needed there; "
                "/admin/ still asks staff to set it up)"
            )
