# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Regression tests of the security review 2026-11: confidentiality and the
committee scoring race (defects 4, 5, 13 and 16)."""

import unittest
from datetime import date, timedelta

from psycopg2 import errors as pg_errors

from odoo import SUPERUSER_ID, api
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger
from odoo.tools.misc import format_date

from .common import CampaignCase, TechnicalGradeCase, force_state, form_ratings

CAMPAIGN = "hr.technical.grade.campaign"
SKIPPED = "hr.technical.grade.campaign.skipped"
COST_FIELDS = [
    "employee_id",
    "department_id",
    "current_grade_id",
    "target_grade_id",
    "old_total",
    "new_total",
]


@tagged("post_install", "-at_install")
class TestCampaignChatterConfidentiality(CampaignCase):
    """Defect 4: the opening summary names nobody's standing; HR reads the
    skipped engineers and their reasons on the campaign."""

    def chatter_read_by(self, user, campaign):
        messages = (
            self.env["mail.message"]
            .with_user(user)
            .search_read([("model", "=", CAMPAIGN), ("res_id", "=", campaign.id)], ["body"])
        )
        return "\n".join(message["body"] for message in messages)

    def test_opening_summary_tells_counts_not_standings(self):
        campaign = self.open_campaign()
        body = self.chatter_read_by(self.candidate_user, campaign)
        for name in ("Test Colleague", "Top Expert", "Busy Engineer", "Senior Candidate"):
            self.assertNotIn(name, body)
        for standing in ("are required", "top of the ladder", "in progress"):
            self.assertNotIn(standing, body)
        self.assertIn("2 promotion evaluations created, 3 engineers skipped", body)
        self.assertIn("Without a user, not told by activity: 1 candidates.", body)

    def test_hr_reads_the_skipped_engineers_and_why(self):
        campaign = self.open_campaign().with_user(self.hr_officer)
        reasons = {line.employee_id: line.reason for line in campaign.skipped_ids}
        self.assertEqual(set(reasons), {self.colleague, self.top, self.busy})
        self.assertIn("12 months in the current grade are required", reasons[self.colleague])
        self.assertIn("is at the top of the ladder", reasons[self.top])
        self.assertEqual(reasons[self.busy], "has a promotion request in progress")
        self.assertEqual(set(campaign.skipped_ids.mapped("date")), {self.today})
        self.assertEqual(campaign.untold_employee_ids, self.senior_candidate)

    def test_employees_and_managers_cannot_read_the_skipped_engineers(self):
        campaign = self.open_campaign()
        for user in (self.candidate_user, self.manager_user, self.head_user):
            with self.assertRaises(AccessError):
                campaign.with_user(user).read(["skipped_ids"])
            with self.assertRaises(AccessError):
                campaign.with_user(user).read(["untold_employee_ids"])
            with self.assertRaises(AccessError):
                self.env[SKIPPED].with_user(user).search_read([], ["employee_id", "reason"])
            # The campaign itself stays public.
            self.assertEqual(campaign.with_user(user).read(["name"])[0]["name"], campaign.name)

    def test_nobody_writes_the_skipped_engineers(self):
        campaign = self.open_campaign()
        lines = campaign.skipped_ids
        before = lines.read(["employee_id", "reason"])
        Skipped = self.env[SKIPPED].with_user(self.hr_officer)
        with self.assertRefused(AccessError, "not allowed to create"):
            Skipped.create(
                {
                    "campaign_id": campaign.id,
                    "employee_id": self.engineer.id,
                    "reason": "forged",
                    "date": self.today,
                }
            )
        with self.assertRefused(AccessError, "not allowed to modify"):
            lines[0].with_user(self.hr_officer).write({"reason": "forged"})
        with self.assertRefused(AccessError, "not allowed to delete"):
            lines.with_user(self.hr_officer).unlink()
        self.assertEqual(campaign.skipped_ids.read(["employee_id", "reason"]), before)


@tagged("post_install", "-at_install")
class TestCampaignCostConfidentiality(CampaignCase):
    """Defect 5: an approver reads the cost of the evaluations they approve,
    never the other teams' grades and wages."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_team = cls.env["hr.employee"].create(
            {
                "name": "Other Team Trainee",
                "department_id": cls.elsewhere.id,
                "technical_experience_date": cls.today - timedelta(days=3 * 366),
            }
        )
        cls.record(cls.other_team, cls.trainee, cls.today - timedelta(days=2 * 366))
        cls.payroll_user = new_test_user(
            cls.env, login="tg_conf_payroll", groups="base.group_user,payroll.group_payroll_user"
        )

    def setUp(self):
        super().setUp()
        self.campaign = self.open_campaign(
            employee_ids=[(6, 0, (self.other_team | self.outsider).ids)]
        )
        by_employee = {e.employee_id: e for e in self.campaign.evaluation_ids}
        # Junior -> intermediate, submitted: the direct superior approves step 1.
        self.mine = by_employee[self.engineer]
        self.mine.with_user(self.candidate_user).action_submit()
        # Pending promotions the manager does not approve, one in another team.
        force_state(by_employee[self.senior_candidate], "approved")
        self.theirs = by_employee[self.other_team]
        force_state(self.theirs, "submitted")

    def test_approver_reads_only_the_rows_they_approve(self):
        self.assertIn(self.manager_user, self.mine.approval_ids.approver_ids)
        Cost = self.env["hr.technical.grade.campaign.cost"].with_user(self.manager_user)
        rows = Cost.search_read([], COST_FIELDS)
        self.assertEqual([row["employee_id"][0] for row in rows], self.engineer.ids)
        self.assertEqual((rows[0]["old_total"], rows[0]["new_total"]), (2800, 3900))
        with self.assertRaises(AccessError):
            Cost.browse(self.theirs.id).read(COST_FIELDS)

    def test_approver_totals_leave_out_the_other_teams(self):
        [totals] = self.campaign.with_user(self.manager_user).read(
            ["can_see_cost", "cost_old_total", "cost_new_total", "cost_difference"]
        )
        self.assertTrue(totals["can_see_cost"])
        self.assertEqual(
            (totals["cost_old_total"], totals["cost_new_total"], totals["cost_difference"]),
            (2800, 3900, 1100),
        )

    def test_hr_and_payroll_still_read_the_whole_campaign(self):
        for user in (self.hr_officer, self.payroll_user):
            rows = self.env["hr.technical.grade.campaign.cost"].with_user(user).search([])
            self.assertEqual(
                rows.filtered(lambda r: r.campaign_id == self.campaign).employee_id,
                self.engineer | self.senior_candidate | self.other_team,
            )
            campaign = self.campaign.with_user(user)
            self.assertEqual(campaign.cost_difference, 1100 + 1600 + 700)


