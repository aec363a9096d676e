# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The seed grades require 优/良 periodic results for promotion (18.0.2.4.0).

Seed 003 (第17条) promotes the employees whose results are 优 or 良; the
yearly result is the mean of the quarters (第9条).  The grade data is
``noupdate``: the seed grades that still have no result condition (0, the
former shipped value) with the former count of two reviews get the shipped
condition, a mean of 80 (the lower bound of 良) over the last four results.
A grade a company already gave a condition keeps it.
"""

GRADES = ("grade_junior", "grade_intermediate", "grade_senior", "grade_expert")


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE hr_technical_grade g
           SET min_review_result = 80, review_result_count = 4
          FROM ir_model_data d
         WHERE d.module = 'hr_technical_grade'
           AND d.name IN %s
           AND d.model = 'hr.technical.grade'
           AND d.res_id = g.id
           AND COALESCE(g.min_review_result, 0) = 0
           AND COALESCE(g.review_result_count, 2) = 2
        """,
        (GRADES,),
    )
