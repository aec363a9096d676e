# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HrTechnicalGradeTrainingCourse(models.Model):
    """A course of the layered training, for the engineers of some grades.

    Seed 000 (海尔售后工程师升级方案, 分层培训): "针对不同级别的售后工程师,制定
    相应的培训课程,包括初级、中级和高级三个层次": the junior course for new
    engineers, the intermediate one for engineers with some experience, the
    senior one for senior engineers.  Which grades take which course is the
    company's (``grade_ids``); its modules carry the assessment standards.
    """

    _name = "hr.technical.grade.training.course"
    _description = "Technical Grade Training Course"
    _inherit = ["hr.technical.grade.chatter.mixin"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    level = fields.Selection(
        [("junior", "Junior"), ("intermediate", "Intermediate"), ("senior", "Senior")],
        required=True,
        tracking=True,
        help="The layer of the training (初级 / 中级 / 高级).",
    )
    audience = fields.Char(
        translate=True, help="Who the course is for, e.g. newly hired after-sales engineers."
    )
    content = fields.Text(translate=True, help="What the course covers.")
    grade_ids = fields.Many2many(
        "hr.technical.grade",
        "hr_technical_grade_training_course_grade_rel",
        "course_id",
        "grade_id",
        string="For Grades",
        help="The grades whose engineers take this course; My Technical Grade shows them the "
        "modules they still have to pass.",
    )
    module_ids = fields.Many2many(
        "hr.technical.grade.training.module",
        "hr_technical_grade_training_course_module_rel",
        "course_id",
        "module_id",
        string="Modules",
        help="The modules of the course, each passed against its assessment standard.",
    )
    session_ids = fields.One2many(
        "hr.technical.grade.training.session", "course_id", string="Trainings"
    )
    session_count = fields.Integer(compute="_compute_session_count", string="Number of Trainings")

    def _compute_session_count(self):
        counts = dict(
            self.env["hr.technical.grade.training.session"]._read_group(
                [("course_id", "in", self.ids)], ["course_id"], ["__count"]
            )
        )
        for course in self:
            course.session_count = counts.get(course, 0)

    @api.constrains("company_id", "grade_ids", "module_ids")
    def _check_company(self):
        for course in self:
            others = [
                record.display_name
                for record in (*course.grade_ids, *course.module_ids)
                if record.company_id and record.company_id != course.company_id
            ]
            if others:
                raise ValidationError(
                    self.env._(
                        "The grades and modules of the course %(course)s belong to its "
                        "company: %(others)s do not.",
                        course=course.display_name,
                        others=", ".join(others),
                    )
                )

    @api.constrains("module_ids")
    def _check_planned_trainings(self):
        for course in self:
            planned = course.sudo().session_ids.filtered(lambda session: session.state == "draft")
            stray = planned.module_ids - course.module_ids
            if stray:
                raise ValidationError(
                    self.env._(
                        "Planned trainings of %(course)s assess %(modules)s: take the modules "
                        "out of those trainings first.",
                        course=course.display_name,
                        modules=", ".join(stray.mapped("display_name")),
                    )
                )

    def action_view_sessions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_technical_grade.hr_technical_grade_training_session_action"
        )
        action["domain"] = [("course_id", "=", self.id)]
        action["context"] = {"default_course_id": self.id}
        return action
