# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""pytest plugin of `make test`: Odoo's test tags decide which classes run, as under Odoo.

Odoo's runner runs the test classes tagged ``standard`` (every class, unless
it is tagged ``-standard``).  A class tagged ``-standard`` needs what the
normal test database lacks (``kpi_presets_installed``: repair, project,
hr_expense and helpdesk_mgmt installed): pytest-odoo ignores tags, so this
plugin deselects such classes, unless OPTIONAL_TEST_TAGS (comma separated)
names one of their tags, as tools/test_presets.sh does.  Deselected tests are
neither run nor reported as skipped.  Loaded by tools/test.sh with
``-p pytest_test_tags``.
"""

import os


def _tags(item):
    cls = getattr(item, "cls", None)
    return getattr(cls, "test_tags", None)


def pytest_collection_modifyitems(config, items):
    wanted = {tag.strip() for tag in os.environ.get("OPTIONAL_TEST_TAGS", "").split(",")}
    wanted.discard("")
    kept, deselected = [], []
    for item in items:
        tags = _tags(item)
        if tags is None or "standard" in tags or tags & wanted:
            kept.append(item)
        else:
            deselected.append(item)
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = kept
