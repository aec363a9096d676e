# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The Chinese translation is complete and keeps every placeholder (no Odoo needed)."""

import re
import unittest
from pathlib import Path

from .rules_case import RuleCase

try:
    import polib
except ImportError:  # the tests below are skipped, as pytest.importorskip did
    polib = None

I18N = Path(__file__).absolute().parent.parent / "i18n"
PLACEHOLDER = re.compile(r"%\(\w+\)s|%s|%d")


@unittest.skipIf(polib is None, "polib is not installed")
class TestChineseCatalog(RuleCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pot = polib.pofile(str(I18N / "hr_technical_grade.pot"))
        cls.po = polib.pofile(str(I18N / "zh_CN.po"))

    def test_every_string_is_translated(self):
        translated = {
            e.msgid for e in self.po if e.msgstr and not e.obsolete and "fuzzy" not in e.flags
        }
        missing = [e.msgid for e in self.pot if e.msgid not in translated]
        self.assertFalse(missing, f"untranslated in zh_CN.po: {missing}")

    def test_no_stale_translations(self):
        current = {e.msgid for e in self.pot}
        stale = [e.msgid for e in self.po if not e.obsolete and e.msgid not in current]
        self.assertFalse(stale, f"zh_CN.po has strings the .pot no longer has: {stale}")

    def test_placeholders_are_kept(self):
        for entry in self.po:
            self.assertEqual(
                sorted(PLACEHOLDER.findall(entry.msgid)),
                sorted(PLACEHOLDER.findall(entry.msgstr)),
                entry.msgid,
            )
