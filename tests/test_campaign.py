# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import date, timedelta

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import CampaignCase

CAMPAIGN_ACTIVITY = "hr_technical_grade.mail_activity_campaign"
APPROVAL_ACTIVITY = "hr_technical_grade.mail_activity_evaluation_approval"
TEAM_ACTIVITY = "hr_technical_grade.mail_activity_campaign_team"
REMIND_CRON = "hr_technical_grade.ir_cron_technical_grade_campaign_remind"


@tagged("post_install", "-at_install")
class TestCampaign(CampaignCase):
    def chatter(self, record):
        return "\n".join(record.message_ids.mapped("body"))

    def test_opening_creates_evaluations_for_the_eligible_only(self):
        campaign = self.open_campaign()
        self.assertEqual(campaign.state, "open")
        evaluations = campaign.evaluation_ids
        self.assertEqual(evaluations.employee_id, self.engineer | self.senior_candidate)
        by_employee = {e.employee_id: e for e in evaluations}
        self.assertEqual(by_employee[self.engineer].target_grade_id, self.intermediate)
        self.assertEqual(by_employee[self.senior_candidate].target_grade_id, self.senior)
        self.assertEqual(set(evaluations.mapped("kind")), {"promotion"})
        self.assertEqual(set(evaluations.mapped("state")), {"draft"})
        self.assertEqual(evaluations.create_uid, self.hr_officer)
        body = self.chatter(campaign)
        self.assertIn("2 promotion evaluations created, 3 engineers skipped", body)
        # Who was skipped and why is HR's to read, not the chatter's.
        reasons = {line.employee_id: line.reason for line in campaign.skipped_ids}
        self.assertEqual(set(reasons), {self.colleague, self.top, self.busy})
        self.assertIn("12 months in the current grade are required", reasons[self.colleague])
        self.assertIn("is at the top of the ladder", reasons[self.top])
        self.assertEqual(reasons[self.busy], "has a promotion request in progress")
        for name in ("Test Colleague", "Top Expert", "Busy Engineer", "Not Graded", "Outsider"):
            self.assertNotIn(name, body)

    def test_eligibility_is_judged_at_the_end_of_the_campaigns_period(self):
        """Seed 000: the yearly evaluation in Q4, counted to the period's end."""
        Employee = self.env["hr.employee"]
        today = self.today  # 16 November 2026
        period_end = date(2026, 12, 31)

        def junior_since(name, day):
            employee = Employee.create(
                {
                    "name": name,
                    "department_id": self.department.id,
                    "parent_id": self.manager.id,
                    "technical_experience_date": today - timedelta(days=10 * 366),
                }
            )
            self.record(employee, self.junior, day)
            return employee

        # Twelve months in grade on 31 December, not yet today.
        by_year_end = junior_since("By Year End", date(2025, 12, 20))
        # Short of twelve months even on 31 December.
        too_late = junior_since("Too Late", date(2026, 1, 10))
        self.assertTrue(by_year_end._technical_grade_standing(today)["months_in_grade"] < 12)
        campaign = self.open_campaign(date_from=date(2026, 10, 1), date_to=period_end)
        self.assertEqual(campaign._eligibility_day(), period_end)
        evaluation = campaign.evaluation_ids.filtered(lambda e: e.employee_id == by_year_end)
        self.assertEqual(evaluation.target_grade_id, self.intermediate)
        self.assertTrue(evaluation.eligible)
        reasons = {line.employee_id: line.reason for line in campaign.skipped_ids}
        self.assertIn("12 months in the current grade are required", reasons[too_late])
        # Outside a campaign, the same engineer is judged today: not yet.
        request = self.env["hr.technical.grade.evaluation"].new(
            {"employee_id": by_year_end.id, "kind": "promotion"}
        )
        self.assertFalse(request.eligible)

    def test_listed_employees_are_in_scope_too(self):
        campaign = self.open_campaign(employee_ids=[(6, 0, self.outsider.ids)])
        self.assertIn(self.outsider, campaign.evaluation_ids.employee_id)
        self.assertEqual(len(campaign.evaluation_ids), 3)

    def test_scope_is_required(self):
        with self.assertRefused(UserError, "Choose the departments or the employees"):
            self.open_campaign(department_ids=[(5,)])

    def test_opening_again_skips_those_already_in_the_campaign(self):
        campaign = self.open_campaign()
        self.open_campaign(campaign)
        self.assertEqual(len(campaign.evaluation_ids), 2)
        # The lines of the last opening replace those of the first.
        reasons = {line.employee_id: line.reason for line in campaign.skipped_ids}
        self.assertEqual(len(campaign.skipped_ids), 5)
        self.assertEqual(reasons[self.engineer], "already has an evaluation in this campaign")
        # A cancelled evaluation does not keep its engineer out.
        mine = campaign.evaluation_ids.filtered(lambda e: e.employee_id == self.engineer)
        mine.with_user(self.hr_officer).action_cancel()
        self.open_campaign(campaign)
        self.assertEqual(len(campaign.evaluation_ids), 3)

    def test_employee_and_manager_are_told_by_activity(self):
        campaign = self.open_campaign()
        activity_type = self.env.ref(CAMPAIGN_ACTIVITY)
        by_employee = {e.employee_id: e for e in campaign.evaluation_ids}
        mine = by_employee[self.engineer].activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )
        self.assertEqual(mine.user_id, self.candidate_user)
        self.assertEqual(mine.date_deadline, campaign.deadline)
        self.assertIn("prepare and submit your promotion application", mine.summary)
        # No user: only the manager hears of it, and the chatter says so.
        self.assertFalse(by_employee[self.senior_candidate].activity_ids)
        # The manager has one activity on the campaign listing both candidates.
        team = campaign.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(TEAM_ACTIVITY)
        )
        self.assertEqual(team.user_id, self.manager_user)
        self.assertIn("2 candidates in your team", team.summary)
        self.assertIn("Senior Candidate, candidate for Senior Engineer", team.note)
        self.assertIn("candidate for Intermediate Engineer", team.note)
        self.assertIn("not told by activity: 1 candidates", self.chatter(campaign))
        self.assertEqual(campaign.untold_employee_ids, self.senior_candidate)

    def test_progress_counts(self):
        campaign = self.open_campaign()
        self.assertEqual(
            (campaign.evaluation_count, campaign.draft_count, campaign.submitted_count), (2, 2, 0)
        )
        mine = campaign.evaluation_ids.filtered(lambda e: e.employee_id == self.engineer)
        mine.with_user(self.candidate_user).action_submit()
        campaign.invalidate_recordset()
        self.assertEqual((campaign.draft_count, campaign.submitted_count), (1, 1))
        mine.with_user(self.hr_officer).action_reject("Not this year")
        campaign.invalidate_recordset()
        self.assertEqual(
            (
                campaign.draft_count,
                campaign.submitted_count,
                campaign.approved_count,
                campaign.done_count,
                campaign.rejected_count,
            ),
            (1, 0, 0, 0, 1),
        )

    def test_close_posts_the_summary_and_cancels_drafts(self):
        campaign = self.open_campaign()
        mine = campaign.evaluation_ids.filtered(lambda e: e.employee_id == self.engineer)
        mine.with_user(self.candidate_user).action_submit()
        campaign.with_user(self.hr_officer).action_close()
        self.assertEqual(campaign.state, "closed")
        self.assertEqual(mine.state, "submitted")
        other = campaign.evaluation_ids - mine
        self.assertEqual(other.state, "cancel")
        body = campaign.message_ids[0].body
        self.assertIn("Campaign closed: 2 evaluations (In Approval 1, Cancelled 1).", body)
        self.assertIn("Intermediate Engineer: In Approval 1.", body)
        self.assertIn("Senior Engineer: Cancelled 1.", body)
        self.assertIn(f"1 evaluations still in draft were cancelled: {other.name}.", body)
        with self.assertRefused(UserError, "not possible now"):
            campaign.with_user(self.hr_officer).action_close()

    def test_close_can_keep_the_drafts(self):
        campaign = self.open_campaign()
        campaign.cancel_drafts_on_close = False
        campaign.with_user(self.hr_officer).action_close()
        self.assertEqual(set(campaign.evaluation_ids.mapped("state")), {"draft"})
        self.assertNotIn("were cancelled", campaign.message_ids[0].body)

    def reminders(self, partner):
        return self.env["mail.message"].search(
            [("partner_ids", "in", partner.ids), ("subject", "ilike", "Reminder")]
        )

    def test_cron_reminds_overdue_approvers_once_a_day(self):
        campaign = self.open_campaign()
        mine = campaign.evaluation_ids.filtered(lambda e: e.employee_id == self.engineer)
        mine.with_user(self.candidate_user).action_submit()
        approval = mine.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(APPROVAL_ACTIVITY)
        )
        self.assertEqual(approval.user_id, self.manager_user)
        Campaign = self.env["hr.technical.grade.campaign"]
        partner = self.manager_user.partner_id
        # Not overdue yet: no reminder.
        Campaign._cron_remind()
        self.assertFalse(self.reminders(partner))
        approval.date_deadline = self.today - timedelta(days=2)
        Campaign._cron_remind()
        sent = self.reminders(partner)
        self.assertEqual(len(sent), 1)
        self.assertIn(mine.name, sent.subject)
        self.assertEqual(approval.technical_grade_reminded_on, self.today)
        # Once a day: a second run on the same day says nothing more.
        Campaign._cron_remind()
        self.assertEqual(len(self.reminders(partner)), 1)
        # The next day, it reminds again.
        approval.technical_grade_reminded_on = self.today - timedelta(days=1)
        Campaign._cron_remind()
        self.assertEqual(len(self.reminders(partner)), 2)
        # A decided step is no longer reminded.
        mine.with_user(self.manager_user).action_approve()
        Campaign._cron_remind()
        self.assertEqual(len(self.reminders(partner)), 2)

    def test_an_approver_gets_one_reminder_for_all_their_overdue_approvals(self):
        campaign = self.open_campaign()
        evaluations = campaign.evaluation_ids
        mine = evaluations.filtered(lambda e: e.employee_id == self.engineer)
        mine.with_user(self.candidate_user).action_submit()
        (evaluations - mine).with_user(self.hr_officer).action_submit()
        approvals = evaluations.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(APPROVAL_ACTIVITY)
        )
        self.assertEqual((len(approvals), approvals.user_id), (2, self.manager_user))
        approvals.date_deadline = self.today - timedelta(days=2)
        Campaign = self.env["hr.technical.grade.campaign"]
        _cron, progress = self.env.ref(REMIND_CRON)._add_progress()
        Campaign.with_context(ir_cron_progress_id=progress.id)._cron_remind()
        sent = self.reminders(self.manager_user.partner_id)
        self.assertEqual(len(sent), 1)
        self.assertIn("2 approvals wait for your decision", sent.subject)
        for evaluation in evaluations:
            self.assertIn(evaluation.employee_id.name, sent.body)
        self.assertEqual((progress.done, progress.remaining), (1, 0))
        self.assertEqual(set(approvals.mapped("technical_grade_reminded_on")), {self.today})

    def test_cron_reminds_the_responsible_of_a_late_campaign(self):
        campaign = self.open_campaign()
        partner = self.hr_officer.partner_id
        Campaign = self.env["hr.technical.grade.campaign"]
        Campaign._cron_remind()
        self.assertFalse(self.reminders(partner))
        campaign.deadline = self.today - timedelta(days=1)
        Campaign._cron_remind()
        Campaign._cron_remind()
        sent = self.reminders(partner)
        self.assertEqual(len(sent), 1)
        self.assertIn("2 evaluations are still in draft or in approval", sent.body)
        campaign.with_user(self.hr_officer).action_close()
        campaign.deadline_reminded_on = self.today - timedelta(days=1)
        Campaign._cron_remind()
        self.assertEqual(len(self.reminders(partner)), 1)

    def test_campaigns_are_readable_but_only_hr_opens_them(self):
        campaign = self.open_campaign()
        engineer_view = campaign.with_user(self.candidate_user)
        self.assertEqual(engineer_view.name, "Q4 Test Campaign")
        with self.assertRefused(UserError, ""):
            engineer_view.action_close()
        user = new_test_user(self.env, login="tg_campaign_plain")
        wizard = self.env["hr.technical.grade.campaign.wizard"].with_user(user)
        with self.assertRefused(Exception, ""):
            wizard.create({"name": "x", "department_ids": [(6, 0, self.department.ids)]})

    def test_eligibility_is_read_without_a_query_per_employee(self):
        Employee = self.env["hr.employee"]
        crowd = Employee.create(
            [
                {
                    "name": f"Crowd {index:02d}",
                    "department_id": self.department.id,
                    "technical_experience_date": self.today - timedelta(days=5 * 366),
                }
                for index in range(12)
            ]
        )
        for index, employee in enumerate(crowd):
            # Half eligible juniors, half trainees too recent to be promoted.
            if index % 2:
                self.record(employee, self.junior, self.today - timedelta(days=3 * 366))
            else:
                self.record(employee, self.trainee, self.today - timedelta(days=60))
        campaign = self.env["hr.technical.grade.campaign"].create(
            {"name": "Count", "date_from": self.today, "date_to": self.today}
        )

        def queries(employees):
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            eligible, skipped = campaign._sort_out(employees, self.today)
            self.assertEqual(len(eligible) + len(skipped), len(employees))
            return self.cr.sql_log_count - before

        self.assertEqual(queries(crowd[:4]), queries(crowd))

    def test_open_button_of_a_draft_campaign_keeps_its_settings(self):
        Campaign = self.env["hr.technical.grade.campaign"].with_user(self.hr_officer)
        campaign = Campaign.create(
            {
                "name": "Drafted Campaign",
                "year": 2026,
                "date_from": "2026-10-01",
                "date_to": "2026-12-31",
                "deadline": "2026-12-15",
                "employee_ids": [(6, 0, self.engineer.ids)],
            }
        )
        self.assertEqual(campaign.state, "draft")
        action = campaign.action_open_wizard()
        wizard = (
            self.env["hr.technical.grade.campaign.wizard"]
            .with_user(self.hr_officer)
            .with_context(**action["context"])
            .create({})
        )
        wizard.action_confirm()
        self.run_opening_cron()
        self.assertEqual(campaign.state, "open")
        self.assertEqual(
            (campaign.name, str(campaign.deadline)), ("Drafted Campaign", "2026-12-15")
        )
        self.assertEqual(campaign.evaluation_ids.employee_id, self.engineer)
