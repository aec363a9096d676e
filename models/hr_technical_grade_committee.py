# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

COMMITTEE_GROUP = "hr_technical_grade.group_technical_grade_committee"


class HrTechnicalGradeCommittee(models.Model):
    """The evaluation committee (技术等级考评小组): who scores candidates.

    Its members score each candidate independently; the chair closes the
    scoring and signs the final opinion once the quorum has scored.
    """

    _name = "hr.technical.grade.committee"
    _description = "Technical Grade Evaluation Committee"
    _inherit = ["hr.technical.grade.chatter.mixin"]
    _order = "company_id, name"

    name = fields.Char(required=True, translate=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    member_ids = fields.Many2many(
        "res.users",
        "hr_technical_grade_committee_member_rel",
        "committee_id",
        "user_id",
        string="Members",
        domain=[("share", "=", False)],
        tracking=True,
    )
    seat_ids = fields.One2many(
        "hr.technical.grade.committee.seat",
        "committee_id",
        string="Roles",
        copy=True,
        default=lambda self: self._default_seats(),
        help="The roles on the committee (seed 000) and who holds each; a holder is a member.",
    )
    chair_id = fields.Many2one(
        "res.users",
        tracking=True,
        help="Closes the scoring and signs the committee's final opinion.",
    )
    quorum = fields.Integer(
        default=3,
        tracking=True,
        help="How many members must have scored a candidate before the chair signs.",
    )
    scoring_rule = fields.Selection(
        [
            ("mean", "Mean of the members' scores"),
            ("median", "Median of the members' scores"),
            ("trimmed_mean", "Mean without the highest and lowest score"),
        ],
        required=True,
        default="mean",
        tracking=True,
    )
    note = fields.Html()

    _sql_constraints = [
        ("quorum_positive", "CHECK(quorum >= 1)", "The quorum of a committee is at least 1."),
    ]

    @api.model
    def _default_seats(self):
        """The seed's roles, to be held by members the company names."""
        Seat = self.env["hr.technical.grade.committee.seat"]
        return [
            fields.Command.create({"role": role, "sequence": sequence})
            for sequence, (role, _label) in enumerate(Seat._fields["role"].selection)
        ]

    @api.constrains("chair_id", "member_ids", "quorum")
    def _check_members(self):
        for committee in self:
            if committee.chair_id and committee.chair_id not in committee.member_ids:
                raise ValidationError(
                    self.env._(
                        "The chair of %(committee)s must be one of its members.",
                        committee=committee.name,
                    )
                )
            if committee.member_ids and committee.quorum > len(committee.member_ids):
                raise ValidationError(
                    self.env._(
                        "The quorum of %(committee)s (%(quorum)s) exceeds its %(count)s members.",
                        committee=committee.name,
                        quorum=committee.quorum,
                        count=len(committee.member_ids),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        committees = super().create(vals_list)
        committees._grant_member_access()
        return committees

    def write(self, vals):
        before = (
            {committee: committee.member_ids for committee in self} if "member_ids" in vals else {}
        )
        res = super().write(vals)
        if "member_ids" in vals:
            self._grant_member_access()
            # A member who leaves the committee leaves their role open.
            for committee, members in before.items():
                gone = members - committee.member_ids
                committee.seat_ids.filtered(
                    lambda seat, gone=gone: seat.user_id in gone
                ).user_id = False
        return res

    def _grant_member_access(self):
        """Members read what is before the committee: they join its group."""
        group = self.env.ref(COMMITTEE_GROUP)
        missing = self.member_ids - group.users
        if missing:
            group.sudo().users = [fields.Command.link(user.id) for user in missing]

    @api.model
    def _default_for(self, company):
        """The company's committee: the first active one."""
        return self.search([("company_id", "=", company.id)], limit=1)
