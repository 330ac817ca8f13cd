"""The NPPES registry client: check digit, taxonomy mapping, matching on recorded response
shapes (fixtures/npi, see its README), retries on 5xx, and a real socket that never answers.

``registry`` serves the fixtures from a local http.server; no test calls the live service.
"""

from __future__ import annotations

import json
import socket
import threading
import urllib.parse
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from primum.identity import npi

FIXTURES = Path(__file__).parent / "fixtures" / "npi"
NUMBERS = {
    "1000000012": "found.json",
    "1000000020": "deactivated.json",
    "1000000038": "organisation.json",
    "1000000046": "name_mismatch.json",
    "1000000053": "state_mismatch.json",
    "1000000061": "unknown_taxonomy.json",
    "1000000079": "errors.json",
}
FOUND, DEACTIVATED, ORGANISATION, NAME_MISMATCH, STATE_MISMATCH, UNKNOWN_TAXONOMY, ERRORS = NUMBERS
NOT_FOUND = "1000000087"  # valid check digit, no fixture: result_count 0


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


class Registry:
    """A local stand-in for npiregistry.cms.hhs.gov that answers with the recorded shapes.

    ``script[number]`` is a list of (status, body) answers used in turn before the fixture."""

    def __init__(self) -> None:
        self.requests: list[dict[str, list[str]]] = []
        self.script: dict[str, list[tuple[int, bytes]]] = {}
        registry = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
                registry.requests.append(query)
                number = (query.get("number") or [""])[0]
                scripted = registry.script.get(number)
                if scripted:
                    status, body = scripted.pop(0)
                else:
                    status = 200
                    body = fixture(NUMBERS.get(number, "not_found.json"))
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/api/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@contextmanager
def local_registry(settings):
    """Point PRIMUM_NPI_API_URL at a fresh local Registry for the duration."""
    server = Registry()
    settings.PRIMUM_NPI_API_URL = server.url
    settings.PRIMUM_NPI_TIMEOUT_SECONDS = 5
    settings.PRIMUM_NPI_RETRIES = 3
    settings.PRIMUM_NPI_BACKOFF_SECONDS = 0.01
    try:
        yield server
    finally:
        server.close()


