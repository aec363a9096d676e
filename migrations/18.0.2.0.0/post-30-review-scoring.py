# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Review scoring (seed 003): existing reviews as they were decided.

- A review past its draft was submitted with its results form and its KPI
  sheet: both count as entered (``results_scored``, ``kpi_checked``).  An open
  review keeps its results form when the superior entered a score; its KPI
  sheet waits for the superior's check.  Finished results, bands and
  consequences stay as approved: nothing is recomputed.
- The KPI categories' weight column, which no rule read, is dropped.
"""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE hr_technical_grade_review
           SET results_scored = (state != 'draft' OR COALESCE(results_score, 0) != 0),
               kpi_checked = (state != 'draft')
        """
    )
    cr.execute("ALTER TABLE hr_technical_grade_kpi_category DROP COLUMN IF EXISTS weight")
