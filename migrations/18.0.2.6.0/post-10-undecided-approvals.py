# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Steps left undecided by a withdrawn or rejected document read Not Decided (18.0.2.6.0).

Until 18.0.2.5.0, cancelling or rejecting a document left the steps of its
round that had not decided as they were (Waiting, To Approve), although
nobody waited for them any more.  They now close as Not Decided when the
document leaves the round; the approvals of documents already cancelled,
rejected or back in their draft follow.
"""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    Approval = env["hr.technical.grade.approval"]
    undecided = Approval.search(
        [("state", "in", ("waiting", "pending")), ("superseded", "=", False)]
    )
    for res_model in set(undecided.mapped("res_model")):
        if res_model not in env:
            continue
        Document = env[res_model]
        rows = undecided.filtered(lambda approval, model=res_model: approval.res_model == model)
        documents = Document.browse(set(rows.mapped("res_id"))).exists()
        dropped = documents.filtered(
            lambda document, model=Document: document.state in model._approval_dropped_states
        )
        rows.filtered(lambda approval, ids=set(dropped.ids): approval.res_id in ids).write(
            {"state": "cancelled"}
        )
