# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..grade_rules import training as rules

# What the trainer's assessment of a module may change on a result.
ASSESSMENT_FIELDS = {"result", "score", "comment"}


class HrTechnicalGradeTrainingResult(models.Model):
    """An attendee's result in one module of a training, against its standard."""

    _name = "hr.technical.grade.training.result"
    _description = "Technical Grade Training Result"
    _order = "date desc, session_id desc, employee_id, module_sequence, id"

    session_id = fields.Many2one(
        "hr.technical.grade.training.session",
        string="Training",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    employee_id = fields.Many2one(
        "hr.employee", required=True, readonly=True, index=True, ondelete="restrict"
    )
    module_id = fields.Many2one(
        "hr.technical.grade.training.module",
        required=True,
        readonly=True,
        ondelete="restrict",
    )
    module_sequence = fields.Integer(related="module_id.sequence", store=True)
    standard = fields.Text(related="module_id.standard", string="Assessment Standard")
    course_id = fields.Many2one(related="session_id.course_id", store=True, index=True)
    company_id = fields.Many2one(related="session_id.company_id", store=True, index=True)
    mode = fields.Selection(related="session_id.mode")
    method = fields.Selection(related="session_id.method")
    date = fields.Date(related="session_id.date_end", store=True, string="Date")
    session_state = fields.Selection(related="session_id.state", string="Training Status")
    result = fields.Selection(
        [
            (rules.PENDING, "Pending"),
            (rules.PASSED, "Passed"),
            (rules.FAILED, "Failed"),
            (rules.ABSENT, "Absent"),
        ],
        required=True,
        default=rules.PENDING,
    )
    score = fields.Float(digits=(5, 2), help="The score of the assessment, out of 100, if any.")
    comment = fields.Text()

    _sql_constraints = [
        (
            "one_per_module",
            "UNIQUE(session_id, employee_id, module_id)",
            "An attendee has one result per module of a training.",
        ),
    ]

    @api.model
    def _of_done_trainings(self, employees):
        """The results of ``employees`` that count: those of trainings marked done
        (a result of a planned training is not final), read with this env's rights."""
        return self.search(
            [("employee_id", "in", employees.ids), ("session_id.state", "=", "done")]
        )

    @api.depends("employee_id", "module_id")
    def _compute_display_name(self):
        for result in self:
            result.display_name = self.env._(
                "%(employee)s: %(module)s",
                employee=result.employee_id.name or "",
                module=result.module_id.name or "",
            )

    @api.constrains("score", "result")
    def _check_score(self):
        for result in self:
            if result.score and result.result not in (rules.PASSED, rules.FAILED):
                raise ValidationError(
                    self.env._(
                        "Only a passed or failed result has a score: clear the score of "
                        "%(result)s.",
                        result=result.display_name,
                    )
                )
            if not 0 <= result.score <= 100:
                raise ValidationError(
                    self.env._(
                        "A training score is out of 100: %(score)s for %(result)s is not.",
                        score=result.score,
                        result=result.display_name,
                    )
                )

    @api.constrains("result", "module_id")
    def _check_standard(self):
        for result in self:
            if result.result in (rules.PASSED, rules.FAILED) and (
                result.module_id._without_standard()
            ):
                raise ValidationError(
                    self.env._(
                        "The module %(module)s has no assessment standard yet: write it on the "
                        "module before passing or failing anyone in it.",
                        module=result.module_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(
                self.env._("Training results are prepared from a training's attendees and modules.")
            )
        return super().create(vals_list)

    def write(self, vals):
        if self.env.su:
            return super().write(vals)
        if set(vals) - ASSESSMENT_FIELDS:
            raise AccessError(
                self.env._(
                    "A training result records the assessment (result, score, comment); its "
                    "attendee and module come from the training."
                )
            )
        self.check_access("write")
        closed = self.filtered(lambda result: result.session_id.state != "draft")
        if closed:
            raise UserError(
                self.env._(
                    "The results of %(session)s are fixed: reopen the training to correct one.",
                    session=closed[0].session_id.display_name,
                )
            )
        return super().write(vals)
