# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Exam parts per grade (18.0.2.3.0): the grades' weights total is created
before the module loads.

Otherwise Odoo computes the new stored total when it adds the column, while
the grades have no exam parts yet (the post-migration gives them theirs),
and the check that the weights total 100 % stops the upgrade.  The total is
recomputed, and checked, when the post-migration adds the parts.
"""


def migrate(cr, version):
    if not version:
        return
    cr.execute("ALTER TABLE hr_technical_grade ADD COLUMN IF NOT EXISTS exam_weight_total numeric")
    cr.execute(
        "UPDATE hr_technical_grade SET exam_weight_total = 100 WHERE exam_weight_total IS NULL"
    )
