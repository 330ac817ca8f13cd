"""Shared pytest configuration: the database in use is printed, so a run on SQLite is never
mistaken for a run on PostgreSQL."""

from __future__ import annotations

import os
import threading

import pytest


def pytest_report_header(config):
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    return f"primum database backend: {engine}"


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Drive Debian's Chromium (Playwright's own download does not work here)."""
    return {
        **browser_type_launch_args,
        "executable_path": os.environ.get("PRIMUM_CHROMIUM", "/usr/bin/chromium"),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


class _InFlightRequests:
    """WSGI middleware around the live server's application that counts the requests it has
    not finished (the response closed), so a test can wait for them before the database is
    flushed.

    A browser test ends as soon as its last assertion holds, while the page may still have a
    request in flight (the composer's htmx safety check after "Use redacted text", a badge
    refresh). On PostgreSQL, pytest-django's TRUNCATE at teardown then deadlocks with that
    request's transaction (seen on CI: ``DeadlockDetected`` in the flush, and the next test
    finding the previous test's users)."""

    def __init__(self, app):
        self.app = app
        self._active = 0
        self._changed = threading.Condition()

    def __call__(self, environ, start_response):
        with self._changed:
            self._active += 1
        try:
            body = self.app(environ, start_response)
        except BaseException:
            self._finished()
            raise
        return _ClosingBody(body, self._finished)

    def _finished(self):
        with self._changed:
            self._active -= 1
            self._changed.notify_all()

    def wait_idle(self, timeout: float) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: self._active == 0, timeout)


class _ClosingBody:
    """A WSGI response body that reports when the server closes it (after the last byte was
    sent, or when the client went away)."""

    def __init__(self, body, on_close):
        self._body = body
        self._on_close = on_close

    def __iter__(self):
        return iter(self._body)

    def close(self):
        try:
            close = getattr(self._body, "close", None)
            if close is not None:
                close()
        finally:
            self._on_close()


@pytest.fixture(scope="session")
def live_server(live_server):
    """pytest-django's live server, its application wrapped to count requests in flight."""
    httpd = live_server.thread.httpd
    httpd.set_app(_InFlightRequests(httpd.get_app()))
    return live_server


@pytest.fixture(autouse=True)
def _browser_test_quiesced(request):
    """After a test that drives a browser against the live server, and before its database
    is flushed: close every browser context it opened (the browser is shared by the whole
    session, so a page left open would keep talking to the server during the next test),
    then wait until the server has finished every request.

    The live server and the database are requested here, in set-up, so that pytest tears
    them down after this fixture."""
    if "live_server" not in request.fixturenames:
        yield
        return
    server = request.getfixturevalue("live_server")
    request.getfixturevalue("transactional_db")
    browser = request.getfixturevalue("browser") if "browser" in request.fixturenames else None
    yield
    if browser is not None:
        for context in list(browser.contexts):
            context.close()
    app = server.thread.httpd.get_app()
    if isinstance(app, _InFlightRequests) and not app.wait_idle(timeout=30):
        pytest.fail("the live server still had requests in flight 30 s after the test ended")
