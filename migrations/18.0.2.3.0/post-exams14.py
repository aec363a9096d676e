# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Exam parts per grade and committee roles (18.0.2.3.0, issue 14).

The company's weights of the assessment form and of the theory, on-site
practical and teaching exams move to each grade of the company: a grade
without exam parts gets those three parts with the weights its company had
(the columns the company kept), and the assessment form's weight.  The
evaluations keep their scores as they were given: the three exam columns
stay where they were, and nothing is recomputed.  Every committee without
roles gets the seed's six, for the company to name their holders.
"""

import logging

from odoo import SUPERUSER_ID, api
from odoo.fields import Command

_logger = logging.getLogger(__name__)

OLD_COLUMNS = (
    "technical_grade_weight_assessment",
    "technical_grade_weight_theory",
    "technical_grade_weight_practical",
    "technical_grade_weight_teaching",
)
DEFAULTS = (40.0, 20.0, 30.0, 10.0)


def _company_weights(cr):
    """``{company id: (form, theory, practical, teaching)}`` from the old columns."""
    cr.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_name = 'res_company' AND column_name IN %s",
        (OLD_COLUMNS,),
    )
    if len({row[0] for row in cr.fetchall()}) < len(OLD_COLUMNS):
        return {}
    cr.execute(
        "SELECT id, technical_grade_weight_assessment, technical_grade_weight_theory, "
        "technical_grade_weight_practical, technical_grade_weight_teaching FROM res_company"
    )
    return {
        row[0]: tuple(
            float(value) if value is not None else default
            for value, default in zip(row[1:], DEFAULTS, strict=True)
        )
        for row in cr.fetchall()
    }


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {"active_test": False})
    weights = _company_weights(cr)
    grades = env["hr.technical.grade"].search([("exam_part_ids", "=", False)])
    for grade in grades:
        form, theory, practical, teaching = weights.get(grade.company_id.id, DEFAULTS)
        grade.write(
            {
                "exam_form_weight": form,
                "exam_part_ids": [
                    Command.create({"part": part, "weight": weight, "sequence": sequence})
                    for sequence, (part, weight) in enumerate(
                        (("theory", theory), ("practical", practical), ("teaching", teaching))
                    )
                ],
            }
        )
    committees = env["hr.technical.grade.committee"].search([("seat_ids", "=", False)])
    for committee in committees:
        committee.seat_ids = committee._default_seats()
    _logger.info(
        "Exam parts given to %s grade(s), the seed's roles to %s committee(s)",
        len(grades),
        len(committees),
    )
