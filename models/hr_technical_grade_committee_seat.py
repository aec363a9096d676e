# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models

COMMITTEE_ROLES = [
    ("general_manager", "General Manager"),
    ("marketing_vp", "Marketing Vice President"),
    ("hr_vp", "Administration and HR Vice President"),
    ("quality_head", "Head of Quality"),
    ("production_head", "Head of Production"),
    ("rnd_head", "Head of R&D"),
]


class HrTechnicalGradeCommitteeSeat(models.Model):
    """A role on the evaluation committee and the member who holds it.

    Seed 000: the committee's main members are the general manager, the
    marketing VP, the administration and HR VP and the heads of quality,
    production and R&D (总经理、营销副总、行政及人力资源副总、质量、生产、
    研发等部门负责人).  The shipped committee lists these roles; the company
    names who holds each.  A member named on a seat joins the committee.
    """

    _name = "hr.technical.grade.committee.seat"
    _description = "Technical Grade Committee Role"
    _order = "committee_id, sequence, id"
    _rec_name = "role"

    committee_id = fields.Many2one(
        "hr.technical.grade.committee", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="committee_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    role = fields.Selection(COMMITTEE_ROLES, required=True)
    user_id = fields.Many2one(
        "res.users",
        string="Member",
        domain=[("share", "=", False)],
        help="Who holds this role on the committee; they become one of its members.",
    )

    _sql_constraints = [
        (
            "role_committee_uniq",
            "unique(committee_id, role)",
            "A committee lists each role once.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        seats = super().create(vals_list)
        seats._seat_members()
        return seats

    def write(self, vals):
        previous = {seat: seat.user_id for seat in self}
        res = super().write(vals)
        if "user_id" in vals:
            self._seat_members()
            for seat, user in previous.items():
                if user != seat.user_id:
                    seat.committee_id.message_post(
                        body=self.env._(
                            "%(role)s: %(old)s → %(new)s.",
                            role=seat._role_label(),
                            old=user.name or "—",
                            new=seat.user_id.name or "—",
                        )
                    )
        return res

    def _seat_members(self):
        """The holder of a role is a member of its committee."""
        for committee in self.committee_id:
            missing = self.filtered(lambda seat, c=committee: seat.committee_id == c).user_id
            missing -= committee.member_ids
            if missing:
                committee.member_ids = [fields.Command.link(user.id) for user in missing]

    def _role_label(self):
        self.ensure_one()
        return dict(self._fields["role"]._description_selection(self.env))[self.role]
