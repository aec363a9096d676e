# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The base class of the rule tests (test_rules_*.py), which need no Odoo.

Odoo's test runner only runs subclasses of ``odoo.tests.BaseCase``, and plain
pytest runs any ``unittest.TestCase``: ``RuleCase`` is the first where Odoo is
importable and the second elsewhere, so both runners run the same tests.

The property tests (Hypothesis ``@given``) all use one settings profile, loaded
here: no deadline and no health check, so that a slow or loaded machine (a
database server beside it, a CI runner) never fails them; examples derived from
the test itself rather than at random and no example database, so that every
run tries the same examples; and a failure prints the blob that reproduces it
(``@reproduce_failure``).
"""

from unittest import TestCase

from hypothesis import HealthCheck, settings

try:
    from odoo.tests import BaseCase
except ImportError:  # plain pytest, without Odoo
    BaseCase = TestCase

PROFILE = "hr_technical_grade_rules"

settings.register_profile(
    PROFILE,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
    database=None,
    print_blob=True,
    max_examples=100,
)
settings.load_profile(PROFILE)


class RuleCase(BaseCase):
    """A test of the pure rules in grade_rules: no database, no registry."""
