# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
# pylint: disable=sql-injection
# Table and column names in this script are its own constants; values go as
# query parameters.
"""Review scoring (seed 003): keep what a category weight said before it goes.

The KPI categories lose their weight, which no rule used: each weight that
was set is written to the upgrade log, for the record.  Reviews get
``results_scored`` and ``kpi_checked``: a missing part no longer counts as 0.
"""

import logging

_logger = logging.getLogger(__name__)


def _column_exists(cr, table, column):
    cr.execute(
        "SELECT 1 FROM information_schema.columns WHERE table_name = %s AND column_name = %s",
        (table, column),
    )
    return bool(cr.fetchone())


def migrate(cr, version):
    if not version:
        return
    if _column_exists(cr, "hr_technical_grade_kpi_category", "weight"):
        cr.execute(
            "SELECT id, weight FROM hr_technical_grade_kpi_category WHERE COALESCE(weight, 0) != 0"
        )
        for category_id, weight in cr.fetchall():
            _logger.info(
                "KPI category %s had a weight of %s %%, which no rule used: removed.",
                category_id,
                weight,
            )
    # The new booleans, created now so that the ORM does not compute them.
    for column in ("results_scored", "kpi_checked"):
        if not _column_exists(cr, "hr_technical_grade_review", column):
            cr.execute(f"ALTER TABLE hr_technical_grade_review ADD COLUMN {column} boolean")
