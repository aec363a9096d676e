# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Make the pure rules package importable as ``grade_rules`` in plain pytest.

The rule tests (``test_rules_*.py``) need no Odoo: they import ``grade_rules``
from the addon root, which this puts on ``sys.path``.  Odoo tests import the
addon the Odoo way and are unaffected.
"""

import sys
from pathlib import Path

ADDON_ROOT = str(Path(__file__).absolute().parent.parent)
if ADDON_ROOT not in sys.path:
    sys.path.insert(0, ADDON_ROOT)
