# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Requests past their draft keep their exam weights (18.0.2.4.0).

A submitted request now keeps the weights of its target grade of the day
of its submission.  The requests already submitted, approved, applied or
rejected get the weights their grade has now, the ones their final score
was computed with: from now on, a change of the grade's weights leaves them
as they are.
"""

import json
from collections import defaultdict

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        SELECT target_grade_id, array_agg(id)
          FROM hr_technical_grade_evaluation
         WHERE state NOT IN ('draft', 'cancel')
           AND exam_weights IS NULL
           AND target_grade_id IS NOT NULL
         GROUP BY target_grade_id
        """
    )
    by_grade = defaultdict(list)
    for grade_id, ids in cr.fetchall():
        by_grade[grade_id].extend(ids)
    if not by_grade:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    for grade in env["hr.technical.grade"].browse(list(by_grade)):
        cr.execute(
            "UPDATE hr_technical_grade_evaluation SET exam_weights = %s WHERE id IN %s",
            (json.dumps(grade._exam_weights()), tuple(by_grade[grade.id])),
        )
