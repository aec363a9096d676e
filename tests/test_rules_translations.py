# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The Chinese translation is complete and keeps every placeholder (no Odoo needed)."""

import re
from pathlib import Path

import pytest

polib = pytest.importorskip("polib")

I18N = Path(__file__).absolute().parent.parent / "i18n"
PLACEHOLDER = re.compile(r"%\(\w+\)s|%s|%d")


@pytest.fixture(scope="module")
def catalogs():
    return polib.pofile(str(I18N / "hr_technical_grade.pot")), polib.pofile(str(I18N / "zh_CN.po"))


def test_every_string_is_translated(catalogs):
    pot, po = catalogs
    translated = {e.msgid for e in po if e.msgstr and not e.obsolete and "fuzzy" not in e.flags}
    missing = [e.msgid for e in pot if e.msgid not in translated]
    assert not missing, f"untranslated in zh_CN.po: {missing}"


def test_no_stale_translations(catalogs):
    pot, po = catalogs
    current = {e.msgid for e in pot}
    stale = [e.msgid for e in po if not e.obsolete and e.msgid not in current]
    assert not stale, f"zh_CN.po has strings the .pot no longer has: {stale}"


def test_placeholders_are_kept(catalogs):
    _pot, po = catalogs
    for entry in po:
        assert sorted(PLACEHOLDER.findall(entry.msgid)) == sorted(
            PLACEHOLDER.findall(entry.msgstr)
        ), entry.msgid
