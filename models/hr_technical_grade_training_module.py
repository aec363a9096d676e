# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..grade_rules import training as rules


class HrTechnicalGradeTrainingModule(models.Model):
    """A module of the training content, with its assessment standard.

    Seed 000 (海尔售后工程师升级方案, 模块化培训): "将培训内容分为多个模块,每个
    模块设置相应的考核标准,确保培训效果": basic knowledge, fault diagnosis,
    repair skills and the service process.  A module's result is recorded
    against its standard only: a module without one cannot be passed or failed.
    """

    _name = "hr.technical.grade.training.module"
    _description = "Technical Grade Training Module"
    _inherit = ["hr.technical.grade.chatter.mixin"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    topics = fields.Text(
        translate=True, help="What the module teaches (e.g. product knowledge, circuit principles)."
    )
    trainers = fields.Char(
        string="Trained By",
        translate=True,
        help="Who gives the module's training, e.g. the product R&D and design staff for "
        "product knowledge, repair experts for repair techniques.",
    )
    standard = fields.Text(
        string="Assessment Standard",
        translate=True,
        tracking=True,
        help="How the module is assessed and what passing it means. Results are recorded "
        "against this standard: a module without one cannot be passed or failed.",
    )
    course_ids = fields.Many2many(
        "hr.technical.grade.training.course",
        "hr_technical_grade_training_course_module_rel",
        "module_id",
        "course_id",
        string="Courses",
        readonly=True,
        help="The courses made of this module: set on each course.",
    )

    def _without_standard(self):
        """The modules whose assessment standard is not written (blank counts as none)."""
        return self.filtered(lambda module: not (module.standard or "").strip())

    @api.constrains("company_id", "course_ids")
    def _check_company(self):
        Result = self.env["hr.technical.grade.training.result"].sudo()
        for module in self:
            courses = module.course_ids.filtered(
                lambda course, module=module: course.company_id != module.company_id
            )
            if courses or Result.search_count(
                [("module_id", "=", module.id), ("company_id", "!=", module.company_id.id)],
                limit=1,
            ):
                raise ValidationError(
                    self.env._(
                        "The module %(module)s stays with the company of its courses and results.",
                        module=module.display_name,
                    )
                )

    @api.constrains("standard")
    def _check_standard_kept(self):
        cleared = self._without_standard()
        assessed = (
            self.env["hr.technical.grade.training.result"]
            .sudo()
            .search(
                [("module_id", "in", cleared.ids), ("result", "in", (rules.PASSED, rules.FAILED))],
                limit=1,
            )
        )
        if assessed:
            raise ValidationError(
                self.env._(
                    "Results of %(module)s were recorded against its assessment standard: "
                    "change its wording, but do not clear it.",
                    module=assessed.module_id.display_name,
                )
            )

    def write(self, vals):
        if not self.env.su and "course_ids" in vals:
            raise UserError(
                self.env._("A course's modules are set on the course (Training Courses).")
            )
        if vals.get("active") is False:
            planned = (
                self.env["hr.technical.grade.training.session"]
                .sudo()
                .search([("module_ids", "in", self.ids), ("state", "=", "draft")], limit=1)
            )
            if planned:
                raise UserError(
                    self.env._(
                        "The planned training %(session)s assesses %(modules)s: take the module "
                        "out of it, or mark it done, before archiving the module.",
                        session=planned.display_name,
                        modules=", ".join((planned.module_ids & self).mapped("display_name")),
                    )
                )
        return super().write(vals)
