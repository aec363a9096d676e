# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import date, timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from .common import CommitteeCase, form_ratings


@tagged("post_install", "-at_install")
class TestCommittee(CommitteeCase):
    """The committee scores independently, its chair signs, the notice is public."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        user = cls.user
        cls.candidate_user = user(
            "tg_com_candidate", "hr_technical_grade.group_technical_grade_user"
        )
        cls.chair = user("tg_com_chair")
        cls.member_b = user("tg_com_b")
        cls.member_c = user("tg_com_c")
        cls.superior_user = user("tg_com_superior")
        cls.peer_user = user("tg_com_peer")
        cls.outsider = user("tg_com_outsider")
        Employee = cls.env["hr.employee"]
        superior = Employee.create({"name": "Superior", "user_id": cls.superior_user.id})
        cls.engineer.write({"user_id": cls.candidate_user.id, "parent_id": superior.id})
        Employee.create({"name": "Peer", "user_id": cls.peer_user.id, "parent_id": superior.id})
        cls.committee.write(
            {
                "member_ids": [Command.set((cls.chair | cls.member_b | cls.member_c).ids)],
                "chair_id": cls.chair.id,
                "quorum": 2,
            }
        )

    def scores_seen_by(self, user, evaluation):
        return (
            self.env["hr.technical.grade.evaluation.score"]
            .with_user(user)
            .search([("evaluation_id", "=", evaluation.id), ("state", "=", "scored")])
            .member_id
        )

    def score(self, evaluation, user, theory, practical=80, teaching=70):
        evaluation.with_user(user)._record_member_score(
            {"theory": theory, "practical": practical, "teaching": teaching},
            ratings=form_ratings(evaluation),
        )

    def scoring_inbox(self, evaluation):
        activity_type = self.env.ref("hr_technical_grade.mail_activity_evaluation_scoring")
        return evaluation.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        ).user_id

    def test_members_score_independently_and_the_mean_counts(self):
        evaluation = self.before_committee()
        self.assertEqual(evaluation.committee_state, "scoring")
        self.assertEqual(self.scoring_inbox(evaluation), self.chair | self.member_b | self.member_c)
        self.assertTrue(evaluation.with_user(self.member_b).can_score)
        # Members score; only the applicant and HR may withdraw.
        self.assertFalse(evaluation.with_user(self.member_b).is_requester)
        self.assertTrue(evaluation.with_user(self.candidate_user).is_requester)
        self.score(evaluation, self.chair, 90)
        self.score(evaluation, self.member_b, 70)
        self.assertEqual(self.scoring_inbox(evaluation), self.member_c)
        # Nobody sees another member's score before the scoring closes.
        self.assertEqual(self.scores_seen_by(self.member_b, evaluation), self.member_b)
        self.assertEqual(self.scores_seen_by(self.chair, evaluation), self.chair)
        self.assertFalse(self.scores_seen_by(self.member_c, evaluation))
        self.assertEqual(self.scores_seen_by(self.hr_officer, evaluation), self.env["res.users"])
        with self.assertRefused(UserError, "not waiting for your score"):
            self.score(evaluation, self.member_b, 100)
        self.score(evaluation, self.member_c, 80)
        # Everyone scored: the scoring closes by itself, with the mean.
        self.assertEqual(evaluation.committee_state, "closed")
        self.assertEqual(evaluation.theory_score, 80.0)
        self.assertEqual(evaluation.practical_score, 80.0)
        self.assertEqual(
            self.scores_seen_by(self.member_b, evaluation),
            self.chair | self.member_b | self.member_c,
        )
        self.assertFalse(self.scoring_inbox(evaluation))

    def ratings(self, evaluation, points):
        """Every criterion of the form rated at the level worth ``points``."""
        template = evaluation.sudo().template_id
        level = template.level_ids.filtered(lambda lv: lv.points == points)
        self.assertEqual(len(level), 1)
        return {criterion.id: level.id for criterion in template.section_ids.criterion_ids}

    def test_members_rate_the_form_and_the_committee_rule_combines_it(self):
        """The committee does the evaluation (seed 000): each member rates the form."""
        self.committee.scoring_rule = "median"
        evaluation = self.before_committee()
        self.assertTrue(evaluation.template_id.section_ids.criterion_ids)
        for user, points in ((self.chair, 100), (self.member_b, 60), (self.member_c, 60)):
            evaluation.with_user(user)._record_member_score(
                {"theory": 80, "practical": 80, "teaching": 80},
                ratings=self.ratings(evaluation, points),
            )
        scores = evaluation.sudo().score_ids
        self.assertEqual(
            {score.member_id: score.assessment_score for score in scores},
            {self.chair: 100.0, self.member_b: 60.0, self.member_c: 60.0},
        )
        # The median of the members' forms, not HR's lines (left unrated).
        self.assertEqual(evaluation.committee_state, "closed")
        self.assertEqual(evaluation.assessment_score, 60.0)
        self.assertFalse(evaluation.line_ids.level_id)
        # The printed form (附表一) counts the members' ratings per criterion.
        report = self.env.ref("hr_technical_grade.action_report_evaluation_assessment")
        html, _kind = report.with_user(self.hr_officer)._render_qweb_html(
            report.report_name, evaluation.ids
        )
        levels = {lv.points: lv.name for lv in evaluation.template_id.level_ids}
        criteria = len(evaluation.template_id.section_ids.criterion_ids)
        rated = f"{levels[100]} × 1, {levels[60]} × 2"
        self.assertEqual(html.decode().count(rated), criteria)

    def test_a_member_rates_every_criterion_with_the_forms_levels(self):
        evaluation = self.before_committee()
        ratings = self.ratings(evaluation, 100)
        first = next(iter(ratings))
        with self.assertRefused(UserError, "Rate every criterion"):
            evaluation.with_user(self.chair)._record_member_score(
                {"theory": 80, "practical": 80, "teaching": 80}, ratings={first: ratings[first]}
            )
        other = self.env["hr.technical.grade.assessment.level"].search(
            [("template_id", "!=", evaluation.template_id.id)], limit=1
        )
        self.assertTrue(other)
        with self.assertRefused(UserError, "one of the levels of"):
            evaluation.with_user(self.chair)._record_member_score(
                {"theory": 80, "practical": 80, "teaching": 80},
                ratings={**ratings, first: other.id},
            )
        score = evaluation.sudo().score_ids.filtered(lambda s: s.member_id == self.chair)
        self.assertEqual(score.state, "pending")
        self.assertFalse(score.line_ids.level_id)
        # Through the wizard, as the member sees it.
        wizard = (
            self.env["hr.technical.grade.score.wizard"]
            .with_user(self.chair)
            .create({"evaluation_id": evaluation.id, "theory_score": 70})
        )
        self.assertEqual(
            wizard.line_ids.criterion_id, evaluation.template_id.section_ids.criterion_ids
        )
        for line in wizard.line_ids:
            line.level_id = ratings[line.criterion_id.id]
        wizard.action_score()
        self.assertEqual(
            (score.state, score.assessment_score, score.theory_score), ("scored", 100.0, 70.0)
        )
        # Given ratings are kept as given.
        with self.assertRefused(UserError, "Score the Candidate"):
            score.line_ids[0].with_user(self.chair).level_id = other
        with self.assertRefused(UserError, "kept as they were given"):
            score.sudo().line_ids[0].level_id = evaluation.template_id.level_ids[-1]

    def test_hr_prepares_but_does_not_rate_where_the_committee_decides(self):
        evaluation = (
            self.env["hr.technical.grade.evaluation"]
            .with_user(self.hr_officer)
            .create({"employee_id": self.engineer.id, "kind": "promotion"})
        )
        self.assertFalse(evaluation.can_edit_scores)
        level = evaluation.template_id.level_ids[0]
        with self.assertRefused(UserError, "its members rate the assessment form"):
            evaluation.line_ids[0].level_id = level
        with self.assertRefused(UserError, "its members rate the assessment form"):
            evaluation.theory_score = 95
        with self.assertRefused(UserError, "its members rate the assessment form"):
            evaluation.write(
                {"line_ids": [Command.update(evaluation.line_ids[0].id, {"level_id": level.id})]}
            )
        # Evidence and notes stay HR's to add.
        evaluation.note = "<p>Certificates attached.</p>"

    def test_members_read_only_their_own_ratings_until_the_scoring_closes(self):
        evaluation = self.before_committee()
        evaluation.with_user(self.chair)._record_member_score(
            {"theory": 80, "practical": 80, "teaching": 80},
            ratings=self.ratings(evaluation, 80),
        )
        Rating = self.env["hr.technical.grade.evaluation.score.line"]
        domain = [("evaluation_id", "=", evaluation.id), ("level_id", "!=", False)]
        self.assertEqual(Rating.with_user(self.chair).search(domain).member_id, self.chair)
        self.assertFalse(Rating.with_user(self.member_b).search(domain))
        self.assertFalse(Rating.with_user(self.hr_officer).search(domain))
        with self.assertRaises(AccessError):
            Rating.with_user(self.candidate_user).search(domain)

    def test_the_candidate_never_sees_who_scored_what(self):
        evaluation = self.before_committee()
        self.score(evaluation, self.chair, 90)
        self.score(evaluation, self.member_b, 70)
        self.score(evaluation, self.member_c, 80)
        with self.assertRaises(AccessError):
            self.env["hr.technical.grade.evaluation.score"].with_user(self.candidate_user).search(
                []
            )
        # The result, though, is theirs to read.
        self.assertEqual(evaluation.with_user(self.candidate_user).theory_score, 80.0)

    def test_the_chair_closes_once_the_quorum_has_scored(self):
        self.committee.scoring_rule = "median"
        evaluation = self.before_committee()
        self.score(evaluation, self.chair, 95)
        with self.assertRefused(AccessError, "Only the chair"):
            evaluation.with_user(self.member_b).action_close_scoring()
        with self.assertRefused(UserError, "the quorum is 2"):
            evaluation.with_user(self.chair).action_close_scoring()
        self.score(evaluation, self.member_b, 65)
        evaluation.with_user(self.chair).action_close_scoring()
        self.assertEqual(evaluation.committee_state, "closed")
        self.assertEqual(evaluation.theory_score, 80.0)  # median of 95 and 65
        with self.assertRefused(UserError, "not waiting for your score"):
            self.score(evaluation, self.member_c, 10)

    def test_superior_and_team_members_are_excused(self):
        self.committee.member_ids = [Command.link(self.superior_user.id)]
        self.committee.member_ids = [Command.link(self.peer_user.id)]
        evaluation = self.before_committee()
        scores = evaluation.sudo().score_ids
        excused = {s.member_id: s.excuse_reason for s in scores if s.state == "excused"}
        self.assertEqual(excused, {self.superior_user: "superior", self.peer_user: "team"})
        self.assertNotIn(self.superior_user, self.scoring_inbox(evaluation))
        with self.assertRefused(UserError, "not waiting for your score"):
            self.score(evaluation, self.superior_user, 100)
        self.assertIn("Excused", evaluation.message_ids[0].body)

    def test_signing_locks_the_scores_and_approves_the_step(self):
        evaluation = self.before_committee()
        for member in (self.chair, self.member_b, self.member_c):
            self.score(evaluation, member, 90, 90, 90)
        sign = self.env["hr.technical.grade.committee.sign.wizard"]
        with self.assertRefused(AccessError, "Only the chair"):
            sign.with_user(self.member_b).create(
                {"evaluation_id": evaluation.id, "opinion": "Good"}
            ).action_sign()
        wizard = sign.with_user(self.chair).create(
            {"evaluation_id": evaluation.id, "opinion": "Meets the intermediate grade."}
        )
        self.assertEqual(wizard.decision, "passed")  # proposed from the final score
        wizard.action_sign()
        self.assertEqual(evaluation.committee_state, "signed")
        self.assertEqual(
            (evaluation.committee_signed_by_id, evaluation.committee_signed_on),
            (self.chair, date.today()),
        )
        self.assertEqual((evaluation.result, evaluation.state), ("passed", "approved"))
        self.assertEqual(evaluation.approval_ids.decided_by_id, self.chair)
        with self.assertRefused(UserError, "scores are locked"):
            evaluation.with_user(self.hr_officer).theory_score = 10
        with self.assertRefused(UserError, "scores are locked"):
            evaluation.line_ids[0].points = 0
        with self.assertRefused(UserError, "scores are locked"):
            evaluation.sudo().score_ids[0].theory_score = 0

    def test_a_signed_opinion_stays_on_record(self):
        evaluation = self.before_committee()
        for member in (self.chair, self.member_b):
            self.score(evaluation, member, 20, 20, 20)
        evaluation.with_user(self.chair).action_close_scoring()
        evaluation.with_user(self.chair)._committee_sign("Not yet at this level.", "failed")
        self.assertEqual((evaluation.state, evaluation.result), ("rejected", "failed"))
        with self.assertRefused(UserError, "file a new evaluation"):
            evaluation.with_user(self.hr_officer).action_draft()

    def test_a_decision_against_the_scores_needs_a_written_reason(self):
        """The committee decides (seed 000), against the scores only with a reason."""
        evaluation = self.before_committee()
        for member in (self.chair, self.member_b):
            self.score(evaluation, member, 20, 20, 20)
        evaluation.with_user(self.chair).action_close_scoring()
        pass_mark = self.company.technical_grade_pass_mark
        self.assertLess(evaluation.final_score, pass_mark)
        sign = self.env["hr.technical.grade.committee.sign.wizard"].with_user(self.chair)
        wizard = sign.create({"evaluation_id": evaluation.id, "opinion": "Promising."})
        self.assertEqual((wizard.decision, wizard.against_scores), ("failed", False))
        wizard.decision = "passed"
        self.assertTrue(wizard.against_scores)
        with self.assertRefused(UserError, "only with a written reason"):
            wizard.action_sign()
        with self.assertRefused(UserError, "only with a written reason"):
            evaluation.with_user(self.chair)._committee_sign("Promising.", "passed", "  ")
        self.assertEqual(evaluation.committee_state, "closed")
        reason = "The interview and the case analysis show the level of the grade."
        wizard.decision_reason = reason
        wizard.action_sign()
        self.assertEqual((evaluation.result, evaluation.state), ("passed", "approved"))
        self.assertEqual(evaluation.committee_decision_reason, reason)
        self.assertEqual(evaluation.committee_round_id.decision_reason, reason)
        chatter = "".join(evaluation.message_ids.mapped("body"))
        self.assertIn("decided Passed against the scores", chatter)
        self.assertIn(reason, chatter)
        # Signed for good, reason included.
        with self.assertRefused(UserError, "stay as signed"):
            evaluation.committee_round_id.sudo().decision_reason = "Another reason"
        # The promotion form shows it beside the opinion.
        report = self.env.ref("hr_technical_grade.action_report_evaluation_promotion")
        html = (
            report.with_user(self.hr_officer)
            ._render_qweb_html(report.report_name, evaluation.ids)[0]
            .decode()
        )
        self.assertIn("Reason Against the Scores", html)
        self.assertIn(reason, html)

    def test_failing_above_the_pass_mark_needs_a_reason_too(self):
        evaluation = self.before_committee()
        for member in (self.chair, self.member_b, self.member_c):
            self.score(evaluation, member, 95, 95, 95)
        self.assertGreaterEqual(evaluation.final_score, self.company.technical_grade_pass_mark)
        chair = evaluation.with_user(self.chair)
        with self.assertRefused(UserError, "only with a written reason"):
            chair._committee_sign("Not yet.", "failed")
        chair._committee_sign("Not yet.", "failed", "Two customer complaints this quarter.")
        self.assertEqual((evaluation.state, evaluation.result), ("rejected", "failed"))
        self.assertEqual(
            evaluation.committee_decision_reason, "Two customer complaints this quarter."
        )

    def test_a_decision_with_the_scores_keeps_no_reason(self):
        evaluation = self.before_committee()
        for member in (self.chair, self.member_b, self.member_c):
            self.score(evaluation, member, 95, 95, 95)
        evaluation.with_user(self.chair)._committee_sign("Passed.", "passed", "Not needed")
        self.assertEqual(evaluation.result, "passed")
        self.assertFalse(evaluation.committee_decision_reason)
        self.assertNotIn("against the scores", "".join(evaluation.message_ids.mapped("body")))

    def test_public_notice_and_objections(self):
        self.company.technical_grade_notice_days = 5
        evaluation = self.before_committee()
        for member in (self.chair, self.member_b, self.member_c):
            self.score(evaluation, member, 90, 90, 90)
        evaluation.with_user(self.chair)._committee_sign("Passed.", "passed")
        today = date.today()
        self.assertEqual(evaluation.notice_end_date, today + timedelta(days=5))
        # Everyone reads the published result and may object.
        self.assertTrue(evaluation.with_user(self.outsider).notice_open)
        Objection = self.env["hr.technical.grade.objection"]
        objection = Objection.with_user(self.outsider).create(
            {"evaluation_id": evaluation.id, "objection": "The practical exam was not held."}
        )
        with self.assertRefused(UserError, "under public notice until"):
            evaluation.with_user(self.hr_officer).action_apply()
        evaluation.committee_round_id.sudo().notice_end_date = today - timedelta(days=1)
        with self.assertRefused(UserError, "must be answered"):
            evaluation.with_user(self.hr_officer).action_apply()
        with self.assertRefused(UserError, "not under public notice"):
            Objection.with_user(self.outsider).create(
                {"evaluation_id": evaluation.id, "objection": "Too late"}
            )
        with self.assertRefused(AccessError, "HR officers answer"):
            objection.with_user(self.outsider).action_answer()
        objection.with_user(self.hr_officer).answer = "It was held on the 3rd; see the report."
        objection.with_user(self.hr_officer).action_answer()
        self.assertEqual(objection.state, "answered")
        evaluation.with_user(self.hr_officer).action_apply()
        self.assertEqual(evaluation.state, "done")

    def test_chair_must_be_a_member_and_quorum_reachable(self):
        with self.assertRefused(ValidationError, "must be one of its members"):
            self.committee.chair_id = self.outsider
        with self.assertRefused(ValidationError, "exceeds its 3 members"):
            self.committee.quorum = 4
        # Members join the committee group, to read what is before them.
        group = self.env.ref("hr_technical_grade.group_technical_grade_committee")
        self.assertIn(self.member_c, group.users)
