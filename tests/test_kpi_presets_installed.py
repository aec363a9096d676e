# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The preset indicators on real records of the modules they read (issue 17).

repair, project, hr_expense and OCA helpdesk_mgmt are no dependencies of the
addon: these tests run only in the database of ``make test-presets``, which
installs them all (tools/test_presets.sh).  They are tagged ``-standard``:
Odoo's runner leaves them out of ``make test-odoo`` and tools/pytest_test_tags.py
deselects them from ``make test`` (never reported as skipped).
"""

from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.fields import Command
from odoo.tests import tagged

from .review_common import ReviewCase


@tagged("-standard", "kpi_presets_installed", "post_install", "-at_install")
class TestPresetsOnInstalledModules(ReviewCase):
    """Load the presets, make records as users do, open the engineers' month."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.monthly = cls.env.ref("hr_technical_grade.review_plan_monthly")
        cls.presets = (
            cls.env["hr.technical.grade.kpi"]
            .with_user(cls.hr_officer)
            .with_context(preset_silent=True)
            .action_load_presets()
            .sudo()
        )
        cls.presets.write({"per_occurrence": 2})
        cls.monthly.kpi_ids |= cls.presets
        # The month of the transaction's time, which dates what is created
        # (create_date), whatever date the test case freezes for Python.
        cls.start = cls.env.cr.now().date().replace(day=1)
        cls.in_month = datetime.combine(cls.start, datetime.min.time()) + timedelta(hours=10)
        cls.before = cls.in_month - timedelta(days=3)

    def preset(self, key):
        return self.presets.filtered(lambda kpi: kpi.source_preset == key)

    def open_month(self, both=False):
        reviews = self.monthly.with_user(self.hr_officer)._open_reviews(
            self.engineer | self.colleague, self.start
        )
        mine = reviews.filtered(lambda r: r.employee_id == self.engineer)
        return (mine, reviews - mine) if both else mine

    def entry(self, review, key):
        return review.line_ids.filtered(lambda line: line.kpi_id == self.preset(key))

    def assertComputed(self, line, records, value, points):
        self.assertTrue(line.source_computed)
        self.assertEqual(line.source_model, records._name)
        self.assertEqual(line.source_res_ids, sorted(records.ids))
        self.assertEqual(line.source_count, len(records))
        self.assertAlmostEqual(line.source_value, value)
        self.assertAlmostEqual(line.adjustment, points)
        self.assertFalse(line.evidence_missing, "the records are the evidence")
        action = line.action_open_source_records()
        self.assertEqual(self.env[action["res_model"]].search(action["domain"]), records)

    def test_the_presets_of_the_installed_modules_are_loaded(self):
        """Every preset whose fields Odoo CE and helpdesk_mgmt have; the two that need
        an add-on's field (a repair's signature, a ticket's SLA) are left out."""
        self.assertEqual(
            set(self.presets.mapped("source_preset")),
            {
                "repair_done",
                "task_closed",
                "task_late",
                "expense_reimbursed",
                "ticket_solved",
                "ticket_complaint",
            },
        )
        self.assertTrue(all(self.presets.mapped("has_source")))
        self.assertFalse(self.presets.company_id, "presets serve every company")

    def test_repair_orders_done_by_the_engineer(self):
        Repair = self.env["repair.order"]
        product = self.env["product.product"].create({"name": "Pump", "type": "consu"})

        def repair(user, when, finish=True):
            order = Repair.create(
                {"product_id": product.id, "user_id": user.id, "schedule_date": when}
            )
            order.action_validate()
            if finish:
                order.action_repair_start()
                order.action_repair_end()
            return order

        done = repair(self.engineer_user, self.in_month)
        done |= repair(self.engineer_user, self.in_month + timedelta(days=1))
        self.assertEqual(set(done.mapped("state")), {"done"})
        repair(self.engineer_user, self.in_month, finish=False)  # confirmed only
        repair(self.engineer_user, self.before)  # the month before
        theirs = repair(self.colleague_user, self.in_month)
        review, colleague = self.open_month(both=True)
        self.assertComputed(self.entry(review, "repair_done"), done, 2, 4)
        self.assertEqual(self.entry(colleague, "repair_done").source_res_ids, theirs.ids)

    def test_tasks_closed_and_closed_late(self):
        """Marking a task done counts it: its date is when its state last changed
        (Odoo fills date_end only on a folded stage, never on the Done mark)."""
        project = self.env["project.project"].create({"name": "Service calls"})

        def task(deadline=None):
            return self.env["project.task"].create(
                {
                    "name": "Call",
                    "project_id": project.id,
                    "user_ids": [Command.set(self.engineer_user.ids)],
                    "date_deadline": deadline,
                }
            )

        on_time = task(self.in_month + timedelta(days=20))
        late = task(self.in_month - timedelta(days=1))
        no_deadline = task()
        open_task = task(self.in_month - timedelta(days=1))
        last_month = task(self.before - timedelta(days=5))
        with freeze_time(self.in_month):
            (on_time | late | no_deadline).write({"state": "1_done"})
        with freeze_time(self.before):
            last_month.state = "1_done"
        self.assertFalse(late.date_end, "Odoo leaves date_end empty on the Done mark")
        open_task.state = "02_changes_requested"
        review = self.open_month()
        closed = on_time | late | no_deadline
        self.assertComputed(self.entry(review, "task_closed"), closed, 3, 6)
        self.assertComputed(self.entry(review, "task_late"), late, 1, -2)

    def test_reimbursed_expenses(self):
        """Expenses paid back to the engineer: their amounts, 2 points per 1,000."""

        def sheet(amounts, day, pay=True):
            expenses = self.env["hr.expense"].create(
                [
                    {
                        "name": "Travel to a site",
                        "employee_id": self.engineer.id,
                        "payment_mode": "own_account",
                        "total_amount_currency": amount,
                        "date": day,
                    }
                    for amount in amounts
                ]
            )
            report = self.env["hr.expense.sheet"].create(
                {
                    "name": "Site visits",
                    "employee_id": self.engineer.id,
                    "expense_line_ids": [Command.set(expenses.ids)],
                }
            )
            report.action_submit_sheet()
            report.action_approve_expense_sheets()
            if pay:
                report.action_sheet_move_post()
                action = report.action_register_payment()
                self.env["account.payment.register"].with_context(**action["context"]).create(
                    {}
                )._create_payments()
            return expenses

        paid = sheet([1500, 700], self.in_month.date())
        self.assertEqual(set(paid.mapped("state")), {"done"})
        sheet([900], self.in_month.date(), pay=False)  # approved, not paid back
        sheet([5000], self.before.date())  # the month before
        review = self.open_month()
        line = self.entry(review, "expense_reimbursed")
        self.assertComputed(line, paid, 2200, 4.4)
        self.assertEqual(line.amount, 2200)

    def test_helpdesk_tickets_solved_and_complaints(self):
        Ticket = self.env["helpdesk.ticket"]
        closed_stage = self.env["helpdesk.ticket.stage"].search([("closed", "=", True)], limit=1)
        complaint = self.env["helpdesk.ticket.category"].create({"name": "Complaint"})

        def ticket(user, category=None):
            return Ticket.create(
                {
                    "name": "Machine stops",
                    "description": "It stops.",
                    "user_id": user.id,
                    "category_id": category and category.id,
                }
            )

        solved = ticket(self.engineer_user) | ticket(self.engineer_user)
        with freeze_time(self.in_month):
            solved.write({"stage_id": closed_stage.id})
        ticket(self.engineer_user)  # still open
        complaints = ticket(self.engineer_user, complaint)
        ticket(self.colleague_user, complaint)
        review = self.open_month()
        self.assertComputed(self.entry(review, "ticket_solved"), solved, 2, 4)
        self.assertComputed(self.entry(review, "ticket_complaint"), complaints, 1, -2)
