"""Client for the public NPPES NPI Registry API (version 2.1) and the rules that turn one
registry record into a verification outcome.

* ``npi_is_valid`` checks the NPI check digit (Luhn over ``80840`` + the first nine digits)
  before any request, so a mistyped number never reaches the registry.
* ``registry_fetch`` is a plain ``urllib`` GET with a timeout and up to three retries with
  exponential back-off on network errors and 5xx answers. When every attempt fails it
  raises ``RegistryUnreachable``; the caller records "registry unreachable — pending" and a
  periodic task tries again later.
* ``registry_match`` compares the record with what the user entered: only an individual
  (NPI-1), active NPI whose first and last name (ignoring case and diacritics) and licence
  state match verifies a person. The primary taxonomy maps to a profession and specialty
  through ``TAXONOMY_TABLE``; unknown taxonomies give the profession only.

Settings: ``PRIMUM_NPI_API_URL``, ``PRIMUM_NPI_TIMEOUT_SECONDS``, ``PRIMUM_NPI_RETRIES``,
``PRIMUM_NPI_BACKOFF_SECONDS`` (see docs/identity.md).
"""

from __future__ import annotations

import json
import logging
import re
import time
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings

from primum.accounts.vocabulary import Profession, Specialty

logger = logging.getLogger(__name__)

DEFAULT_API_URL = "https://npiregistry.cms.hhs.gov/api/"
SYSTEM_NAME = "NPPES NPI Registry API"
NPI_RE = re.compile(r"^\d{10}$")


def npi_check_digit(first_nine: str) -> int:
    """The Luhn check digit of the NPI prefix 80840 followed by the first nine digits."""
    total = 0
    # Luhn: double every second digit starting from the rightmost payload digit.
    for index, digit in enumerate(reversed([int(d) for d in "80840" + first_nine])):
        if index % 2 == 0:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return (10 - total % 10) % 10


def npi_is_valid(number: str) -> bool:
    """True for ten digits whose last is the Luhn check digit of 80840 + the first nine."""
    if not isinstance(number, str) or not NPI_RE.match(number):
        return False
    return npi_check_digit(number[:9]) == int(number[9])


# --- Taxonomy → profession / specialty -----------------------------------------------------

# (code or code prefix, profession, specialty). The longest matching prefix wins, so a
# subspecialty code (207RH0003X) is listed next to its parent (207R).
TAXONOMY_TABLE: tuple[tuple[str, str, str], ...] = (
    # Allopathic & osteopathic physicians
    ("207R", Profession.PHYSICIAN, Specialty.INTERNAL_MEDICINE),
    ("207RH0003X", Profession.PHYSICIAN, Specialty.MEDICAL_ONCOLOGY),  # hematology & oncology
    ("207RH0000X", Profession.PHYSICIAN, Specialty.HEMATOLOGY),
    ("207RX0202X", Profession.PHYSICIAN, Specialty.MEDICAL_ONCOLOGY),
    ("207RC0000X", Profession.PHYSICIAN, Specialty.CARDIOLOGY),
    ("207RC0200X", Profession.PHYSICIAN, Specialty.CRITICAL_CARE),
    ("207RE0101X", Profession.PHYSICIAN, Specialty.ENDOCRINOLOGY),
    ("207RG0100X", Profession.PHYSICIAN, Specialty.GASTROENTEROLOGY),
    ("207RG0300X", Profession.PHYSICIAN, Specialty.GERIATRICS),
    ("207RI0200X", Profession.PHYSICIAN, Specialty.INFECTIOUS_DISEASE),
    ("207RN0300X", Profession.PHYSICIAN, Specialty.NEPHROLOGY),
    ("207RP1001X", Profession.PHYSICIAN, Specialty.PULMONOLOGY),
    ("207RR0500X", Profession.PHYSICIAN, Specialty.RHEUMATOLOGY),
    ("207RH0002X", Profession.PHYSICIAN, Specialty.PALLIATIVE_CARE),
    ("207V", Profession.PHYSICIAN, Specialty.OBSTETRICS_GYNECOLOGY),
    ("207VX0201X", Profession.PHYSICIAN, Specialty.GYNECOLOGIC_ONCOLOGY),
    ("207Q", Profession.PHYSICIAN, Specialty.FAMILY_MEDICINE),
    ("208D", Profession.PHYSICIAN, Specialty.NONE),  # general practice
    ("207P", Profession.PHYSICIAN, Specialty.EMERGENCY_MEDICINE),
    ("2084P0800X", Profession.PHYSICIAN, Specialty.PSYCHIATRY),
    ("2084N0400X", Profession.PHYSICIAN, Specialty.NEUROLOGY),
    ("208000000X", Profession.PHYSICIAN, Specialty.PEDIATRICS),
    ("2080N0001X", Profession.PHYSICIAN, Specialty.NEONATOLOGY),
    ("2086", Profession.PHYSICIAN, Specialty.GENERAL_SURGERY),
    ("2086S0122X", Profession.PHYSICIAN, Specialty.PLASTIC_SURGERY),
    ("207X", Profession.PHYSICIAN, Specialty.ORTHOPAEDIC_SURGERY),
    ("207T", Profession.PHYSICIAN, Specialty.NEUROSURGERY),
    ("207W", Profession.PHYSICIAN, Specialty.OPHTHALMOLOGY),
    ("207Y", Profession.PHYSICIAN, Specialty.OTOLARYNGOLOGY),
    ("207N", Profession.PHYSICIAN, Specialty.DERMATOLOGY),
    ("207L", Profession.PHYSICIAN, Specialty.ANESTHESIOLOGY),
    ("207K", Profession.PHYSICIAN, Specialty.ALLERGY_IMMUNOLOGY),
    ("2085", Profession.PHYSICIAN, Specialty.RADIOLOGY),
    ("2085R0001X", Profession.PHYSICIAN, Specialty.RADIATION_ONCOLOGY),
    ("207Z", Profession.PHYSICIAN, Specialty.PATHOLOGY),
    ("2081", Profession.PHYSICIAN, Specialty.PHYSICAL_MEDICINE),
    ("2083", Profession.PHYSICIAN, Specialty.PUBLIC_HEALTH),
    ("207S", Profession.PHYSICIAN, Specialty.MEDICAL_GENETICS),
    ("208800000X", Profession.PHYSICIAN, Specialty.UROLOGY),
    ("208M00000X", Profession.PHYSICIAN, Specialty.HOSPITAL_MEDICINE),
    # Other clinicians
    ("363L", Profession.NURSE_PRACTITIONER, Specialty.NONE),
    ("363A", Profession.PHYSICIAN_ASSISTANT, Specialty.NONE),
    ("183500000X", Profession.PHARMACIST, Specialty.PHARMACY),
    ("1835", Profession.PHARMACIST, Specialty.PHARMACY),
    ("163W", Profession.NURSE, Specialty.NURSING),
)

