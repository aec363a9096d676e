# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

OFFICER = "hr_technical_grade.group_technical_grade_officer"


class HrTechnicalGradeAppointment(models.Model):
    """The company's appointment (聘任) of an engineer to an appointed grade, for a term.

    Senior grades and above are conferred by appointment after the evaluation
    is passed (seed 000).  Applying such an evaluation opens the appointment
    from the grade's effective date for the company's term; HR is reminded
    before it ends and renews it, or the next grade change ends it.  Written
    by these actions only.
    """

    _name = "hr.technical.grade.appointment"
    _description = "Technical Grade Appointment"
    _inherit = [
        "hr.technical.grade.chatter.mixin",
        "mail.activity.mixin",
        "hr.technical.grade.activity.mixin",
        "hr.technical.grade.workflow.record.mixin",
    ]
    _order = "date_start desc, id desc"
    _rec_name = "grade_id"

    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, readonly=True, ondelete="restrict"
    )
    employee_user_id = fields.Many2one(related="employee_id.user_id")
    company_id = fields.Many2one(related="employee_id.company_id", store=True, index=True)
    department_id = fields.Many2one(related="employee_id.department_id")
    grade_id = fields.Many2one(
        "hr.technical.grade", required=True, readonly=True, ondelete="restrict"
    )
    evaluation_id = fields.Many2one(
        "hr.technical.grade.evaluation",
        readonly=True,
        ondelete="restrict",
        help="The evaluation whose result conferred the grade.",
    )
    previous_id = fields.Many2one(
        "hr.technical.grade.appointment",
        string="Renews",
        readonly=True,
        ondelete="restrict",
    )
    date_start = fields.Date(string="Start", required=True, readonly=True, tracking=True)
    term_months = fields.Integer(string="Term (Months)", required=True, readonly=True)
    date_end = fields.Date(
        string="End",
        compute="_compute_date_end",
        store=True,
        tracking=True,
        help="Last day of the term, or the day before the grade changed.",
    )
    ended_on = fields.Date(readonly=True, tracking=True)
    state = fields.Selection(
        [("running", "Running"), ("renewed", "Renewed"), ("ended", "Ended")],
        required=True,
        default="running",
        readonly=True,
        tracking=True,
    )
    reminded = fields.Boolean(readonly=True, copy=False)

    _sql_constraints = [
        ("term_positive", "CHECK(term_months > 0)", "An appointment's term is at least a month."),
    ]

    @api.depends("date_start", "term_months", "ended_on")
    def _compute_date_end(self):
        for appointment in self:
            if appointment.ended_on:
                appointment.date_end = appointment.ended_on
            elif appointment.date_start and appointment.term_months:
                appointment.date_end = (
                    appointment.date_start
                    + relativedelta(months=appointment.term_months)
                    - relativedelta(days=1)
                )
            else:
                appointment.date_end = False

    @api.depends("employee_id", "grade_id", "date_start")
    def _compute_display_name(self):
        for appointment in self:
            appointment.display_name = self.env._(
                "%(employee)s: %(grade)s from %(date)s",
                employee=appointment.employee_id.name or "",
                grade=appointment.grade_id.name or "",
                date=appointment.date_start or "",
            )

    # ------------------------------------------------------------------
    # Written by the workflow only
    # ------------------------------------------------------------------

    def _workflow_only_message(self):
        return self.env._(
            "Appointments follow the grade: they open when an evaluation to an "
            "appointed grade is applied, and change through Renew only."
        )

    @api.model
    def _follow_grade_changes(self, evaluations):
        """Open or end appointments for the applied ``evaluations``.

        The running appointment of each employee ends the day before the new
        grade; a new one opens when the new grade is appointed.
        """
        Appointment = self.sudo()
        running = Appointment.search(
            [("employee_id", "in", evaluations.employee_id.ids), ("state", "=", "running")]
        )
        ended = Appointment.browse()
        for evaluation in evaluations:
            day = evaluation.effective_date
            ending = running.filtered(lambda a, e=evaluation: a.employee_id == e.employee_id)
            for appointment in ending:
                appointment.write(
                    {
                        "state": "ended",
                        "ended_on": max(appointment.date_start, day - relativedelta(days=1)),
                    }
                )
                ended |= appointment
            if evaluation.target_grade_id.is_appointed:
                Appointment.create(
                    {
                        "employee_id": evaluation.employee_id.id,
                        "grade_id": evaluation.target_grade_id.id,
                        "evaluation_id": evaluation.id,
                        "date_start": day,
                        "term_months": evaluation.company_id.technical_grade_appointment_months,
                    }
                )
        ended.activity_update()

    def action_renew(self):
        """Renew each running appointment for a new term from the day after it ends."""
        if not self.env.user.has_group(OFFICER):
            raise AccessError(self.env._("Only HR officers renew appointments."))
        renewals = self.browse()
        for appointment in self:
            if appointment.state != "running":
                raise UserError(
                    self.env._(
                        "%(appointment)s is %(state)s: only a running appointment is renewed.",
                        appointment=appointment.display_name,
                        state=dict(self._fields["state"]._description_selection(self.env))[
                            appointment.state
                        ],
                    )
                )
            appointment.sudo().write({"state": "renewed"})
            renewal = self.sudo().create(
                {
                    "employee_id": appointment.employee_id.id,
                    "grade_id": appointment.grade_id.id,
                    "evaluation_id": appointment.evaluation_id.id,
                    "previous_id": appointment.id,
                    "date_start": appointment.date_end + relativedelta(days=1),
                    "term_months": appointment.company_id.technical_grade_appointment_months,
                }
            )
            renewals |= renewal
        self.activity_update()
        if len(renewals) == 1:
            return {
                "type": "ir.actions.act_window",
                "res_model": self._name,
                "res_id": renewals.id,
                "view_mode": "form",
            }
        return True

    def action_print_letter(self):
        return self.env.ref("hr_technical_grade.action_report_appointment_letter").report_action(
            self
        )

    @api.model
    def _cron_remind_renewals(self):
        """Remind HR of each appointment whose term ends within the company's notice."""
        today = fields.Date.context_today(self)
        due = (
            self.sudo()
            .search([("state", "=", "running"), ("reminded", "=", False)])
            .filtered(
                lambda a: a.date_end
                - relativedelta(days=a.company_id.technical_grade_appointment_reminder_days)
                <= today
            )
        )
        due.write({"reminded": True})
        due.activity_update()

    def activity_update(self):
        """The renewal reminder: to HR while a reminded appointment runs, done once renewed.

        It goes to whoever applied the evaluation (or renewed the
        appointment), due on the last day of the term.
        """
        wanted = {
            appointment.id: {
                appointment.create_uid: {
                    "summary": self.env._(
                        "Renew or end the appointment of %(employee)s as %(grade)s",
                        employee=appointment.employee_id.name,
                        grade=appointment.grade_id.name,
                    ),
                    "date_deadline": appointment.date_end,
                }
            }
            for appointment in self
            if appointment.state == "running" and appointment.reminded
        }
        self._sync_activities(
            "mail.mail_activity_data_todo",
            wanted,
            feedback=self.env._("Renewed or ended by %(user)s", user=self.env.user.name),
        )
