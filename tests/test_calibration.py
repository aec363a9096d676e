# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The calibration of a campaign (公平、公正、公开): the table per target grade and
department, its flags, the committee's adjustments with their reasons, the
signed lock, who may read and adjust, and the minutes."""

from datetime import timedelta

from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import tagged

from .common import CampaignCase, form_ratings, load_chinese

COMMITTEE = "base.group_user,hr_technical_grade.group_technical_grade_committee"


@tagged("post_install", "-at_install")
class TestCalibration(CampaignCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The committee is the only step: its chair signs the results.
        steps = cls.env["hr.technical.grade.approval.step"].search([])
        steps.filtered(lambda s: s.approver_type != "committee").active = False
        cls.chair = cls.user("tg_cal_chair")
        cls.member = cls.user("tg_cal_member")
        # On the committee group, not on this committee.
        cls.stranger = cls.user("tg_cal_stranger", COMMITTEE)
        cls.committee = cls.env.ref("hr_technical_grade.committee_default")
        cls.committee.write(
            {
                "member_ids": [Command.set((cls.chair | cls.member).ids)],
                "chair_id": cls.chair.id,
                "quorum": 2,
            }
        )
        cls.company.write(
            {
                "technical_grade_notice_days": 0,
                "technical_grade_calibration_outlier_points": 10.0,
                "technical_grade_calibration_max_pass_rate": 0.0,
            }
        )
        cls.rival = cls.env["hr.employee"].create(
            {
                "name": "Rival Engineer",
                "department_id": cls.department.id,
                "parent_id": cls.manager.id,
                "technical_experience_date": cls.today - timedelta(days=10 * 366),
            }
        )
        cls.record(cls.rival, cls.junior, cls.today - timedelta(days=4 * 366))

    def setUp(self):
        super().setUp()
        self.campaign = self.open_campaign(
            department_ids=[(6, 0, (self.department | self.elsewhere).ids)]
        )
        by_employee = {e.employee_id: e for e in self.campaign.evaluation_ids}
        # To intermediate: two of the department, one of elsewhere.
        self.mine = by_employee[self.engineer]
        self.theirs = by_employee[self.rival]
        self.far = by_employee[self.outsider]
        self.senior_one = by_employee[self.senior_candidate]
        self.closed(self.mine, 95)
        self.closed(self.theirs, 90)
        self.closed(self.far, 40, best=False)

    def closed(self, evaluation, mark, best=True):
        """Submitted and scored by both members: the scoring is closed, not signed."""
        evaluation.with_user(self.hr_officer).action_submit()
        for user in (self.chair, self.member):
            evaluation.with_user(user)._record_member_score(
                {"theory": mark, "practical": mark, "teaching": mark},
                ratings=form_ratings(evaluation, best=best),
            )
        self.assertEqual(evaluation.committee_state, "closed")
        return evaluation

    def lines(self, user=None):
        campaign = self.campaign.with_user(user or self.member)
        self.env.invalidate_all()
        return {
            (line.target_grade_id, line.department_id): line
            for line in campaign.calibration_line_ids
        }

    def adjust(self, evaluation, user=None, reason="Second look at the case study.", **vals):
        vals = {"kind": "result", **vals}
        wizard = (
            self.env["hr.technical.grade.calibration.wizard"]
            .with_user(user or self.member)
            .create(
                {
                    "campaign_id": self.campaign.id,
                    "evaluation_id": evaluation.id,
                    "reason": reason,
                    **vals,
                }
            )
        )
        return wizard.action_adjust()

    def sign(self, evaluation, **vals):
        wizard = (
            self.env["hr.technical.grade.committee.sign.wizard"]
            .with_user(self.chair)
            .create({"evaluation_id": evaluation.id, "opinion": "As calibrated.", **vals})
        )
        return wizard, wizard.action_sign

    # ------------------------------------------------------------------
    # The table and its flags
    # ------------------------------------------------------------------

    def test_scores_and_results_per_target_grade_and_department(self):
        scores = [self.mine.final_score, self.theirs.final_score]
        self.assertGreaterEqual(min(scores), self.company.technical_grade_pass_mark)
        self.assertLess(self.far.final_score, self.company.technical_grade_pass_mark)
        # Before the signature the results are pending; the table counts the pass mark.
        self.assertEqual(self.mine.result, "pending")
        lines = self.lines()
        ours = lines[self.intermediate, self.department]
        self.assertEqual(
            (ours.candidate_count, ours.scored_count, ours.passed_count, ours.failed_count),
            (2, 2, 2, 0),
        )
        self.assertAlmostEqual(ours.score_mean, round(sum(scores) / 2, 2), places=2)
        self.assertEqual((ours.score_min, ours.score_max), (min(scores), max(scores)))
        self.assertEqual(ours.pass_rate, 100.0)
        theirs = lines[self.intermediate, self.elsewhere]
        self.assertEqual(
            (theirs.candidate_count, theirs.passed_count, theirs.failed_count), (1, 0, 1)
        )
        self.assertEqual((theirs.pass_rate, ours.grade_pass_rate), (0.0, 66.67))
        self.assertEqual((ours.grade_candidate_count, ours.grade_passed_count), (3, 2))
        # The senior candidate, not submitted: counted, not scored.
        senior = lines[self.senior, self.department]
        self.assertEqual((senior.candidate_count, senior.scored_count), (1, 0))
        self.assertFalse(senior.is_outlier)

    def test_a_department_far_above_the_others_is_flagged(self):
        lines = self.lines()
        ours = lines[self.intermediate, self.department]
        theirs = lines[self.intermediate, self.elsewhere]
        self.assertAlmostEqual(ours.others_mean, self.far.final_score, places=2)
        self.assertAlmostEqual(ours.score_gap, ours.score_mean - self.far.final_score, places=2)
        self.assertGreater(ours.score_gap, 10)
        self.assertTrue(ours.is_outlier)
        self.assertFalse(theirs.is_outlier)
        # A gap larger than the difference: nobody is flagged.
        self.company.technical_grade_calibration_outlier_points = ours.score_gap + 1
        self.assertFalse(self.lines()[self.intermediate, self.department].is_outlier)

    def test_the_guideline_quota_and_pass_rate(self):
        self.assertFalse(any(line.guideline_breach for line in self.lines().values()))
        quota = self.env["hr.technical.grade.campaign.quota"].create(
            {"campaign_id": self.campaign.id, "grade_id": self.intermediate.id, "quota": 1}
        )
        lines = self.lines()
        # Two passed for a quota of one: every department of the grade shows it.
        self.assertTrue(lines[self.intermediate, self.department].guideline_breach)
        self.assertTrue(lines[self.intermediate, self.elsewhere].guideline_breach)
        self.assertEqual(lines[self.intermediate, self.elsewhere].quota, 1)
        self.assertFalse(lines[self.senior, self.department].guideline_breach)
        quota.quota = 2
        self.assertFalse(self.lines()[self.intermediate, self.department].guideline_breach)
        # The company's maximum rate: two of three passed is 66.67 %.
        self.company.technical_grade_calibration_max_pass_rate = 50
        self.assertTrue(self.lines()[self.intermediate, self.department].guideline_breach)
        self.company.technical_grade_calibration_max_pass_rate = 70
        self.assertFalse(self.lines()[self.intermediate, self.department].guideline_breach)

    # ------------------------------------------------------------------
    # Adjustments
    # ------------------------------------------------------------------

    def test_an_adjustment_needs_a_reason(self):
        for reason in ("", "   "):
            with self.assertRefused(UserError, "Say why the result is adjusted"):
                self.adjust(self.far, reason=reason, new_result="passed")
        self.assertFalse(self.far.calibration_adjustment_ids)
        self.assertEqual(self.far.result, "pending")

    def test_an_adjusted_result_is_recorded_on_both_sides_and_used_downstream(self):
        self.adjust(self.far, new_result="passed", reason="Exam room power cut.")
        self.assertEqual((self.far.result, self.far.calibrated_result), ("passed", "passed"))
        adjustment = self.far.calibration_adjustment_ids
        self.assertEqual(len(adjustment), 1)
        self.assertEqual(self.campaign.calibration_adjustment_ids, adjustment)
        self.assertEqual(
            (
                adjustment.kind,
                adjustment.old_result,
                adjustment.new_result,
                adjustment.user_id,
                adjustment.reason,
            ),
            ("result", "pending", "passed", self.member, "Exam room power cut."),
        )
        self.assertEqual(adjustment.change, "Pending → Passed")
        # Both chatters: the candidate's with the reason, the campaign's (read by
        # every employee) without the candidate nor the reason.
        self.env.flush_all()
        self.assertTrue(
            any("Exam room power cut." in str(body) for body in self.far.message_ids.mapped("body"))
        )
        notes = [str(body) for body in self.campaign.message_ids.mapped("body")]
        self.assertTrue(any("Calibration" in note for note in notes))
        self.assertFalse(any(self.outsider.name in note for note in notes))
        self.assertFalse(any("power cut" in note for note in notes))
        # The table counts it.
        theirs = self.lines()[self.intermediate, self.elsewhere]
        self.assertEqual((theirs.passed_count, theirs.adjusted_count), (1, 1))
        # The chair's signature starts from the calibrated result, below the pass mark.
        wizard, sign = self.sign(self.far)
        self.assertEqual(wizard.decision, "passed")
        sign()
        self.assertEqual((self.far.state, self.far.result), ("approved", "passed"))

    def test_an_adjusted_score_changes_the_final_score(self):
        self.adjust(self.mine, kind="score", new_score=55.0, reason="Form over-rated.")
        self.assertEqual(self.mine.final_score, 55.0)
        adjustment = self.mine.calibration_adjustment_ids
        self.assertEqual((adjustment.kind, adjustment.new_score), ("score", 55.0))
        self.assertGreater(adjustment.old_score, 55.0)
        ours = self.lines()[self.intermediate, self.department]
        self.assertEqual((ours.passed_count, ours.failed_count, ours.score_min), (1, 1, 55.0))
        wizard, sign = self.sign(self.mine)
        self.assertEqual(wizard.decision, "failed")
        sign()
        self.assertEqual((self.mine.state, self.mine.result), ("rejected", "failed"))
        with self.assertRefused(UserError, "from 0 to 100"):
            self.adjust(self.theirs, kind="score", new_score=101.0)

    def test_no_adjustment_once_signed(self):
        _wizard, sign = self.sign(self.mine)
        sign()
        self.assertEqual(self.mine.committee_state, "signed")
        with self.assertRefused(UserError, "stay as signed"):
            self.adjust(self.mine, new_result="failed")
        self.assertEqual(self.mine.result, "passed")
        self.assertFalse(self.mine.calibration_adjustment_ids)
        # Nor in a closed campaign.
        self.campaign.with_user(self.hr_officer).action_close()
        with self.assertRefused(UserError, "the calibration is over"):
            self.adjust(self.far, new_result="passed")

    # ------------------------------------------------------------------
    # Access
    # ------------------------------------------------------------------

    def test_engineers_and_non_members_neither_read_nor_adjust(self):
        Line = self.env["hr.technical.grade.calibration.line"]
        Adjustment = self.env["hr.technical.grade.calibration.adjustment"]
        self.adjust(self.far, new_result="passed")
        for user in (self.candidate_user, self.manager_user):
            with self.assertRefused(AccessError, ""):
                Line.with_user(user).search([])
            with self.assertRefused(AccessError, ""):
                Adjustment.with_user(user).search([])
            with self.assertRefused(AccessError, ""):
                self.campaign.with_user(user).calibration_line_ids  # noqa: B018
            with self.assertRefused(AccessError, ""):
                self.adjust(self.mine, user=user, new_result="failed")
        # HR and a committee member elsewhere read the table, and cannot adjust.
        for user in (self.hr_officer, self.stranger):
            self.assertTrue(self.lines(user))
            self.assertEqual(Adjustment.with_user(user).search([]).evaluation_id, self.far)
        with self.assertRefused(AccessError, ""):
            self.adjust(self.mine, user=self.hr_officer, new_result="failed")
        with self.assertRefused(AccessError, "Only the members of the committee"):
            self.adjust(self.mine, user=self.stranger, new_result="failed")
        # Nobody writes the calibration past the adjustment, HR included.
        with self.assertRefused(AccessError, "change through its actions only"):
            self.mine.with_user(self.hr_officer).write({"calibrated_result": "failed"})
        with self.assertRefused(AccessError, "recorded by the committee's Adjust action only"):
            Adjustment.with_user(self.member).create(
                {
                    "campaign_id": self.campaign.id,
                    "evaluation_id": self.mine.id,
                    "kind": "result",
                    "reason": "x",
                    "user_id": self.member.id,
                    "date": "2026-11-16 09:00:00",
                }
            )
        self.assertEqual(self.mine.result, "pending")

    def test_a_window_stays_on_its_candidate_and_drafts_are_not_calibrated(self):
        # Probe 2026-12: a wizard created on one candidate, then turned on
        # another (a draft the member may not even read), adjusted that one.
        draft = self.senior_one
        self.assertEqual(draft.state, "draft")
        for model, vals in (
            (
                "hr.technical.grade.calibration.wizard",
                {
                    "campaign_id": self.campaign.id,
                    "kind": "score",
                    "new_score": 100,
                    "reason": "swap",
                },
            ),
            ("hr.technical.grade.score.wizard", {}),
            ("hr.technical.grade.committee.sign.wizard", {"opinion": "swap"}),
        ):
            user = self.chair if "sign" in model else self.member
            wizard = self.env[model].with_user(user).create({"evaluation_id": self.mine.id, **vals})
            with self.subTest(model=model), self.assertRefused(AccessError, "was opened on"):
                wizard.write({"evaluation_id": draft.id})
            self.assertEqual(wizard.evaluation_id, self.mine)
        # A draft is not before the committee: nothing to calibrate.
        with self.assertRefused(AccessError, "top-secret"):
            self.adjust(draft, kind="score", new_score=100)
        with self.assertRefused(UserError, "not before the committee"):
            self.env["hr.technical.grade.calibration.adjustment"].with_user(self.member)._adjust(
                draft, "score", 100, "A draft has no committee result yet."
            )
        self.assertFalse(draft.has_calibrated_score)
        self.assertFalse(draft.calibration_adjustment_ids)

    def test_a_member_excused_from_the_candidate_does_not_adjust(self):
        # The candidates' manager joins the committee: excused from judging his team.
        self.committee.member_ids = [Command.link(self.manager_user.id)]
        with self.assertRefused(AccessError, "excused from judging"):
            self.adjust(self.mine, user=self.manager_user, new_result="failed")

    # ------------------------------------------------------------------
    # The minutes
    # ------------------------------------------------------------------

    def test_the_minutes_list_the_table_and_every_change(self):
        self.adjust(self.far, new_result="passed", reason="Exam room power cut.")
        self.adjust(self.mine, kind="score", new_score=88.5, reason="Recount of the theory.")
        report = self.env.ref("hr_technical_grade.action_report_campaign_calibration")
        html = (
            report.with_user(self.member)
            ._render_qweb_html(report.report_name, self.campaign.ids)[0]
            .decode()
        )
        self.assertIn("Minutes of the Calibration Meeting", html)
        for text in (
            "Exam room power cut.",
            "Recount of the theory.",
            "Pending → Passed",
            "88.50",
            self.member.name,
            self.outsider.name,
            self.elsewhere.name,
            "Outlier",
            self.chair.name,
        ):
            self.assertIn(text, html)
        self.assertNotIn("Decisions Against the Scores", html)
        # A signature against the scores is in the minutes, with its reason.
        wizard, action_sign = self.sign(self.theirs)
        self.assertEqual(wizard.decision, "passed")
        wizard.decision = "failed"
        with self.assertRefused(UserError, "only with a written reason"):
            action_sign()
        wizard.decision_reason = "Failed on the interview, whatever the written test."
        action_sign()
        html = (
            report.with_user(self.member)
            ._render_qweb_html(report.report_name, self.campaign.ids)[0]
            .decode()
        )
        self.assertIn("Decisions Against the Scores", html)
        self.assertIn("Failed on the interview, whatever the written test.", html)
        # In the reader's language.
        load_chinese(self.env)
        self.member.lang = "zh_CN"
        html = (
            report.with_user(self.member)
            .with_context(lang="zh_CN")
            ._render_qweb_html(report.report_name, self.campaign.ids)[0]
            .decode()
        )
        self.assertIn("Exam room power cut.", html)
        self.assertIn("通过", html)  # the result "Passed"
        # Engineers do not print it.
        with self.assertRefused(AccessError, ""):
            report.with_user(self.candidate_user)._render_qweb_html(
                report.report_name, self.campaign.ids
            )