# Taxonomy groups for codes not in the table: the profession is known, the specialty not.
PROFESSION_FALLBACK: tuple[tuple[str, str], ...] = (
    ("207", Profession.PHYSICIAN),
    ("208", Profession.PHYSICIAN),
    ("204", Profession.PHYSICIAN),
    ("363L", Profession.NURSE_PRACTITIONER),
    ("363A", Profession.PHYSICIAN_ASSISTANT),
    ("1835", Profession.PHARMACIST),
    ("163W", Profession.NURSE),
    ("164", Profession.NURSE),  # licensed practical / vocational nurse
    ("364", Profession.NURSE),  # clinical nurse specialist
    ("367", Profession.NURSE),  # advanced practice midwife, nurse anesthetist
)


def taxonomy_map(code: str) -> tuple[str, str]:
    """(profession, specialty) for a taxonomy code; unknown codes give the profession only."""
    code = (code or "").strip().upper()
    best: tuple[str, str, str] | None = None
    for prefix, profession, specialty in TAXONOMY_TABLE:
        if code.startswith(prefix) and (best is None or len(prefix) > len(best[0])):
            best = (prefix, profession, specialty)
    if best is not None:
        return str(best[1]), str(best[2])
    for prefix, profession in PROFESSION_FALLBACK:
        if code.startswith(prefix):
            return str(profession), ""
    return str(Profession.ALLIED_HEALTH), ""


# --- HTTP ------------------------------------------------------------------------------


class RegistryUnreachable(Exception):
    """Every attempt failed (network error, timeout, 5xx or an unreadable answer)."""


def _setting(name: str, default: Any) -> Any:
    return getattr(settings, name, default)


def registry_url(number: str) -> str:
    base = _setting("PRIMUM_NPI_API_URL", DEFAULT_API_URL)
    query = urllib.parse.urlencode({"version": "2.1", "number": number})
    return f"{base}{'&' if '?' in base else '?'}{query}"


