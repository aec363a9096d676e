# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Campaign activities (18.0.2.1.0), after the new code loaded.

A manager had one activity per candidate on the evaluations; now one on
the campaign lists their candidates.  The open campaigns' draft
evaluations put their activities in line (the candidates keep theirs).
"""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["hr.technical.grade.evaluation"].search(
        [("campaign_id.state", "=", "open"), ("state", "=", "draft")]
    ).activity_update()
