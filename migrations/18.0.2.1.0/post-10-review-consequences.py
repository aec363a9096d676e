# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Review consequences (18.0.2.1.0): pay steps, stand-by, the GM office.

- Each company's general manager's office, which decides the appeals the
  department cannot settle, starts as the users of the general manager's
  review approval step.
- A single review in band 差 no longer proposes a demotion (it pays one level
  down instead). The open demotion proposals that a single 差 made under the
  old rule are listed in the log for HR to decide on; none is changed, and no
  pay step is created for reviews finished before this version.
"""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    step = env.ref("hr_technical_grade.review_step_general_manager", raise_if_not_found=False)
    users = step.user_ids if step else env["res.users"]
    if users:
        companies = env["res.company"].search([("technical_grade_gm_office_user_ids", "=", False)])
        companies.write({"technical_grade_gm_office_user_ids": [(6, 0, users.ids)]})
    proposals = env["hr.technical.grade.evaluation"].search(
        [
            ("kind", "=", "demotion"),
            ("demotion_reason", "=", "poor_review"),
            ("state", "in", ("draft", "submitted", "approved")),
        ]
    )
    for proposal in proposals:
        _logger.info(
            "review consequences: open demotion proposal %s (%s) was made by a single review "
            "in band 差, which now pays one level down instead; HR decides whether it goes on.",
            proposal.name,
            proposal.employee_id.name,
        )
