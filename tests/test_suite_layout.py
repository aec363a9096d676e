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

    def test_every_action_answers_rpc_clients(self):
        """An ``action_*`` method returns a value: None cannot be marshalled over
        XML-RPC, whose client then gets a fault although the action was done."""
        silent = []
        for folder in ("models", "wizards"):
            for path in sorted((TESTS.parent / folder).glob("*.py")):
                for node in ast.walk(ast.parse(path.read_text())):
                    if isinstance(node, ast.FunctionDef) and node.name.startswith("action_"):
                        if not isinstance(node.body[-1], ast.Return | ast.Raise):
                            silent.append(f"{folder}/{path.name}: {node.name}")
        self.assertEqual(silent, [])
