# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

import ast
from pathlib import Path

from .rules_case import RuleCase

TESTS = Path(__file__).parent


class TestSuiteLayout(RuleCase):
    def test_every_test_module_runs_under_odoos_runner(self):
        """Odoo's runner finds tests through tests/__init__.py only: none may be left out."""
        tree = ast.parse((TESTS / "__init__.py").read_text())
        imported = {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.level == 1
            for alias in node.names
        }
        modules = {path.stem for path in TESTS.glob("test_*.py")}
        self.assertEqual(modules - imported, set())
