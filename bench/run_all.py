"""Run every benchmark against the database in DATABASE_URL (`make bench`).

    DATABASE_URL=... python bench/run_all.py [--iterations N]

Each script prints the exact command, the date, the machine, the data size and its figures.
Generate data first: python manage.py generate_bench_data --accounts 10000 --posts 1000000
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ["feed_read.py", "post_create.py", "inbox.py"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--iterations", type=int, default=None)
    args = parser.parse_args()
    extra = ["--iterations", str(args.iterations)] if args.iterations else []
    status = 0
    for script in SCRIPTS:
        result = subprocess.run([sys.executable, str(HERE / script), *extra], check=False)  # noqa: S603
        status = status or result.returncode
        print()
    return status


if __name__ == "__main__":
    raise SystemExit(main())
