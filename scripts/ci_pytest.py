"""pytest plug-in used by scripts/test.sh: required tests may not silently drop out.

``SCHAKEL_REQUIRE_MARKERS=browser,postgres_only`` turns the run into a failure when a
test carrying one of those markers is skipped or deselected, or when a whole module in
a directory named after such a marker (``tests/browser/``) is skipped at collection.
So CI cannot go green while Chromium or PostgreSQL were quietly unavailable.

Load it with ``-p ci_pytest`` and ``scripts/`` on ``PYTHONPATH``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest


class RequiredTests:
    def __init__(self, markers: set[str]):
        self.markers = markers
        self.missed: list[tuple[str, str]] = []

    def _required_markers(self, item) -> set[str]:
        return self.markers & {mark.name for mark in item.iter_markers()}

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item, call):
        outcome = yield
        report = outcome.get_result()
        if report.skipped and self._required_markers(item):
            reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
            self.missed.append((item.nodeid, f"skipped: {reason}"))

    def pytest_deselected(self, items):
        for item in items:
            if self._required_markers(item):
                self.missed.append((item.nodeid, "deselected"))

    def pytest_collectreport(self, report):
        if not report.skipped:
            return
        parts = set(Path(str(report.fspath)).parts)
        if parts & self.markers:
            reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
            self.missed.append((report.nodeid, f"module skipped: {reason}"))

    def pytest_terminal_summary(self, terminalreporter):
        if not self.missed:
            return
        terminalreporter.write_sep("=", "required tests were skipped", red=True, bold=True)
        terminalreporter.write_line(f"Tests marked {', '.join(sorted(self.markers))} must run here:")
        for nodeid, why in self.missed:
            terminalreporter.write_line(f"  {nodeid}: {why}")

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session):
        if self.missed and session.exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_configure(config):
    markers = {m.strip() for m in os.environ.get("SCHAKEL_REQUIRE_MARKERS", "").split(",") if m.strip()}
    if markers:
        config.pluginmanager.register(RequiredTests(markers), "schakel-required-tests")
