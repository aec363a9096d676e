# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""A Chromium that starts too slowly is restarted, not reported as skipped."""

import logging
import sys
import tempfile
import unittest
from pathlib import Path
from subprocess import Popen
from unittest.mock import patch

from . import common
from .rules_case import RuleCase

# Stands for a Chromium that dies before it writes its DevTools port.
SILENT = [sys.executable, "-c", "pass"]
# Stands for a Chromium that starts: it writes its port and keeps running.
WRITES_PORT = [
    sys.executable,
    "-c",
    "import pathlib, sys, time; "
    "pathlib.Path(sys.argv[1], 'DevToolsActivePort').write_text('4242\\n/devtools/browser/x'); "
    "time.sleep(30)",
]


class FakeBrowser:
    def __init__(self, starts):
        self.user_data_dir = tempfile.mkdtemp(suffix="_chrome_test")
        self._logger = logging.getLogger(__name__)
        self.starts = list(starts)
        self.procs = []

    def _chrome_without_limit(self, cmd):
        argv = self.starts.pop(0)
        proc = Popen(argv + [self.user_data_dir] if argv is WRITES_PORT else argv)
        self.procs.append(proc)
        return proc


class TestBrowserStart(RuleCase):
    def setUp(self):
        super().setUp()
        for name, value in (("BROWSER_START_SECONDS", 3), ("BROWSER_START_ATTEMPTS", 3)):
            patcher = patch.object(common, name, value)
            patcher.start()
            self.addCleanup(patcher.stop)

    def test_a_failed_start_is_killed_and_tried_again(self):
        browser = FakeBrowser([SILENT, WRITES_PORT])
        proc, port = common._patient_spawn(browser, ["chromium"])
        self.addCleanup(proc.wait)
        self.addCleanup(proc.kill)
        self.assertEqual(port, 4242)
        self.assertEqual(len(browser.procs), 2)
        self.assertIsNotNone(browser.procs[0].poll(), "the failed start is not left running")
        self.assertTrue(Path(browser.user_data_dir).is_dir())

    def test_no_port_after_every_attempt_is_a_skip_with_nothing_left_running(self):
        browser = FakeBrowser([SILENT, SILENT, SILENT])
        with self.assertRaisesRegex(unittest.SkipTest, "devtools port after 3 starts"):
            common._patient_spawn(browser, ["chromium"])
        self.assertEqual([proc.poll() is not None for proc in browser.procs], [True] * 3)
