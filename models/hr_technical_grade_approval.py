# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.osv import expression
from odoo.tools import SQL

from .hr_technical_grade_approval_step import APPROVAL_MODES

# Approvers reminded per call of the daily cron; approvals listed per digest.
REMIND_BATCH = 200
REMIND_LISTED = 50


class HrTechnicalGradeApproval(models.Model):
    """One approval step of one document, with its decision: the audit trail.

    Rows are keyed by the document's model and id (``res_model``, ``res_id``),
    like ``tier.review`` of OCA ``base_tier_validation``: any model that
    inherits ``hr.technical.grade.approval.mixin`` gets its chain here.
    Whoever reads the document reads its approvals, and nobody else.

    Only the approval engine writes approvals, as the superuser: nobody
    records a decision in another's name, and no approval is deleted.  A
    document sent back or reopened keeps the approvals of its earlier rounds,
    marked superseded; approvals go with their document only, when a draft or
    cancelled document is deleted.
    """

    _name = "hr.technical.grade.approval"
    _inherit = ["hr.technical.grade.document.access.mixin"]
    _description = "Technical Grade Approval"
    # The current round first, in its order; then the earlier rounds, latest first.
    _order = "res_model, res_id, superseded, round desc, sequence, id"
    _document_model_field = "res_model"
    _document_id_field = "res_id"

    res_model = fields.Char("Document Model", required=True, index=True, readonly=True)
    res_id = fields.Many2oneReference(
        "Document", model_field="res_model", required=True, index=True, readonly=True
    )
    step_id = fields.Many2one("hr.technical.grade.approval.step", ondelete="set null")
    sequence = fields.Integer()
    # The step's name in every language, as it was when the chain was copied.
    name = fields.Char(required=True, translate=True)
    approval_mode = fields.Selection(APPROVAL_MODES, required=True)
    committee_step = fields.Boolean(
        help="The committee scores the candidate; its chair decides by signing its opinion."
    )
    approver_ids = fields.Many2many(
        "res.users",
        "hr_technical_grade_approval_approver_rel",
        "approval_id",
        "user_id",
        string="Approvers",
    )
    approved_by_ids = fields.Many2many(
        "res.users",
        "hr_technical_grade_approval_approved_rel",
        "approval_id",
        "user_id",
    )
    state = fields.Selection(
        [
            ("waiting", "Waiting"),
            ("pending", "To Approve"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
            ("cancelled", "Not Decided"),
        ],
        required=True,
        default="waiting",
        help="Not Decided: the document was withdrawn or rejected before this step decided.",
    )
    decided_by_id = fields.Many2one("res.users")
    decided_on = fields.Datetime()
    comment = fields.Text()
    # A document sent back or reopened keeps the decisions of the round that
    # ended: its approvals are superseded, and only the others (the current
    # round) make the chain.
    superseded = fields.Boolean(
        default=False,
        readonly=True,
        help="Of an earlier round: the document was sent back or reopened since.",
    )
    round = fields.Integer(
        default=1, help="The submission this decision belongs to: 1 for the first, and so on."
    )

    _sql_constraints = [
        ("round_positive", "CHECK(round > 0)", "Rounds are numbered from 1."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        self._check_engine()
        return super().create(vals_list)

    def write(self, vals):
        self._check_engine()
        return super().write(vals)

    def _check_engine(self):
        if not self.env.su:
            raise AccessError(
                self.env._(
                    "Approvals record the decisions of the approvers: only the approval chain "
                    "writes them."
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(
            self.env._(
                "Approvals are the audit trail of their document: they are never deleted, "
                "and neither is a document that has some."
            )
        )

    # ------------------------------------------------------------------
    # Access: an approval is read with its document
    # ------------------------------------------------------------------

    def _document(self):
        """The document this approval belongs to."""
        self.ensure_one()
        return self.env[self.res_model].browse(self.res_id)

    def _copy_step_names(self):
        """Name the approvals after their steps, in every language at once.

        The trail keeps the names the steps had when the document was
        submitted, whoever reads it and whatever the steps are called later.
        """
        if not self:
            return
        self.flush_recordset(["step_id", "name"])
        self.env["hr.technical.grade.approval.step"].flush_model(["name"])
        self.env.cr.execute(
            SQL(
                "UPDATE %(approval)s AS approval SET name = step.name"
                " FROM %(step)s AS step"
                " WHERE approval.step_id = step.id AND approval.id IN %(ids)s",
                approval=SQL.identifier(self._table),
                step=SQL.identifier("hr_technical_grade_approval_step"),
                ids=tuple(self.ids),
            )
        )
        self.invalidate_recordset(["name"])

    @api.model
    def _cron_remind_approvers(self, batch_size=REMIND_BATCH):
        """Daily: remind the approvers of overdue steps, for every model of the engine.

        An approval activity past its deadline reminds its approver at most
        once a day (the day is recorded on the activity), whatever model uses
        the approval mixin: the models are found in the registry.  An
        approver gets one message for all their overdue approvals (the
        document's own for one, a digest for several).  At most
        ``batch_size`` approvers are reminded per call; the caller reports
        the rest to the cron engine, which calls again (a retried call skips
        the approvers already reminded today).  Returns the activities
        reminded and how many approvers are left.
        """
        today = fields.Date.context_today(self)
        Activity = self.env["mail.activity"].sudo()
        Mixin = self.env["hr.technical.grade.approval.mixin"]
        types = {}
        for model in Mixin._approval_models():
            activity_type = self.env.ref(
                self.env[model]._approval_activity_type, raise_if_not_found=False
            )
            if activity_type:
                types[model] = activity_type.id
        if not types:
            return Activity, 0
        # Only the approval activity type of each model.
        of_engine = expression.OR(
            [
                [("res_model", "=", model), ("activity_type_id", "=", type_id)]
                for model, type_id in types.items()
            ]
        )
        overdue = expression.AND(
            [
                of_engine,
                [
                    ("date_deadline", "<", today),
                    ("user_id", "!=", False),
                    "|",
                    ("technical_grade_reminded_on", "=", False),
                    ("technical_grade_reminded_on", "<", today),
                ],
            ]
        )
        # One grouped query finds the approvers; only this call's batch of
        # them has its activities read, so a call costs the same whatever
        # the number of overdue approvals left for the next calls.
        users = [user for [user] in Activity._read_group(overdue, groupby=["user_id"])]
        users.sort(key=lambda user: user.id)
        batch = users[:batch_size]
        by_user = defaultdict(list)
        reminded = Activity.search(
            expression.AND([overdue, [("user_id", "in", [user.id for user in batch])]]),
            order="user_id, date_deadline, id",
        )
        for activity in reminded:
            by_user[activity.user_id.id].append(activity.id)
        for user in batch:
            activities = Activity.browse(by_user[user.id])
            self.with_context(lang=user.lang)._remind_approver(user, activities)
        reminded.write({"technical_grade_reminded_on": today})
        return reminded, max(len(users) - batch_size, 0)

    def _remind_approver(self, user, activities):
        """One reminder to ``user`` for their overdue approval ``activities``, in their language."""
        if len(activities) == 1:
            document = self.env[activities.res_model].sudo().browse(activities.res_id)
            document.message_notify(
                partner_ids=user.partner_id.ids,
                subject=self.env._(
                    "Reminder: %(name)s waits for your approval", name=document.name
                ),
                body=self.env._(
                    "%(summary)s was due on %(deadline)s and still waits for your decision.",
                    summary=activities.summary or document.name,
                    deadline=activities.date_deadline,
                ),
            )
            return
        shown = activities[:REMIND_LISTED]
        items = Markup("").join(
            Markup("<li>%s</li>")
            % self.env._(
                "%(summary)s, due on %(deadline)s",
                summary=activity.summary or activity.res_name,
                deadline=activity.date_deadline,
            )
            for activity in shown
        )
        more = len(activities) - len(shown)
        intro = self.env._(
            "%(count)s approvals are past their deadline and still wait for your decision "
            "(your Activities list them all):",
            count=len(activities),
        )
        body = Markup("<p>%s</p><ul>%s</ul>") % (intro, items)
        if more:
            body += Markup("<p>%s</p>") % self.env._("And %(count)s more.", count=more)
        self.env["mail.thread"].sudo().message_notify(
            partner_ids=user.partner_id.ids,
            subject=self.env._(
                "Reminder: %(count)s approvals wait for your decision", count=len(activities)
            ),
            body=body,
        )

    def _waiting_for(self):
        """Approvers of a pending step who still have to decide."""
        self.ensure_one()
        if self.approval_mode == "all":
            return self.approver_ids - self.approved_by_ids
        return self.approver_ids
