# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import date, datetime
from io import BytesIO

import openpyxl
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import new_test_user, tagged

from .common import PayslipCase, load_chinese
from .review_common import ReviewCase

# Seed 000 amounts (base, post, allowance).
INTERMEDIATE = {"TG_BASE": 2300.0, "TG_POST": 600.0, "TG_ALW": 1000.0}
JUNIOR = {"TG_BASE": 2000.0, "TG_POST": 300.0, "TG_ALW": 500.0}


@tagged("post_install", "-at_install")
class TestReviewPayConsequences(ReviewCase, PayslipCase):
    """差 pays one level down, stand-by is unpaid, 中/较差 get no raise (seed 003)."""

    def failed(self, day, employee=None):
        review = self.open_review(employee, day)
        self.kpi_line(review.with_user(self.manager_user), "kpi_complaint").write(
            {"occurrences": 20, "evidence": "Complaint record"}
        )
        return self.finish(review, results=10, reviewers=10)

    def december(self):
        return self.amounts(self.payslip(self.engineer, "2026-12-01", "2026-12-31"))

    # ------------------------------------------------------------------
    # 差: pay one level down
    # ------------------------------------------------------------------

    def test_fail_pays_one_level_down_from_the_next_pay_period(self):
        self.assertEqual(self.december(), INTERMEDIATE)
        review = self.failed(date(2026, 10, 1))  # finished today, 16 November
        self.assertEqual(review.band, "fail")
        step = review.pay_step_ids
        self.assertEqual(len(step), 1)
        self.assertEqual(step.state, "running")
        self.assertEqual(step.date_from, date(2026, 12, 1))
        self.assertFalse(step.date_to, "until the next passed review by default")
        self.assertEqual((step.grade_id, step.paid_grade_id), (self.intermediate, self.junior))
        # November is paid as before; December at the junior amounts; the title stays.
        self.assertEqual(
            self.amounts(self.payslip(self.engineer, "2026-11-01", "2026-11-30")), INTERMEDIATE
        )
        self.assertEqual(self.december(), JUNIOR)
        self.assertEqual(self.engineer.technical_grade_id, self.intermediate)
        self.assertIn("as Junior Engineer", review.consequence)
        # The payslip line says why December pays the junior amounts.
        slip = self.payslip(self.engineer, "2026-12-01", "2026-12-31")
        base = slip.line_ids.filtered(lambda line: line.code == "TG_BASE")
        self.assertEqual(
            base.name, "Grade Base Wage (Junior Engineer (pay step one level down) 31/31 days)"
        )
        # And in Chinese.
        load_chinese(self.env)
        zh_slip = slip.with_context(lang="zh_CN")
        zh_slip.compute_sheet()
        zh_base = zh_slip.line_ids.filtered(lambda line: line.code == "TG_BASE")
        self.assertIn("（下调一级工资）", zh_base.with_context(lang="zh_CN").name)
        self.assertIn("等级基本工资", zh_base.with_context(lang="zh_CN").name)

    def test_a_single_fail_proposes_no_demotion(self):
        review = self.failed(date(2026, 10, 1))
        self.assertFalse(review.demotion_evaluation_id)
        self.assertFalse(
            self.env["hr.technical.grade.evaluation"].search(
                [("employee_id", "=", self.engineer.id), ("kind", "=", "demotion")]
            )
        )

    def test_the_step_is_paid_on_its_days_only(self):
        self.company.technical_grade_pay_step_months = 1
        step = self.failed(date(2026, 10, 1)).pay_step_ids
        self.assertEqual((step.date_from, step.date_to), (date(2026, 12, 1), date(2026, 12, 31)))
        self.assertEqual(self.december(), JUNIOR)
        january = self.amounts(self.payslip(self.engineer, "2027-01-01", "2027-01-31"))
        self.assertEqual(january, INTERMEDIATE)
        # HR ends it on the 15th: 15/31 days junior, 16/31 intermediate.
        step.with_user(self.hr_officer).action_end(date(2026, 12, 15), "Improved at once.")
        self.assertEqual(step.state, "ended")
        # 2000 × 15/31 + 2300 × 16/31 = 2154.838…
        self.assertEqual(self.december()["TG_BASE"], 2154.84)
        slip = self.payslip(self.engineer, "2026-12-01", "2026-12-31")
        self.assertEqual(
            slip.line_ids.filtered(lambda line: line.code == "TG_ALW").name,
            "Grade Allowance (Junior Engineer (pay step one level down) 15/31 days, "
            "Intermediate Engineer 16/31 days)",
        )
        # 500 × 15/31 + 1000 × 16/31 = 758.06…
        self.assertEqual(self.december()["TG_ALW"], 758.06)

    def test_a_step_of_the_company_length_ends_by_itself(self):
        self.company.technical_grade_pay_step_months = 1
        step = self.failed(date(2026, 10, 1)).pay_step_ids
        PayStep = self.env["hr.technical.grade.pay.step"]
        self.assertFalse(PayStep._cron_end_pay_steps(), "still running in November")
        with freeze_time("2027-01-02"):
            self.assertEqual(PayStep._cron_end_pay_steps(), step)
        self.assertEqual((step.state, step.date_to), ("ended", date(2026, 12, 31)))
        self.assertIn("lasted its length", step.end_reason)
        self.assertEqual(self.december(), JUNIOR, "its days stay paid lower")

    def test_the_next_passed_review_ends_the_step(self):
        step = self.failed(date(2026, 10, 1)).pay_step_ids
        with freeze_time("2027-01-10"):
            passed = self.finish(self.open_review(day=date(2026, 12, 1)), results=90, reviewers=90)
        self.assertFalse(passed.failed)
        self.assertEqual(step.state, "ended")
        self.assertEqual(step.date_to, date(2027, 1, 31))
        self.assertIn(passed.name, step.end_reason)
        self.assertEqual(
            self.amounts(self.payslip(self.engineer, "2027-01-01", "2027-01-31")), JUNIOR
        )
        self.assertEqual(
            self.amounts(self.payslip(self.engineer, "2027-02-01", "2027-02-28")), INTERMEDIATE
        )

    def test_pay_steps_are_written_by_the_workflow_only(self):
        step = self.failed(date(2026, 10, 1)).pay_step_ids
        with self.assertRefused(AccessError, "Pay steps follow the reviews"):
            step.with_user(self.hr_officer).write({"state": "ended"})
        with self.assertRefused(AccessError, "Pay steps follow the reviews"):
            step.with_user(self.hr_officer).write({"paid_grade_id": self.trainee.id})
        with self.assertRefused(AccessError, "Only HR"):
            step.with_user(self.engineer_user).action_withdraw("Mine")
        with self.assertRefused(UserError, "Say why"):
            step.with_user(self.hr_officer).action_withdraw("  ")
        with self.assertRefused(UserError, "last day"):
            step.with_user(self.hr_officer).action_end(False, "No day")
        with self.assertRaises(AccessError):
            step.with_user(self.hr_officer).unlink()
        with self.assertRefused(UserError, "stays on record"):
            step.sudo().unlink()

    def test_who_reads_pay_steps(self):
        step = self.failed(date(2026, 10, 1)).pay_step_ids
        self.assertEqual(step.with_user(self.engineer_user).read(["state"])[0]["state"], "running")
        with self.assertRaises(AccessError):
            step.with_user(self.colleague_user).read(["state"])
        payroll = new_test_user(
            self.env,
            login="tg_payroll_officer",
            groups="base.group_user,payroll.group_payroll_user",
        )
        self.assertEqual(step.with_user(payroll).paid_grade_id, self.junior)
        with self.assertRaises(AccessError):
            step.with_user(payroll).action_withdraw("Not payroll's")

    def test_withdrawn_step_is_paid_as_before_and_stays_readable(self):
        step = self.failed(date(2026, 10, 1)).pay_step_ids
        step.with_user(self.hr_officer).action_withdraw("Complaints were not valid.")
        self.assertEqual(step.state, "withdrawn")
        self.assertEqual(step.paid_grade_id, self.junior)
        self.assertEqual(self.december(), INTERMEDIATE)
        self.assertTrue(
            step.message_ids.filtered(lambda m: "Complaints were not valid" in (m.body or ""))
        )

    # ------------------------------------------------------------------
    # Stand-by training: at least three working days, unpaid
    # ------------------------------------------------------------------

    def standby(self, date_from, date_to, user=None, review=None):
        if review is None:
            # The engineer alone reviewed in September: the lowest of the department.
            review = (
                self.env["hr.technical.grade.review"].search(
                    [("employee_id", "=", self.engineer.id), ("period_start", "=", "2026-09-01")]
                )
                or self.average()
            )
        return (
            self.env["hr.technical.grade.standby"]
            .with_user(user or self.hr_officer)
            .create(
                {
                    "employee_id": self.engineer.id,
                    "review_id": review.id,
                    "date_from": date_from,
                    "date_to": date_to,
                    "note": "Product training",
                }
            )
        )

    def test_standby_lasts_at_least_three_working_days(self):
        # Friday 4 to Monday 7 December 2026: two working days.
        with self.assertRefused(ValidationError, "at least 3 working days"):
            self.standby("2026-12-04", "2026-12-07")
        standby = self.standby("2026-12-07", "2026-12-09")
        self.assertEqual(standby.working_days, 3)
        with self.assertRefused(ValidationError, "at least 3 working days"):
            standby.with_user(self.hr_officer).write({"date_to": "2026-12-08"})
        with self.assertRefused(AccessError, "Only HR"):
            self.standby("2026-12-07", "2026-12-09", user=self.manager_user)
        with self.assertRefused(AccessError, "Cancel action"):
            standby.with_user(self.hr_officer).write({"state": "cancel"})
        with self.assertRefused(ValidationError, "already has unpaid days"):
            self.standby("2026-12-09", "2026-12-14")

    def test_standby_is_for_fail_or_the_lowest_of_the_department(self):
        day = date(2026, 6, 1)
        self.finish(self.open_review(self.colleague, day), results=60, reviewers=60)
        good = self.finish(self.open_review(self.engineer, day), results=90, reviewers=90)
        with self.assertRefused(ValidationError, "is neither"):
            self.standby("2026-12-07", "2026-12-09", review=good)

    def test_standby_days_are_unpaid(self):
        self.standby("2026-12-07", "2026-12-09")
        # 28 of 31 calendar days are paid.
        self.assertEqual(self.december()["TG_ALW"], round(1000 * 28 / 31, 2))
        slip = self.payslip(self.engineer, "2026-12-01", "2026-12-31")
        lines = slip.get_worked_day_lines(slip.contract_id, slip.date_from, slip.date_to)
        unpaid = [line for line in lines if line["code"] == "TG_STANDBY"]
        self.assertEqual(len(unpaid), 1)
        self.assertEqual(unpaid[0]["number_of_days"], -3)
        self.assertEqual(unpaid[0]["name"], "Unpaid stand-by training")
        load_chinese(self.env)
        zh_lines = slip.with_context(lang="zh_CN").get_worked_day_lines(
            slip.contract_id, slip.date_from, slip.date_to
        )
        (zh_unpaid,) = [line for line in zh_lines if line["code"] == "TG_STANDBY"]
        self.assertEqual((zh_unpaid["name"], zh_unpaid["number_of_days"]), ("无薪待岗培训", -3))
        # Cancelled, it is paid again.
        standby = self.env["hr.technical.grade.standby"].search(
            [("employee_id", "=", self.engineer.id)]
        )
        standby.with_user(self.hr_officer).action_cancel("Training postponed")
        self.assertEqual(self.december(), INTERMEDIATE)

    def test_standby_is_shown_with_its_review(self):
        review = self.failed(date(2026, 10, 1))
        review.with_user(self.hr_officer).write({"hr_decision": "training"})
        action = review.with_user(self.hr_officer).action_record_standby()
        self.assertEqual(action["context"]["default_review_id"], review.id)
        with self.assertRefused(AccessError, "Only HR"):
            review.with_user(self.manager_user).action_record_standby()
        self.standby("2026-12-07", "2026-12-09", review=review)
        self.assertIn("stand-by training from 2026-12-07", review.consequence.lower())

    # ------------------------------------------------------------------
    # 中 / 较差: no raise this cycle
    # ------------------------------------------------------------------

    def average(self, employee=None):
        # 50 % × 80 + 20 % × 70 + 30 % × 60 = 72: 中
        review = self.finish(
            self.open_review(employee or self.engineer, date(2026, 9, 1)), results=70, reviewers=60
        )
        self.assertEqual(review.band, "average")
        return review

    def promotion(self):
        return (
            self.env["hr.technical.grade.evaluation"]
            .with_user(self.hr_officer)
            .create({"employee_id": self.engineer.id, "kind": "promotion"})
        )

    def test_no_raise_blocks_the_promotion_until_hr_records_an_exception(self):
        before = self.promotion()
        self.assertNotIn("No raise", before.eligibility_problems or "")
        before.action_cancel()
        review = self.average()
        evaluation = self.promotion()
        self.assertIn(review.name, evaluation.eligibility_problems)
        self.assertIn("No raise this cycle", evaluation.eligibility_problems)
        evaluation.with_user(self.hr_officer).write(
            {"override_eligibility": True, "override_reason": "Good year otherwise"}
        )
        with self.assertRefused(UserError, "No raise this cycle"):
            evaluation.with_user(self.hr_officer).action_submit()
        with self.assertRefused(ValidationError, "say why"):
            review.with_user(self.hr_officer).write({"raise_exception": "general"})
        review.with_user(self.hr_officer).write(
            {"raise_exception": "post_gap", "raise_exception_reason": "Post gap with peers"}
        )
        evaluation.invalidate_recordset()
        self.assertNotIn("No raise", evaluation.eligibility_problems or "")
        self.assertIn("except", review.consequence)
        with self.assertRefused(AccessError, "HR's"):
            review.with_user(self.manager_user).write({"raise_exception": False})

    def test_no_raise_keeps_the_engineer_out_of_the_campaign(self):
        self.average()
        wizard = (
            self.env["hr.technical.grade.campaign.wizard"]
            .with_user(self.hr_officer)
            .create({"employee_ids": [Command.set(self.engineer.ids)]})
        )
        wizard.action_confirm()
        self.run_opening_cron()
        campaign = self.env["hr.technical.grade.campaign"].search([], order="id desc", limit=1)
        self.assertFalse(campaign.evaluation_ids)
        self.assertIn("No raise this cycle", campaign.skipped_ids.reason)

    def test_no_raise_is_for_the_cycle_of_the_review(self):
        self.average()
        standing = self.engineer._technical_grade_standing(date(2027, 11, 16))
        self.assertEqual(standing["no_raise_reviews"], [])

    # ------------------------------------------------------------------
    # Appeals: the GM office, and what an upheld appeal withdraws
    # ------------------------------------------------------------------

    def test_upheld_appeal_withdraws_the_pay_step(self):
        review = self.failed(date(2026, 10, 1))
        step = review.pay_step_ids
        review.with_user(self.engineer_user).action_appeal("The complaints were not valid.")
        review.with_user(self.head_user).action_appeal_decide("Complaints withdrawn.", 75)
        self.assertEqual(review.band, "average")
        self.assertEqual(step.state, "withdrawn")
        self.assertEqual(step.paid_grade_id, self.junior, "the old values stay readable")
        self.assertIn("Appeal upheld", step.end_reason)
        self.assertEqual(self.december(), INTERMEDIATE)

    def test_appeal_handed_to_the_gm_office(self):
        self.company.technical_grade_gm_office_user_ids = self.gm_user
        review = self.failed(date(2026, 10, 1))
        review.with_user(self.engineer_user).action_appeal("Unfair.")
        with self.assertRefused(AccessError, "two levels up or HR"):
            review.with_user(self.manager_user).action_appeal_escalate("Cannot settle")
        with self.assertRefused(UserError, "could not settle"):
            review.with_user(self.head_user).action_appeal_escalate(" ")
        review.with_user(self.head_user).action_appeal_escalate("The team disagrees.")
        self.assertEqual(review.appeal_state, "escalated")
        appeal_type = self.env.ref("hr_technical_grade.mail_activity_review_appeal")
        activities = review.activity_ids.filtered(lambda a: a.activity_type_id == appeal_type)
        self.assertEqual(activities.user_id, self.gm_user)
        with self.assertRefused(AccessError, "general manager's office"):
            review.with_user(self.head_user).action_appeal_decide("No", 90)
        review.with_user(self.gm_user).action_appeal_decide("Score stands.")
        self.assertEqual(review.appeal_state, "decided")
        self.assertEqual(review.appeal_gm_decision, "Score stands.")
        self.assertFalse(review.appeal_decision)
        self.assertEqual(review.pay_step_ids.state, "running")

    def test_escalation_needs_a_gm_office(self):
        self.company.technical_grade_gm_office_user_ids = False
        review = self.failed(date(2026, 10, 1))
        review.with_user(self.engineer_user).action_appeal("Unfair.")
        with self.assertRefused(UserError, "No general manager's office"):
            review.with_user(self.head_user).action_appeal_escalate("Cannot settle")

    def test_upheld_appeal_withdraws_the_demotion_proposal(self):
        january = self.failed(date(2026, 1, 10))
        february = self.failed(date(2026, 2, 10))
        proposal = february.demotion_evaluation_id
        self.assertTrue(proposal)
        self.assertEqual(proposal.review_ids, january | february)
        february.with_user(self.engineer_user).action_appeal("Wrong complaints.")
        february.with_user(self.head_user).action_appeal_decide("Complaints withdrawn.", 85)
        self.assertEqual(proposal.state, "cancel")
        self.assertEqual(february.demotion_evaluation_id, proposal, "kept on record")
        self.assertTrue(proposal.message_ids.filtered(lambda m: "Appeal upheld" in (m.body or "")))

    def test_a_third_failure_makes_no_second_proposal(self):
        reviews = self.env["hr.technical.grade.review"]
        for month in (1, 2, 3):
            reviews |= self.failed(date(2026, month, 10))
        proposals = reviews.demotion_evaluation_id
        self.assertEqual(len(proposals), 1)
        self.assertEqual(proposals.review_ids, reviews[:2])

    # ------------------------------------------------------------------
    # My Technical Grade
    # ------------------------------------------------------------------

    def test_my_technical_grade_shows_my_consequences(self):
        review = self.failed(date(2026, 10, 1))
        self.standby("2026-12-07", "2026-12-09", review=review)
        public = self.env["hr.employee.public"].with_user(self.engineer_user)
        values = public.browse(self.engineer.id).web_read(
            {
                "my_pay_step_ids": {"fields": {"date_from": {}, "paid_grade_id": {}}},
                "my_standby_ids": {"fields": {"date_from": {}, "date_to": {}}},
                "my_no_raise_review_ids": {"fields": {"name": {}}},
            }
        )[0]
        self.assertEqual([s["date_from"] for s in values["my_pay_step_ids"]], [date(2026, 12, 1)])
        self.assertEqual(
            [(s["date_from"], s["date_to"]) for s in values["my_standby_ids"]],
            [(date(2026, 12, 7), date(2026, 12, 9))],
        )
        self.assertEqual([r["name"] for r in values["my_no_raise_review_ids"]], [review.name])
        # A colleague sees none of it.
        other = (
            public.with_user(self.colleague_user)
            .browse(self.engineer.id)
            .web_read({"my_pay_step_ids": {}, "my_standby_ids": {}})[0]
        )
        self.assertFalse(other["my_pay_step_ids"])
        self.assertFalse(other["my_standby_ids"])
        with self.assertRaises(AccessError):
            review.pay_step_ids.with_user(self.colleague_user).read(["date_from"])

    def test_hr_ends_a_step_through_the_wizard(self):
        step = self.failed(date(2026, 10, 1)).pay_step_ids
        Wizard = self.env["hr.technical.grade.consequence.wizard"]
        with self.assertRefused(AccessError, "Only HR"):
            step.with_user(self.manager_user).action_end(date(2026, 12, 31), "Not HR")
        Wizard.with_user(self.hr_officer).create(
            {
                "pay_step_id": step.id,
                "mode": "end",
                "day": "2026-12-31",
                "reason": "One month is enough.",
            }
        ).action_confirm()
        self.assertEqual((step.state, step.date_to), ("ended", date(2026, 12, 31)))
        self.assertEqual(step.end_reason, "One month is enough.")

    # ------------------------------------------------------------------
    # The review results export (issue 13)
    # ------------------------------------------------------------------

    def export(self, reviews, lang="en_US"):
        """The review results workbook: ``{(employee, period): {header: value}}``."""
        report = self.env["ir.actions.report"].with_user(self.hr_officer).with_context(lang=lang)
        content, kind = report._render_xlsx(
            "hr_technical_grade.action_report_review_results_xlsx", reviews.ids, {}
        )
        self.assertEqual(kind, "xlsx")
        sheet = openpyxl.load_workbook(BytesIO(content)).active
        header = [cell.value for cell in sheet[3]]
        rows = {}
        for values in sheet.iter_rows(min_row=4, values_only=True):
            row = dict(zip(header, values, strict=True))
            rows[row[header[0]], row[header[2]]] = row
        return header, rows

    def consequences_of_the_year(self):
        """January and February failed (a pay step from December, a demotion
        proposal), stand-by on February's result; the colleague's 中 (no raise)."""
        january = self.failed(date(2026, 1, 10))
        february = self.failed(date(2026, 2, 10))
        self.standby("2026-12-07", "2026-12-09", review=february)
        colleague = self.average(self.colleague)
        return january, february, colleague

    def test_results_export_shows_the_parts_and_the_consequences(self):
        january, february, colleague = self.consequences_of_the_year()
        step = january.pay_step_ids
        self.assertEqual((step.date_from, step.date_to), (date(2026, 12, 1), False))
        proposal = february.demotion_evaluation_id
        self.assertTrue(proposal)
        self.assertEqual(january.demotion_evaluation_id, proposal)
        header, rows = self.export(january | february | colleague)
        self.assertEqual(
            header[-16:],
            [
                "KPI Score",
                "Results Form Score",
                "Superior",
                "Peers",
                "Subordinates",
                "360° Score",
                "Combined Final Score",
                "Band",
                "Pay Step: Grade Paid",
                "Pay Step From",
                "Pay Step To",
                "Pay Step Status",
                "Stand-by Training",
                "Stand-by Working Days",
                "No Raise This Cycle",
                "Demotion Proposal",
            ],
        )
        # The colleague's 中: 50 % × 80 + 20 % × 70 + 30 % × 60 = 72, no raise.
        average = rows["Test Colleague", "2026-09"]
        labels = [label for label in header[-16:] if label not in ("Peers", "Subordinates")]
        self.assertEqual(
            [average[label] for label in labels],
            [80, 70, 60, 60, 72, "中 Average", None, None, None, None, None, None, "Yes", None],
        )
        first = rows["Test Engineer", "2026-01"]
        self.assertEqual(
            (first["KPI Score"], first["Results Form Score"], first["360° Score"]),
            (january.kpi_score, 10, 10),
        )
        # 50 % KPI + 20 % results form + 30 % 360°.
        self.assertAlmostEqual(
            first["Combined Final Score"], 0.5 * january.kpi_score + 0.2 * 10 + 0.3 * 10, 2
        )
        self.assertEqual(first["Combined Final Score"], january.final_score)
        self.assertEqual(first["Band"], "差 Fail")
        self.assertEqual(
            [first[label] for label in header[-8:]],
            [
                "Junior Engineer",
                datetime(2026, 12, 1),
                "the next passed review",
                "In Force",
                None,
                None,
                "Yes",
                proposal.name,  # proposed on the second failure in a row, for both
            ],
        )
        second = rows["Test Engineer", "2026-02"]
        self.assertEqual(
            [second[label] for label in header[-8:]],
            [None, None, None, None, "2026-12-07 – 2026-12-09", 3, "Yes", proposal.name],
        )
        # An ended step has its last day; a raise exception replaces the plain "Yes".
        step.with_user(self.hr_officer).action_end(date(2026, 12, 31), "One month")
        colleague.with_user(self.hr_officer).write(
            {"raise_exception": "general", "raise_exception_reason": "General raise of 2026"}
        )
        _header, rows = self.export(january | colleague)
        self.assertEqual(
            (
                rows["Test Engineer", "2026-01"]["Pay Step To"],
                rows["Test Engineer", "2026-01"]["Pay Step Status"],
            ),
            (datetime(2026, 12, 31), "Ended"),
        )
        self.assertEqual(
            rows["Test Colleague", "2026-09"]["No Raise This Cycle"], "Except: General raise"
        )

    def test_results_export_in_chinese(self):
        january, february, colleague = self.consequences_of_the_year()
        load_chinese(self.env)
        header, rows = self.export(january | february | colleague, "zh_CN")
        self.assertEqual(header[:2], ["员工", "部门"])
        # Every label goes through the reader's language.
        report = self.env["report.hr_technical_grade.review_results_xlsx"].with_context(
            lang="zh_CN"
        )
        reviews = (january | february | colleague).sudo().with_context(lang="zh_CN")
        kpis = reviews.line_ids.kpi_id.sorted(lambda k: (k.sequence, k.id))
        self.assertEqual(header, [label for label, *_rest in report._columns(kpis)])
        first = [rows[key] for key in rows if key[1] == "2026-01"][0]
        values = list(first.values())
        # The band, the grade paid, the open end and "yes" in Chinese; dates and days as in English.
        self.assertEqual(values[-9], "差")
        self.assertEqual(values[-8:-5], ["初级工程师", datetime(2026, 12, 1), "下一次合格的考核"])
        self.assertEqual(values[-2], "是")
        second = list([rows[key] for key in rows if key[1] == "2026-02"][0].values())
        self.assertEqual(second[-4:-2], ["2026-12-07 – 2026-12-09", 3])
        self.assertEqual(second[-1], february.demotion_evaluation_id.name)
