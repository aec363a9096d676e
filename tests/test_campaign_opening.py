# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Opening a campaign in background batches of the cron engine (issue 16)."""

from psycopg2 import IntegrityError

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import CampaignCase

CAMPAIGN_ACTIVITY = "hr_technical_grade.mail_activity_campaign"
TEAM_ACTIVITY = "hr_technical_grade.mail_activity_campaign_team"
OPENING_CRON = "hr_technical_grade.ir_cron_open_campaigns"
PENDING = "hr.technical.grade.campaign.pending"


@tagged("post_install", "-at_install")
class TestCampaignOpening(CampaignCase):
    def confirm(self, campaign=None):
        """The wizard's confirmation alone, without running the cron."""
        vals = {"name": "Q4 Batches", "department_ids": [(6, 0, self.department.ids)]}
        if campaign:
            vals["campaign_id"] = campaign.id
        wizard = (
            self.env["hr.technical.grade.campaign.wizard"].with_user(self.hr_officer).create(vals)
        )
        action = wizard.action_confirm()
        return self.env["hr.technical.grade.campaign"].browse(action["params"]["next"]["res_id"])

    def batch(self, size=2):
        """One call of the cron, with a progress record as the engine gives it."""
        _cron, progress = self.env.ref(OPENING_CRON)._add_progress()
        Campaign = self.env["hr.technical.grade.campaign"].with_context(
            ir_cron_progress_id=progress.id
        )
        done = Campaign._cron_open_campaigns(size)
        return done, progress

    def test_the_wizard_queues_and_the_cron_opens_in_batches(self):
        triggers = self.env["ir.cron.trigger"].search_count(
            [("cron_id", "=", self.env.ref(OPENING_CRON).id)]
        )
        campaign = self.confirm()
        # The wizard returns at once: nothing sorted out yet, the cron is woken up.
        self.assertEqual((campaign.state, campaign.is_opening), ("open", True))
        self.assertFalse(campaign.evaluation_ids)
        self.assertEqual(
            self.env["ir.cron.trigger"].search_count(
                [("cron_id", "=", self.env.ref(OPENING_CRON).id)]
            ),
            triggers + 1,
        )
        officer_view = campaign.with_user(self.hr_officer)
        self.assertEqual((officer_view.opening_done_count, officer_view.opening_total), (0, 5))
        done, progress = self.batch(2)
        self.assertEqual((done, progress.done, progress.remaining), (2, 2, 3))
        campaign.invalidate_recordset()
        self.assertEqual(officer_view.opening_done_count, 2)
        self.assertAlmostEqual(officer_view.opening_progress, 40.0)
        self.assertNotIn("Campaign opened", self.chatter(campaign))
        # Closing or opening again waits for the end of the opening.
        with self.assertRefused(UserError, "still being opened"):
            officer_view.action_close()
        with self.assertRefused(UserError, "still being opened"):
            self.confirm(campaign)
        self.batch(2)
        done, progress = self.batch(2)
        self.assertEqual((done, progress.remaining), (1, 0))
        self.assertFalse(campaign.is_opening)
        self.assertEqual(campaign.evaluation_ids.employee_id, self.engineer | self.senior_candidate)
        self.assertEqual(len(campaign.skipped_ids), 3)
        self.assertEqual(set(campaign.evaluation_ids.create_uid), {self.hr_officer})
        self.assertIn(
            "2 promotion evaluations created, 3 engineers skipped", self.chatter(campaign)
        )
        # An empty queue: nothing to do.
        self.assertEqual(self.batch(2)[0], 0)

    def test_an_opener_without_e_mail_still_finishes_the_opening(self):
        """The closing message would fail without a sender address, and the
        last batch with it, on every retry: OdooBot posts it instead."""
        self.hr_officer.partner_id.email = False
        campaign = self.confirm()
        self.run_opening_cron()
        self.assertFalse(campaign.is_opening)
        message = campaign.message_ids.filtered(lambda m: "Campaign opened" in (m.body or ""))
        self.assertEqual(message.author_id, self.env.ref("base.partner_root"))

    def chatter(self, record):
        return "\n".join(record.message_ids.mapped("body"))

    def test_two_runners_and_a_retry_create_no_evaluation_twice(self):
        campaign = self.confirm()
        Campaign = self.env["hr.technical.grade.campaign"]
        # Two runners one after the other take different batches.
        self.assertEqual(Campaign._cron_open_campaigns(3), 3)
        self.assertEqual(Campaign._cron_open_campaigns(3), 2)
        created = campaign.evaluation_ids
        self.assertEqual(len(created), 2)
        # A batch retried after a crash finds the engineers it already did.
        self.env[PENDING].sudo().create(
            [{"campaign_id": campaign.id, "employee_id": e.id} for e in created.employee_id]
        )
        campaign.sudo().is_opening = True
        self.run_opening_cron()
        campaign.invalidate_recordset()
        self.assertEqual(campaign.evaluation_ids, created)
        reasons = set(campaign.skipped_ids.mapped("reason"))
        self.assertIn("already has an evaluation in this campaign", reasons)
        # The database holds one evaluation per employee and campaign, even
        # beside an applied one (which no open-request check sees).
        first = created.filtered(lambda e: e.employee_id == self.engineer)
        self.env.cr.execute(
            "UPDATE hr_technical_grade_evaluation SET state = 'done' WHERE id = %s", first.ids
        )
        self.env.invalidate_all()
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaisesRegex(IntegrityError, "one_evaluation_per_campaign"),
            self.env.cr.savepoint(),
        ):
            self.env["hr.technical.grade.evaluation"].create(
                {"employee_id": self.engineer.id, "kind": "promotion", "campaign_id": campaign.id}
            )
            self.env.flush_all()

    def test_one_activity_per_candidate_and_one_per_manager(self):
        self.senior_candidate.user_id = self.env["res.users"].create(
            {"name": "Senior Candidate", "login": "tg_opening_senior"}
        )
        campaign = self.open_campaign()
        evaluations = campaign.evaluation_ids
        candidates = evaluations.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(CAMPAIGN_ACTIVITY)
        )
        self.assertEqual(len(candidates), 2)
        self.assertEqual(candidates.user_id, evaluations.employee_id.user_id)
        team = campaign.activity_ids
        self.assertEqual(len(team), 1)
        self.assertEqual(
            (team.activity_type_id, team.user_id),
            (
                self.env.ref(TEAM_ACTIVITY),
                self.manager_user,
            ),
        )
        # No assignment message per activity by default.
        notified = self.env["mail.message"].search(
            [
                ("model", "=", "hr.technical.grade.evaluation"),
                ("res_id", "in", evaluations.ids),
                ("partner_ids", "in", self.candidate_user.partner_id.ids),
            ]
        )
        self.assertFalse(notified)
        # A candidate who submits leaves the manager's list; the last one ends it.
        mine = evaluations.filtered(lambda e: e.employee_id == self.engineer)
        mine.with_user(self.candidate_user).action_submit()
        self.assertIn("1 candidates in your team", team.summary)
        self.assertNotIn("Test Engineer", team.note)
        applied = mine.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(CAMPAIGN_ACTIVITY)
        )
        self.assertFalse(applied)
        campaign.with_user(self.hr_officer).action_close()
        self.assertFalse(campaign.activity_ids)

    def test_the_company_may_ask_for_an_e_mail_per_activity(self):
        self.company.technical_grade_activity_mail = True
        campaign = self.open_campaign()
        mine = campaign.evaluation_ids.filtered(lambda e: e.employee_id == self.engineer)
        notified = self.env["mail.message"].search(
            [
                ("model", "=", "hr.technical.grade.evaluation"),
                ("res_id", "=", mine.id),
                ("partner_ids", "in", self.candidate_user.partner_id.ids),
            ]
        )
        self.assertEqual(len(notified), 1)
