# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..grade_rules import training as rules

MODES = [(rules.ONLINE, "Online"), (rules.OFFLINE, "On Site")]
METHODS = [
    ("remote", "Remote Training"),
    ("online_exam", "Online Exam"),
    ("case_analysis", "Case Analysis"),
    ("classroom", "Classroom Training"),
    ("on_site", "Hands-on Practice"),
    ("experience_sharing", "Experience Sharing"),
]


class HrTechnicalGradeTrainingSession(models.Model):
    """A training held for a course: online or on site, its attendees and results.

    Seed 000 (海尔售后工程师升级方案, 线上线下相结合): online training is remote
    training, online exams and case analysis; on site, classroom training,
    hands-on practice and experience sharing.  Each attendee gets a result per
    module the training covers, recorded against the module's standard; once
    the training is done its results are fixed (HR reopens it, on record, to
    correct one).
    """

    _name = "hr.technical.grade.training.session"
    _description = "Technical Grade Training"
    _inherit = ["hr.technical.grade.chatter.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    course_id = fields.Many2one(
        "hr.technical.grade.training.course",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        domain="[('company_id', '=', company_id)]",
    )
    level = fields.Selection(related="course_id.level", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    module_ids = fields.Many2many(
        "hr.technical.grade.training.module",
        "hr_technical_grade_training_session_module_rel",
        "session_id",
        "module_id",
        string="Modules Assessed",
        context={"active_test": False},
        compute="_compute_module_ids",
        store=True,
        precompute=True,
        readonly=False,
        domain="[('id', 'in', course_module_ids)]",
        help="The modules of the course this training assesses (all of them by default).",
    )
    course_module_ids = fields.Many2many(related="course_id.module_ids", string="Course Modules")
    mode = fields.Selection(MODES, required=True, default=rules.OFFLINE, tracking=True)
    method = fields.Selection(METHODS, required=True, default="classroom", tracking=True)
    date_start = fields.Date(
        string="Start", required=True, default=fields.Date.context_today, tracking=True
    )
    date_end = fields.Date(
        string="End",
        compute="_compute_date_end",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        tracking=True,
        help="The day the results are dated.",
    )
    trainer_ids = fields.Many2many(
        "res.partner",
        "hr_technical_grade_training_session_trainer_rel",
        "session_id",
        "partner_id",
        string="Trainers",
    )
    place = fields.Char(help="Where an on-site training is held, or the platform of an online one.")
    employee_ids = fields.Many2many(
        "hr.employee",
        "hr_technical_grade_training_session_employee_rel",
        "session_id",
        "employee_id",
        string="Attendees",
        domain="[('company_id', '=', company_id)]",
    )
    result_ids = fields.One2many("hr.technical.grade.training.result", "session_id")
    pending_count = fields.Integer(
        compute="_compute_pending_count", compute_sudo=True, string="Results to Record"
    )
    state = fields.Selection(
        [("draft", "Planned"), ("done", "Done"), ("cancel", "Cancelled")],
        required=True,
        default="draft",
        readonly=True,
        tracking=True,
        copy=False,
    )
    note = fields.Text()

    @api.depends("course_id")
    def _compute_module_ids(self):
        for session in self:
            session.module_ids = session.course_id.module_ids

    @api.depends("date_start")
    def _compute_date_end(self):
        for session in self:
            if not session.date_end or (
                session.date_start and session.date_end < session.date_start
            ):
                session.date_end = session.date_start

    @api.depends("result_ids.result")
    def _compute_pending_count(self):
        for session in self:
            session.pending_count = len(
                session.result_ids.filtered(lambda result: result.result == rules.PENDING)
            )

    @api.onchange("mode")
    def _onchange_mode(self):
        for session in self:
            if session.mode and not rules.method_fits_mode(session.mode, session.method):
                session.method = rules.METHODS[session.mode][0]

    @api.constrains("mode", "method")
    def _check_method(self):
        labels = dict(self._fields["method"]._description_selection(self.env))
        modes = dict(self._fields["mode"]._description_selection(self.env))
        for session in self:
            if not rules.method_fits_mode(session.mode, session.method):
                raise ValidationError(
                    self.env._(
                        "%(method)s is not a way of training %(mode)s: online trainings are "
                        "remote training, online exams and case analysis; on-site trainings are "
                        "classroom training, hands-on practice and experience sharing.",
                        method=labels[session.method],
                        mode=modes[session.mode].lower(),
                    )
                )

    @api.constrains("name")
    def _check_name(self):
        for session in self:
            if not session.name.strip():
                raise ValidationError(self.env._("A training needs a name."))

    @api.constrains("module_ids", "state")
    def _check_modules(self):
        for session in self:
            if session.state == "draft" and not session.module_ids:
                raise ValidationError(
                    self.env._(
                        "The training %(session)s assesses at least one module of its course.",
                        session=session.display_name,
                    )
                )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for session in self:
            if session.date_end < session.date_start:
                raise ValidationError(
                    self.env._(
                        "The training %(session)s cannot end before it starts.",
                        session=session.display_name,
                    )
                )

    @api.constrains("company_id", "course_id", "module_ids", "employee_ids")
    def _check_course(self):
        for session in self.filtered(lambda session: session.state == "draft"):
            if session.course_id.company_id != session.company_id:
                raise ValidationError(
                    self.env._(
                        "The training %(session)s and its course belong to the same company.",
                        session=session.display_name,
                    )
                )
            stray = session.module_ids - session.course_id.module_ids
            if stray:
                raise ValidationError(
                    self.env._(
                        "The training %(session)s assesses modules of its course only, not "
                        "%(modules)s.",
                        session=session.display_name,
                        modules=", ".join(stray.mapped("display_name")),
                    )
                )
            others = session.employee_ids.filtered(
                lambda employee, session=session: employee.company_id != session.company_id
            )
            if others:
                raise ValidationError(
                    self.env._(
                        "The attendees of %(session)s are employees of its company: "
                        "%(employees)s are not.",
                        session=session.display_name,
                        employees=", ".join(others.mapped("name")),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            default = self.env.context.get("default_state")
            if any(vals.get("state", default) not in (None, "draft") for vals in vals_list):
                raise UserError(self.env._("A training is planned first, then marked done."))
        sessions = super().create(vals_list)
        sessions._sync_results()
        return sessions

    def write(self, vals):
        if not self.env.su and set(vals) & {"state", "level", "course_module_ids"}:
            raise UserError(
                self.env._(
                    "A training's status changes through its buttons (Mark Done, Cancel, "
                    "Reopen), and its level and modules of the course are its course's."
                )
            )
        planned = {
            "course_id",
            "module_ids",
            "employee_ids",
            "company_id",
            "date_start",
            "date_end",
            "mode",
            "method",
        }
        if planned & set(vals) and any(session.state != "draft" for session in self):
            raise UserError(
                self.env._(
                    "A training that is done or cancelled keeps its course, modules, attendees "
                    "and dates: reopen it first."
                )
            )
        result = super().write(vals)
        if {"course_id", "module_ids", "employee_ids"} & set(vals):
            self._sync_results()
        return result

    def _sync_results(self):
        """One result per attendee and module assessed; results no longer planned go.

        A result already recorded (passed, failed, absent) is never dropped
        silently: the attendee or module it belongs to stays until it is set
        back to pending.
        """
        Result = self.env["hr.technical.grade.training.result"].sudo()
        for session in self:
            planned = {
                (employee.id, module.id)
                for employee in session.employee_ids
                for module in session.module_ids
            }
            existing = {
                (result.employee_id.id, result.module_id.id): result
                for result in session.result_ids.sudo()
            }
            gone = Result.browse(
                [result.id for key, result in existing.items() if key not in planned]
            )
            recorded = gone.filtered(lambda result: result.result != rules.PENDING)
            if recorded:
                raise UserError(
                    self.env._(
                        "%(results)s already recorded: set them back to pending before taking "
                        "the attendee or the module out of %(session)s.",
                        results=", ".join(recorded.mapped("display_name")),
                        session=session.display_name,
                    )
                )
            gone.unlink()
            Result.create(
                [
                    {"session_id": session.id, "employee_id": employee_id, "module_id": module_id}
                    for employee_id, module_id in sorted(planned - set(existing))
                ]
            )

    def action_done(self):
        self.check_access("write")
        for session in self:
            if session.state != "draft":
                raise UserError(
                    self.env._(
                        "Only a planned training can be marked done: %(session)s is not.",
                        session=session.display_name,
                    )
                )
            if not session.result_ids:
                raise UserError(
                    self.env._(
                        "%(session)s has no results: add its attendees first.",
                        session=session.display_name,
                    )
                )
            if session.date_end > fields.Date.context_today(self):
                raise UserError(
                    self.env._(
                        "%(session)s ends on %(date)s: it is marked done once it has ended.",
                        session=session.display_name,
                        date=session.date_end.isoformat(),
                    )
                )
            if session.pending_count:
                raise UserError(
                    self.env._(
                        "Record every result of %(session)s before marking it done: "
                        "%(count)s are still pending.",
                        session=session.display_name,
                        count=session.pending_count,
                    )
                )
        self.sudo().write({"state": "done"})
        return True

    def action_cancel(self):
        self.check_access("write")
        if any(session.state != "draft" for session in self):
            raise UserError(self.env._("Only a planned training can be cancelled."))
        if self.result_ids.filtered(lambda result: result.result != rules.PENDING):
            raise UserError(
                self.env._(
                    "A training with recorded results is not cancelled: mark it done, or set "
                    "its results back to pending."
                )
            )
        self.sudo().write({"state": "cancel"})
        return True

    def action_reopen(self):
        """Back to planned, to correct a result: on record in the chatter."""
        self.check_access("write")
        for session in self:
            if session.state == "draft":
                continue
            session.sudo().write({"state": "draft"})
            session.message_post(
                body=self.env._("Reopened to correct its results or its plan."),
                subtype_xmlid="mail.mt_note",
                message_type="notification",
            )
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_if_unrecorded(self):
        if self.result_ids.filtered(lambda result: result.result != rules.PENDING):
            raise UserError(
                self.env._("A training with recorded results is kept; cancel it instead.")
            )
