"""`python manage.py generate_bench_data --accounts 10000 --posts 1000000`: benchmark data."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from primum.demo import benchdata


class Command(BaseCommand):
    help = "Fill an empty database with benchmark accounts, follows and posts (see primum.demo.benchdata)."

    def add_arguments(self, parser):
        parser.add_argument("--accounts", type=int, default=10_000)
        parser.add_argument("--posts", type=int, default=1_000_000)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, accounts, posts, seed, **options):
        if accounts < 2 or posts < 0:
            raise CommandError("Use at least 2 accounts and a non-negative number of posts.")
        try:
            result = benchdata.generate(
                accounts=accounts, posts=posts, seed=seed, log=self.stdout.write
            )
        except benchdata.BenchDataExists as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"{result['accounts']} accounts, {result['follows']} follows, {result['posts']} posts, "
                f"{result['blocks']} blocks, {result['mutes']} mutes in {result['timings']['total']} s"
            )
        )