def registry_fetch(number: str) -> dict[str, Any]:
    """GET the registry's answer for one NPI. Raises RegistryUnreachable after the retries.

    4xx answers are not retried: the registry understood the request and refused it; the
    body (NPPES answers errors as ``{"Errors": [...]}``) is returned for the matcher."""
    if not npi_is_valid(number):
        raise ValueError("registry_fetch needs a valid NPI; call npi_is_valid first")
    timeout = float(_setting("PRIMUM_NPI_TIMEOUT_SECONDS", 5.0))
    retries = int(_setting("PRIMUM_NPI_RETRIES", 3))
    backoff = float(_setting("PRIMUM_NPI_BACKOFF_SECONDS", 0.5))
    url = registry_url(number)
    if not url.startswith(("https://", "http://")):
        raise ValueError("PRIMUM_NPI_API_URL must be an http(s) URL")
    request = urllib.request.Request(  # noqa: S310 - scheme checked above
        url,
        headers={"Accept": "application/json", "User-Agent": "Primum NPI check"},
    )
    last_problem = ""
    for attempt in range(retries + 1):
        if attempt:
            time.sleep(backoff * (2 ** (attempt - 1)))
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
                body = response.read(2_000_000)
            return _decode(body)
        except urllib.error.HTTPError as error:
            if error.code < 500:
                try:
                    return _decode(error.read(2_000_000))
                except RegistryUnreachable:
                    return {"Errors": [{"description": f"HTTP {error.code}"}]}
            last_problem = f"HTTP {error.code}"
        except TimeoutError:
            last_problem = "timed out"
        except (urllib.error.URLError, ConnectionError, OSError) as error:
            last_problem = f"network error: {getattr(error, 'reason', error)}"
        except RegistryUnreachable as error:
            last_problem = str(error)
        logger.warning("NPI registry attempt %s failed: %s", attempt + 1, last_problem)
    raise RegistryUnreachable(last_problem or "no answer")


def _decode(body: bytes) -> dict[str, Any]:
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise RegistryUnreachable("the registry's answer was not JSON") from None
    if not isinstance(data, dict):
        raise RegistryUnreachable("the registry's answer had an unexpected shape")
    return data


# --- Matching ----------------------------------------------------------------------------


def normalise_name(value: str) -> str:
    """Case- and diacritics-insensitive form: 'José-María' and 'JOSE MARIA' compare equal."""
    decomposed = unicodedata.normalize("NFKD", value or "")
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z]", "", letters.casefold())


@dataclass
class MatchResult:
    """Outcome of comparing a registry answer with the user's claim.

    ``outcome`` is ``verified`` or ``rejected``; ``reason`` is shown to the user (it names
    what did not match, never the registry's copy of the data)."""

    outcome: str
    reason: str
    profession: str = ""
    specialty: str = ""
    summary: str = ""
    record: dict[str, Any] = field(default_factory=dict)


def registry_match(
    data: dict[str, Any], *, number: str, first_name: str, last_name: str, state: str
) -> MatchResult:
    errors = data.get("Errors") or data.get("errors")
    if errors:
        return MatchResult("rejected", "The NPI registry refused this number.", record=data)
    results = data.get("results") or []
    if not data.get("result_count") or not results:
        return MatchResult("rejected", "The NPI registry has no record of this number.")
    record = next((r for r in results if str(r.get("number")) == number), None)
    if record is None:
        return MatchResult("rejected", "The NPI registry has no record of this number.")
    if record.get("enumeration_type") != "NPI-1":
        return MatchResult(
            "rejected",
            "This NPI belongs to an organisation (NPI-2); only an individual NPI verifies a person.",
            record=record,
        )
    basic = record.get("basic") or {}
    if basic.get("status", "A") != "A" or basic.get("deactivation_date"):
        return MatchResult("rejected", "This NPI is deactivated in the registry.", record=record)
    if normalise_name(basic.get("first_name", "")) != normalise_name(first_name) or (
        normalise_name(basic.get("last_name", "")) != normalise_name(last_name)
    ):
        return MatchResult(
            "rejected",
            "The name you entered does not match the registry's record for this NPI.",
            record=record,
        )
    taxonomies = [t for t in record.get("taxonomies") or [] if isinstance(t, dict)]
    states = {str(t.get("state") or "").upper() for t in taxonomies if t.get("state")}
    if not states:
        states = {str(a.get("state") or "").upper() for a in record.get("addresses") or []}
    if state.upper() not in states:
        return MatchResult(
            "rejected",
            "The licence state you entered does not match the registry's record for this NPI.",
            record=record,
        )
    primary = next((t for t in taxonomies if t.get("primary")), taxonomies[0] if taxonomies else {})
    profession, specialty = taxonomy_map(str(primary.get("code") or ""))
    summary = "active individual NPI; name and licence state match"
    if primary.get("desc"):
        summary += f"; taxonomy: {str(primary['desc'])[:80]}"
    return MatchResult(
        "verified",
        "",
        profession=profession,
        specialty=specialty,
        summary=summary,
        record=record,
    )
