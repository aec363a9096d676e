# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The seed grades get seed 000's evaluation cycle (18.0.2.3.0).

The grade data is ``noupdate``: an upgraded database would keep the new
column at 0 on every grade.  The seed grades still without a cycle get the
shipped one (junior 2 months, intermediate and above 6); a grade a company
already gave a cycle keeps it.  Nothing changes until the company turns the
per-grade evaluation cycle on (off by default).
"""

CYCLES = {
    "grade_junior": 2,
    "grade_intermediate": 6,
    "grade_senior": 6,
    "grade_expert": 6,
}


def migrate(cr, version):
    if not version:
        return
    for xmlid, months in CYCLES.items():
        cr.execute(
            """
            UPDATE hr_technical_grade g
               SET evaluation_interval_months = %s
              FROM ir_model_data d
             WHERE d.module = 'hr_technical_grade'
               AND d.name = %s
               AND d.model = 'hr.technical.grade'
               AND d.res_id = g.id
               AND COALESCE(g.evaluation_interval_months, 0) = 0
            """,
            (months, xmlid),
        )
