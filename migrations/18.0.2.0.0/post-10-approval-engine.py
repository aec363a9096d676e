# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The approval engine (18.0.2.0.0), after the new code loaded.

Checks that every moved approval names an existing document, that the
many2many rows of approvers and approved-by followed their approvals, and
puts the documents' approval activities in line with the engine (one
``activity_update()`` per model).
"""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    cr.execute(
        """
        SELECT a.res_model, count(*), count(*) FILTER (WHERE a.superseded)
          FROM hr_technical_grade_approval a
         GROUP BY a.res_model
        """
    )
    for res_model, total, superseded in cr.fetchall():
        _logger.info(
            "approval engine: %s approvals of %s (%s of earlier rounds)",
            total,
            res_model,
            superseded,
        )
    cr.execute(
        """
        SELECT count(*) FROM hr_technical_grade_approval a
         WHERE a.res_model IS NULL OR a.res_id IS NULL
            OR (a.res_model = 'hr.technical.grade.evaluation' AND NOT EXISTS (
                    SELECT 1 FROM hr_technical_grade_evaluation e WHERE e.id = a.res_id))
            OR (a.res_model = 'hr.technical.grade.review' AND NOT EXISTS (
                    SELECT 1 FROM hr_technical_grade_review r WHERE r.id = a.res_id))
        """
    )
    orphans = cr.fetchone()[0]
    if orphans:
        _logger.warning("approval engine: %s approvals name no document", orphans)
    Approval = env["hr.technical.grade.approval"]
    for res_model in Approval._read_group([], groupby=["res_model"]):
        documents = env[res_model[0]].search([("state", "=", "submitted")])
        documents.activity_update()