@contextmanager
def silent_socket(settings):
    """A real listening socket that accepts connections and never answers."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    settings.PRIMUM_NPI_API_URL = f"http://127.0.0.1:{listener.getsockname()[1]}/api/"
    settings.PRIMUM_NPI_TIMEOUT_SECONDS = 0.2
    settings.PRIMUM_NPI_RETRIES = 1
    settings.PRIMUM_NPI_BACKOFF_SECONDS = 0.01
    try:
        yield listener
    finally:
        listener.close()


@pytest.fixture
def registry(settings):
    with local_registry(settings) as server:
        yield server


@pytest.fixture
def silent_registry(settings):
    with silent_socket(settings) as listener:
        yield listener


# --- Check digit and taxonomy table ---------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("1234567893", True),  # the example NPI in CMS's check-digit documentation
        ("1000000012", True),
        ("1234567890", False),
        ("1000000013", False),
        ("123456789", False),
        ("12345678931", False),
        ("12345678a3", False),
        ("", False),
    ],
)
def test_npi_check_digit(number, valid):
    assert npi.npi_is_valid(number) is valid


@pytest.mark.parametrize(
    ("code", "profession", "specialty"),
    [
        ("207R00000X", "physician", "internal_medicine"),
        ("207RH0003X", "physician", "medical_oncology"),
        ("207RC0000X", "physician", "cardiology"),
        ("207V00000X", "physician", "obstetrics_gynecology"),
        ("207Q00000X", "physician", "family_medicine"),
        ("208D00000X", "physician", ""),
        ("363L00000X", "nurse_practitioner", ""),
        ("363LF0000X", "nurse_practitioner", ""),
        ("363A00000X", "physician_assistant", ""),
        ("183500000X", "pharmacist", "pharmacy"),
        ("163W00000X", "nurse", "nursing"),
        ("2084P0800X", "physician", "psychiatry"),
        ("208000000X", "physician", "pediatrics"),
        ("207P00000X", "physician", "emergency_medicine"),
        ("2086S0122X", "physician", "plastic_surgery"),
        ("208600000X", "physician", "general_surgery"),
        # unknown codes: the profession from the taxonomy group, no specialty
        ("208G00000X", "physician", ""),
        ("364S00000X", "nurse", ""),
        ("225100000X", "allied_health", ""),
        ("", "allied_health", ""),
    ],
)
def test_taxonomy_table(code, profession, specialty):
    assert npi.taxonomy_map(code) == (profession, specialty)


def test_names_compare_without_case_or_diacritics():
    assert npi.normalise_name("Núñez") == npi.normalise_name("NUNEZ")
    assert npi.normalise_name("José-María") == npi.normalise_name("jose maria")
    assert npi.normalise_name("Ana") != npi.normalise_name("Anna")


# --- Matching on the recorded shapes -----------------------------------------------------------


def _lookup(number, first="Ána", last="Núñez", state="ma"):
    data = npi.registry_fetch(number)
    return npi.registry_match(data, number=number, first_name=first, last_name=last, state=state)


def test_found_verifies_and_maps_the_primary_taxonomy(registry):
    result = _lookup(FOUND)
    assert result.outcome == "verified"
    assert (result.profession, result.specialty) == ("physician", "medical_oncology")
    assert "Hematology & Oncology" in result.summary
    assert FOUND not in result.summary
    # the query the registry received
    assert registry.requests == [{"version": ["2.1"], "number": [FOUND]}]


def test_a_secondary_licence_state_also_matches(registry):
    assert _lookup(FOUND, state="NY").outcome == "verified"


@pytest.mark.parametrize(
    ("number", "first", "last", "state", "reason"),
    [
        (NOT_FOUND, "Ana", "Nunez", "MA", "no record"),
        (DEACTIVATED, "Paul", "Reyes", "MA", "deactivated"),
        (ORGANISATION, "Ana", "Nunez", "MA", "organisation (NPI-2)"),
        (NAME_MISMATCH, "Ana", "Nunez", "MA", "name you entered does not match"),
        (FOUND, "Anna", "Nunez", "MA", "name you entered does not match"),
        (STATE_MISMATCH, "Linda", "Cho", "MA", "licence state you entered does not match"),
        (FOUND, "Ana", "Nunez", "CA", "licence state you entered does not match"),
        (ERRORS, "Ana", "Nunez", "MA", "refused this number"),
    ],
)
def test_refusals_say_what_did_not_match(registry, number, first, last, state, reason):
    result = _lookup(number, first, last, state)
    assert result.outcome == "rejected"
    assert reason in result.reason


def test_unknown_taxonomy_gives_the_profession_only(registry):
    result = _lookup(UNKNOWN_TAXONOMY, "Omar", "Haddad", "MA")
    assert (result.outcome, result.profession, result.specialty) == ("verified", "physician", "")


def test_an_invalid_number_is_never_sent(registry):
    with pytest.raises(ValueError):
        npi.registry_fetch("1234567890")
    assert registry.requests == []


# --- Retries, back-off and timeouts ------------------------------------------------------------


def test_5xx_then_success_is_retried(registry):
    registry.script[FOUND] = [(503, b"busy"), (502, b"<html>bad gateway</html>")]
    assert _lookup(FOUND).outcome == "verified"
    assert len(registry.requests) == 3


def test_persistent_5xx_is_unreachable_after_three_retries(registry):
    registry.script[FOUND] = [(500, b"oops")] * 4
    with pytest.raises(npi.RegistryUnreachable, match="HTTP 500"):
        npi.registry_fetch(FOUND)
    assert len(registry.requests) == 4  # the first try and three retries


def test_4xx_is_not_retried(registry):
    registry.script[FOUND] = [(400, b'{"Errors": [{"description": "bad request"}]}')]
    data = npi.registry_fetch(FOUND)
    assert data["Errors"][0]["description"] == "bad request"
    assert len(registry.requests) == 1


def test_an_answer_that_is_not_json_is_unreachable(registry):
    registry.script[FOUND] = [(200, b"<html>maintenance</html>")] * 4
    with pytest.raises(npi.RegistryUnreachable, match="not JSON"):
        npi.registry_fetch(FOUND)


def test_a_server_that_never_answers_times_out(silent_registry):
    with pytest.raises(npi.RegistryUnreachable, match="timed out"):
        npi.registry_fetch(FOUND)


def test_a_closed_port_is_unreachable(settings):
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there now
    settings.PRIMUM_NPI_API_URL = f"http://127.0.0.1:{port}/api/"
    settings.PRIMUM_NPI_RETRIES = 1
    settings.PRIMUM_NPI_BACKOFF_SECONDS = 0.01
    with pytest.raises(npi.RegistryUnreachable, match="network error"):
        npi.registry_fetch(FOUND)


def test_fixtures_have_the_registry_shape():
    for name in NUMBERS.values():
        data = json.loads(fixture(name))
        if "Errors" in data:
            assert data["Errors"][0]["description"]
            continue
        record = data["results"][0]
        assert data["result_count"] == 1
        assert npi.npi_is_valid(str(record["number"]))
        assert record["enumeration_type"] in {"NPI-1", "NPI-2"}
        assert {"basic", "addresses", "taxonomies"} <= set(record)
        assert all(
            {"code", "desc", "primary", "state", "license"} <= set(t) for t in record["taxonomies"]
        )