@tagged("post_install", "-at_install")
class TestPrintedFormsConfidentiality(TechnicalGradeCase):
    """Defect 13: the HR-only experience date prints for HR only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = date.today()
        cls.lead_user = cls.user("tg_conf_lead", "hr_technical_grade.group_technical_grade_manager")
        cls.vp_user = cls.user("tg_conf_vp")
        lead = cls.env["hr.employee"].create({"name": "Report Lead", "user_id": cls.lead_user.id})
        cls.experience_date = today - timedelta(days=10 * 366)
        cls.engineer.write({"parent_id": lead.id, "technical_experience_date": cls.experience_date})
        cls.record(cls.engineer, cls.junior, today - timedelta(days=4 * 365))
        steps = cls.env["hr.technical.grade.approval.step"].search([])
        steps.active = False
        steps.create({"name": "VP review", "approver_type": "users", "user_ids": cls.vp_user.ids})
        Evaluation = cls.env["hr.technical.grade.evaluation"].with_user(cls.hr_officer)
        cls.evaluation = Evaluation.create({"employee_id": cls.engineer.id, "kind": "promotion"})
        levels = cls.evaluation.template_id.level_ids
        cls.evaluation.line_ids.write({"level_id": levels[0].id})
        cls.evaluation.write(
            {"theory_score": 88, "practical_score": 76, "teaching_score": 90, "scored": True}
        )
        cls.evaluation.action_submit()

    def html(self, user, xmlid):
        report = self.env.ref(f"hr_technical_grade.{xmlid}")
        content, _kind = (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render_qweb_html(report.report_name, self.evaluation.ids)
        )
        return content.decode()

    def printed_dates(self, user):
        return (
            format_date(self.env(user=user), self.experience_date),
            self.experience_date.isoformat(),
        )

    def test_team_manager_and_approver_do_not_get_the_date(self):
        for user in (self.lead_user, self.vp_user):
            # Read directly, the field is refused.
            with self.assertRaises(AccessError):
                self.engineer.with_user(user).read(["technical_experience_date"])
            for xmlid in (
                "action_report_evaluation_promotion",
                "action_report_evaluation_application",
                "action_report_evaluation_assessment",
            ):
                html = self.html(user, xmlid)
                self.assertIn("Experience Since", html)
                self.assertIn(self.engineer.name, html)
                for printed in self.printed_dates(user):
                    self.assertNotIn(printed, html, f"{xmlid} printed for {user.login}")

    def test_hr_gets_the_date(self):
        html = self.html(self.hr_officer, "action_report_evaluation_promotion")
        self.assertIn(self.printed_dates(self.hr_officer)[0], html)


@tagged("post_install", "-at_install")
class TestCommitteeScoringRace(TechnicalGradeCase):
    """Defect 16: the last two members scoring at the same moment close the
    scoring.

    Other transactions see committed rows only: the evaluation is committed
    in its own cursor (and removed afterwards), with the demo committee.
    """

    MEMBERS = {
        "user_hr_vp": 70,
        "user_service_head": 80,
        "user_general_manager": 60,
        "user_marketing_vp": 90,
    }

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env.ref("hr_technical_grade.user_general_manager", raise_if_not_found=False):
            raise unittest.SkipTest("installed without demo data (the committee's users)")
        cls.members = {
            xmlid: cls.env.ref(f"hr_technical_grade.{xmlid}").id for xmlid in cls.MEMBERS
        }

    def committed_cursor(self):
        cr = self.registry.cursor()
        cr.execute("SET LOCAL lock_timeout = '30s'")
        return cr

    def commit_scoring_evaluation(self):
        """An evaluation in committee scoring: two members scored, two pending.

        Returns its id and the pending members' score wizards, all committed.
        """
        with self.committed_cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            employee = env["hr.employee"].create({"name": "Race Candidate"})
            evaluation = env["hr.technical.grade.evaluation"].create(
                {
                    "employee_id": employee.id,
                    "kind": "initial",
                    "initial_reason": "probation",
                    "target_grade_id": self.junior.id,
                }
            )
            force_state(evaluation, "submitted")
            committee_round = env["hr.technical.grade.committee.round"].create(
                {
                    "evaluation_id": evaluation.id,
                    "committee_id": evaluation.committee_id.id,
                    "state": "scoring",
                }
            )
            evaluation.committee_round_id = committee_round
            env["hr.technical.grade.evaluation.score"].create(
                [
                    {
                        "round_id": committee_round.id,
                        "member_id": self.members[xmlid],
                        "state": "pending",
                    }
                    for xmlid in self.MEMBERS
                ]
            )
            for xmlid in ("user_hr_vp", "user_service_head"):
                score = self.MEMBERS[xmlid]
                evaluation.with_user(self.members[xmlid])._record_member_score(
                    {"theory": score, "practical": score, "teaching": score},
                    ratings=form_ratings(evaluation),
                )
            wizards = {}
            for xmlid in ("user_general_manager", "user_marketing_vp"):
                wizard = (
                    env["hr.technical.grade.score.wizard"]
                    .with_user(self.members[xmlid])
                    .create(
                        {
                            "evaluation_id": evaluation.id,
                            "theory_score": self.MEMBERS[xmlid],
                            "practical_score": self.MEMBERS[xmlid],
                            "teaching_score": self.MEMBERS[xmlid],
                        }
                    )
                )
                for line in wizard.line_ids:
                    line.level_id = form_ratings(evaluation)[line.criterion_id.id]
                wizards[xmlid] = wizard.id
            evaluation_id, employee_id = evaluation.id, employee.id
        self.addCleanup(self.remove_committed, evaluation_id, employee_id)
        return evaluation_id, wizards

    def remove_committed(self, evaluation_id, employee_id):
        with self.committed_cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            evaluation = env["hr.technical.grade.evaluation"].browse(evaluation_id)
            force_state(evaluation, "cancel")
            evaluation.unlink()
            env["hr.employee"].browse(employee_id).unlink()

    def committed_state(self, evaluation_id):
        with self.committed_cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            evaluation = env["hr.technical.grade.evaluation"].browse(evaluation_id)
            scoring_closed = env["mail.message"].search_count(
                [
                    ("model", "=", evaluation._name),
                    ("res_id", "=", evaluation_id),
                    ("body", "ilike", "Scoring closed"),
                ]
            )
            return (
                evaluation.committee_state,
                evaluation.theory_score,
                sorted(evaluation.score_ids.mapped("state")),
                scoring_closed,
            )

    @mute_logger("odoo.sql_db")
    def test_a_member_scoring_locks_the_evaluation(self):
        evaluation_id, wizards = self.commit_scoring_evaluation()
        scoring = self.committed_cursor()
        try:
            env = api.Environment(scoring, self.members["user_marketing_vp"], {})
            env["hr.technical.grade.score.wizard"].browse(
                wizards["user_marketing_vp"]
            ).action_score()
            env.flush_all()
            other = self.committed_cursor()
            try:
                with self.assertRaises(pg_errors.LockNotAvailable):
                    other.execute(
                        "SELECT id FROM hr_technical_grade_evaluation"
                        " WHERE id = %s FOR UPDATE NOWAIT",
                        [evaluation_id],
                    )
            finally:
                other.rollback()
                other.close()
        finally:
            scoring.rollback()
            scoring.close()
        # Nothing was kept of the scoring rolled back; the last two close it.
        self.assertEqual(self.committed_state(evaluation_id)[0], "scoring")
        for xmlid in ("user_marketing_vp", "user_general_manager"):
            with self.committed_cursor() as cr:
                env = api.Environment(cr, self.members[xmlid], {})
                env["hr.technical.grade.score.wizard"].browse(wizards[xmlid]).action_score()
        self.assertEqual(
            self.committed_state(evaluation_id),
            ("closed", 75.0, ["scored"] * 4, 1),
        )
