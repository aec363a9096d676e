# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
# pylint: disable=sql-injection
# The query text is this script's own constant; no value is formatted into it.
"""One evaluation per employee and campaign (18.0.2.1.0), before the constraint.

The new constraint ``one_evaluation_per_campaign`` refuses two evaluations of
an employee in one campaign unless rejected or cancelled.  Where an employee
has more, the drafts beyond the one kept (an evaluation past the draft
first, else the earliest) are cancelled; any other pair is written to the
upgrade log, and the constraint is not added until HR settles it.
"""

import logging

_logger = logging.getLogger(__name__)

DUPLICATES = """
    SELECT id, campaign_id, employee_id, state,
           row_number() OVER (
               PARTITION BY campaign_id, employee_id
               ORDER BY (state = 'draft'), id
           ) AS position
      FROM hr_technical_grade_evaluation
     WHERE campaign_id IS NOT NULL AND state NOT IN ('rejected', 'cancel')
"""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        f"""
        UPDATE hr_technical_grade_evaluation e SET state = 'cancel'
          FROM ({DUPLICATES}) d
         WHERE d.id = e.id AND d.position > 1 AND d.state = 'draft'
     RETURNING e.id, e.campaign_id, e.employee_id
        """
    )
    for evaluation_id, campaign_id, employee_id in cr.fetchall():
        _logger.info(
            "evaluation %s cancelled: employee %s has another evaluation in campaign %s",
            evaluation_id,
            employee_id,
            campaign_id,
        )
    cr.execute(f"SELECT id, campaign_id, employee_id FROM ({DUPLICATES}) d WHERE d.position > 1")
    for evaluation_id, campaign_id, employee_id in cr.fetchall():
        _logger.warning(
            "evaluation %s: employee %s has two evaluations past the draft in campaign %s; "
            "cancel one for the constraint one_evaluation_per_campaign",
            evaluation_id,
            employee_id,
            campaign_id,
        )
