# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command

OFFICER = "hr_technical_grade.group_technical_grade_officer"
MATERIAL_ACTIVITY = "hr_technical_grade.mail_activity_evaluation_material"
# What the supplier fills in on an open request; the rest is HR's or the workflow's.
SUPPLIER_FIELDS = frozenset({"attachment_ids", "note"})


class HrTechnicalGradeEvaluationMaterial(models.Model):
    """Material supplied for an evaluation by the departments that hold it.

    Seed 000 (1.3): "市场及顾客服务部负责按照本管理办法要求配合提供考核相关资料" —
    the market and customer service department provides the material the
    evaluation needs (complaints, customer feedback, service records).
    When an evaluation is submitted, each member of the company's material
    suppliers gets a request in their activities; what they supply lands on
    the evaluation as evidence, where the approvers and the committee read
    it.  A supplier sees their own requests only, never the evaluation's
    scores.
    """

    _name = "hr.technical.grade.evaluation.material"
    _description = "Technical Grade Evaluation Material"
    _inherit = [
        "hr.technical.grade.chatter.mixin",
        "mail.activity.mixin",
        "hr.technical.grade.activity.mixin",
    ]
    _order = "create_date desc, id desc"

    name = fields.Char(string="Subject", required=True, readonly=True)
    evaluation_id = fields.Many2one(
        "hr.technical.grade.evaluation",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
        groups=OFFICER,
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True, ondelete="cascade"
    )
    user_id = fields.Many2one(
        "res.users",
        string="Supplied By",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
        help="Who supplies the material: a member of the market and customer service "
        "department (Technical Grades settings).",
    )
    request = fields.Text(
        string="Material Asked For",
        readonly=True,
        help="What the evaluation needs from the supplier.",
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "hr_technical_grade_evaluation_material_attachment_rel",
        "material_id",
        "attachment_id",
        string="Files",
        copy=False,
    )
    note = fields.Text(string="Comment")
    state = fields.Selection(
        [("requested", "Requested"), ("supplied", "Supplied"), ("cancel", "Cancelled")],
        default="requested",
        required=True,
        readonly=True,
        tracking=True,
    )
    supplied_on = fields.Datetime(readonly=True, copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        if not (self.env.su or self.env.user.has_group(OFFICER)):
            raise AccessError(self.env._("Only HR asks for evaluation material."))
        return super().create(vals_list)

    def write(self, vals):
        if not (self.env.su or self.env.user.has_group(OFFICER)):
            if set(vals) - SUPPLIER_FIELDS:
                raise AccessError(
                    self.env._("A supplier adds files and a comment to their own request only.")
                )
            if self.filtered(lambda material: material.state != "requested"):
                raise UserError(
                    self.env._("This material was supplied or cancelled: it cannot change.")
                )
        if "attachment_ids" in vals:
            linked = set()
            for command in vals["attachment_ids"] or ():
                if isinstance(command, (list, tuple)) and command[0] == Command.LINK:
                    linked.add(command[1])
                elif isinstance(command, (list, tuple)) and command[0] == Command.SET:
                    linked.update(command[2])
            self._check_own_files(self.env["ir.attachment"].browse(linked))
        res = super().write(vals)
        if "attachment_ids" in vals:
            self._check_own_files()
        return res

    def _check_own_files(self, attachments=None):
        """Only files uploaded on the request itself: a supplier cannot hand over
        (and so copy onto the evaluation) a file of another document."""
        for material in self.sudo():
            files = material.attachment_ids if attachments is None else attachments.sudo()
            foreign = files.exists().filtered(
                lambda a, m=material: (a.res_model, a.res_id) != (m._name, m.id)
            )
            if foreign:
                raise AccessError(
                    self.env._(
                        "Upload the material on the request itself: %(files)s belong to "
                        "another document.",
                        files=", ".join(foreign.mapped("name")),
                    )
                )

    @api.model
    def _request_for(self, evaluations):
        """Ask the company's material suppliers for each evaluation's material, once."""
        existing = self.sudo().search(
            [("evaluation_id", "in", evaluations.ids), ("state", "!=", "cancel")]
        )
        vals_list = []
        for evaluation in evaluations.sudo():
            suppliers = evaluation.company_id.technical_grade_material_user_ids
            asked = existing.filtered(lambda m, e=evaluation: m.evaluation_id == e).user_id
            for user in suppliers - asked:
                vals_list.append(
                    {
                        "name": self.env._(
                            "Material for the evaluation of %(employee)s (%(grade)s)",
                            employee=evaluation.employee_id.name,
                            grade=evaluation.target_grade_id.name,
                        ),
                        "evaluation_id": evaluation.id,
                        "company_id": evaluation.company_id.id,
                        "user_id": user.id,
                        "request": self.env._(
                            "The evaluation material you hold on %(employee)s: customer "
                            "complaints and feedback, service and repair records of the "
                            "period (seed 000: the market and customer service department "
                            "provides the evaluation material).",
                            employee=evaluation.employee_id.name,
                        ),
                    }
                )
        materials = self.sudo().create(vals_list)
        materials.activity_update()
        return materials

    def action_supply(self):
        """The supplier hands the material over: its files go to the evaluation's evidence."""
        for material in self:
            if material.user_id != self.env.user and not self.env.user.has_group(OFFICER):
                raise AccessError(self.env._("You supply the material asked of you only."))
            if material.state != "requested":
                raise UserError(self.env._("This material was already supplied or cancelled."))
            if not material.attachment_ids and not (material.note or "").strip():
                raise UserError(self.env._("Attach the material or write a comment first."))
        self._check_own_files()
        for material in self.sudo():
            evaluation = material.evaluation_id
            copies = material.attachment_ids.copy(
                {"res_model": evaluation._name, "res_id": evaluation.id}
            )
            evaluation.attachment_ids = [Command.link(copy.id) for copy in copies]
            material.write({"state": "supplied", "supplied_on": fields.Datetime.now()})
            evaluation.message_post(
                body=self.env._(
                    "Material supplied by %(user)s: %(files)s. %(note)s",
                    user=self.env.user.name,
                    files=", ".join(copies.mapped("name")) or self.env._("no file"),
                    note=material.note or "",
                ),
                attachment_ids=copies.ids,
                author_id=self.env.user.partner_id.id,
            )
        self.activity_update()
        return True

    def action_cancel(self):
        """HR withdraws the request (the evaluation needs nothing more)."""
        if not (self.env.su or self.env.user.has_group(OFFICER)):
            raise AccessError(self.env._("Only HR withdraws a request for material."))
        self.filtered(lambda m: m.state == "requested").sudo().write({"state": "cancel"})
        self.activity_update()
        return True

    def activity_update(self):
        """The supplier of an open request has it in their activities; done once supplied."""
        wanted = {
            material.id: {
                material.user_id: {
                    "summary": material.name,
                    "date_deadline": fields.Date.context_today(self),
                }
            }
            for material in self.sudo().filtered(lambda m: m.state == "requested")
        }
        supplied = self.filtered(lambda m: m.state == "supplied")
        supplied._sync_activities(MATERIAL_ACTIVITY, wanted, self.env._("Supplied"))
        (self - supplied)._sync_activities(MATERIAL_ACTIVITY, wanted)
