# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""pytest plugin of `make test`: browser tests are counted, never passed by default.

Odoo's ``HttpCase`` raises ``SkipTest`` when it finds no Chrome/Chromium or
no ``websocket-client``, and pytest then reports "0 failed".  This plugin
counts the ``HttpCase`` tests: it prints how many ran, says in one loud line
how many were skipped, and fails the run when a browser is there but a
browser test was skipped all the same.  Loaded by tools/test.sh with
``-p pytest_browser_tests``.
"""

import importlib.util
import shutil

import pytest

BROWSERS = ("google-chrome", "chromium", "chromium-browser", "google-chrome-stable")
_outcomes = {"passed": 0, "failed": 0, "skipped": 0}
_skip_reasons = []


def browser_available():
    """A headless browser Odoo can drive: Chromium and websocket-client."""
    has_browser = any(shutil.which(name) for name in BROWSERS)
    return has_browser and importlib.util.find_spec("websocket") is not None


def _is_browser_test(item):
    try:
        from odoo.tests import HttpCase
    except ImportError:
        return False
    cls = getattr(item, "cls", None)
    return isinstance(cls, type) and issubclass(cls, HttpCase)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if not _is_browser_test(item):
        return
    # One outcome per test: the call, or the setup when it skipped or failed.
    if report.when == "call" or (report.when == "setup" and not report.passed):
        key = "skipped" if report.skipped else "failed" if report.failed else "passed"
        _outcomes[key] += 1
        if report.skipped and isinstance(report.longrepr, tuple):
            _skip_reasons.append(report.longrepr[2].removeprefix("Skipped: "))


def pytest_terminal_summary(terminalreporter):
    ran = _outcomes["passed"] + _outcomes["failed"]
    write = terminalreporter.write_line
    write(
        f"Browser tests (HttpCase): {ran} ran ({_outcomes['passed']} passed, "
        f"{_outcomes['failed']} failed), {_outcomes['skipped']} skipped"
    )
    if _outcomes["skipped"]:
        reasons = "; ".join(sorted(set(_skip_reasons)))
        write("")
        write(
            f"SKIPPED: {_outcomes['skipped']} browser tests (no Chromium/websocket-client): "
            f"{reasons}",
            red=True,
            bold=True,
        )
        if browser_available():
            write(
                "FAILED: Chromium and websocket-client are installed, yet browser tests were "
                "skipped: the run fails.",
                red=True,
                bold=True,
            )
        write("")


def pytest_sessionfinish(session, exitstatus):
    if _outcomes["skipped"] and browser_available() and exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
