# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import date, timedelta

from odoo.exceptions import AccessError, RedirectWarning, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from .common import TechnicalGradeCase, form_ratings


@tagged("post_install", "-at_install")
class TestApprovalChain(TechnicalGradeCase):
    """The seed chain: superior, department head, committee, both VPs, GM."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        user = cls.user
        cls.candidate_user = user(
            "tg_chain_candidate", "hr_technical_grade.group_technical_grade_user"
        )
        cls.manager_user = user("tg_chain_manager")
        cls.head_user = user("tg_chain_head")
        cls.committee_user = user(
            "tg_chain_committee",
            "base.group_user,hr_technical_grade.group_technical_grade_committee",
        )
        cls.marketing_vp = user("tg_chain_mvp")
        cls.hr_vp = user("tg_chain_hrvp")
        cls.gm = user("tg_chain_gm")
        # Every approver of the seed chain before the general manager, in turn.
        cls.before_gm = (
            cls.manager_user,
            cls.head_user,
            cls.committee_user,
            cls.marketing_vp,
            cls.hr_vp,
        )
        # Only our committee member sits on the committee in these tests.
        committee = cls.env.ref("hr_technical_grade.group_technical_grade_committee")
        committee.users = cls.committee_user
        Employee = cls.env["hr.employee"]
        cls.head = Employee.create({"name": "Head", "user_id": cls.head_user.id})
        cls.department.manager_id = cls.head
        cls.manager = Employee.create(
            {"name": "Manager", "user_id": cls.manager_user.id, "department_id": cls.department.id}
        )
        cls.engineer.write({"user_id": cls.candidate_user.id, "parent_id": cls.manager.id})
        ref = cls.env.ref
        ref("hr_technical_grade.approval_step_vice_presidents").user_ids = (
            cls.marketing_vp | cls.hr_vp
        )
        ref("hr_technical_grade.approval_step_general_manager").user_ids = cls.gm
        # ... and chairs it alone.
        ref("hr_technical_grade.committee_default").write(
            {
                "member_ids": [Command.set(cls.committee_user.ids)],
                "chair_id": cls.committee_user.id,
                "quorum": 1,
            }
        )
        today = date.today()
        cls.record(cls.engineer, cls.junior, today - timedelta(days=4 * 365))
        cls.engineer.technical_experience_date = today - timedelta(days=10 * 366)

    def submitted(self, target=None, passed=True):
        vals = {"employee_id": self.engineer.id, "kind": "promotion"}
        if target:
            vals.update(
                override_eligibility=True, override_reason="Exceptional", target_grade_id=target.id
            )
        evaluation = (
            self.env["hr.technical.grade.evaluation"].with_user(self.hr_officer).create(vals)
        )
        if not evaluation._committee_rates():
            # Without a committee step, HR enters the results.
            levels = evaluation.template_id.level_ids
            evaluation.line_ids.write({"level_id": levels[0 if passed else -1].id})
            evaluation.write(
                {
                    "theory_score": 90 if passed else 0,
                    "practical_score": 90 if passed else 0,
                    "teaching_score": 90 if passed else 0,
                    "scored": True,
                }
            )
        evaluation.with_user(self.candidate_user).action_submit()
        return evaluation

    def inbox(self, evaluation):
        activity_type = self.env.ref("hr_technical_grade.mail_activity_evaluation_approval")
        return evaluation.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        ).user_id

    def approve(self, evaluation, user, mark=90, decision="passed"):
        """Approve the current step; the committee's by scoring and signing."""
        evaluation = evaluation.with_user(user)
        if evaluation.current_approval_id.committee_step:
            evaluation._record_member_score(
                {"theory": mark, "practical": mark, "teaching": mark},
                ratings=form_ratings(evaluation, best=decision != "failed"),
            )
            evaluation._committee_sign("The committee's opinion", decision)
        else:
            evaluation.action_approve()

    def approve_all(self, evaluation, users, **decision):
        """Approve the steps of ``users``, in turn."""
        for user in users:
            self.approve(evaluation, user, **decision)

    def test_promotion_goes_step_by_step_through_the_inbox(self):
        evaluation = self.submitted()
        self.assertEqual(
            evaluation.approval_ids.mapped("name"),
            [
                "Direct superior confirms",
                "Department head confirms",
                "Evaluation committee",
                "Marketing VP and HR VP review",
                "General manager approves",
            ],
        )  # seed 000: the general manager approves every promotion
        self.assertEqual(self.inbox(evaluation), self.manager_user)
        # Steps cannot be skipped.
        with self.assertRaises(AccessError):
            evaluation.with_user(self.head_user).action_approve()
        self.approve(evaluation, self.manager_user)
        self.assertEqual(self.inbox(evaluation), self.head_user)
        self.approve(evaluation, self.head_user)
        self.assertEqual(self.inbox(evaluation), self.committee_user)
        self.approve(evaluation, self.committee_user)
        self.assertEqual(self.inbox(evaluation), self.marketing_vp | self.hr_vp)
        # Both vice presidents decide.
        self.approve(evaluation, self.marketing_vp)
        self.assertEqual(evaluation.state, "submitted")
        self.assertEqual(self.inbox(evaluation), self.hr_vp)
        with self.assertRaises(AccessError):
            self.approve(evaluation, self.marketing_vp)
        self.approve(evaluation, self.hr_vp)
        self.assertEqual(evaluation.state, "submitted")
        self.assertEqual(self.inbox(evaluation), self.gm)
        self.approve(evaluation, self.gm)
        self.assertEqual(evaluation.state, "approved")
        self.assertFalse(self.inbox(evaluation))
        # Every decision is on record: who and when.
        decided = evaluation.approval_ids
        self.assertEqual(decided.mapped("state"), ["approved"] * 5)
        self.assertEqual(
            decided.mapped("decided_by_id"),
            self.manager_user | self.head_user | self.committee_user | self.hr_vp | self.gm,
        )
        self.assertTrue(all(decided.mapped("decided_on")))
        self.assertEqual(decided[3].approved_by_ids, self.marketing_vp | self.hr_vp)
        done = evaluation.message_ids.filtered(lambda m: "approved by" in (m.body or ""))
        self.assertEqual(len(done), 6)

    def test_a_superior_heading_the_department_is_asked_for_each_step(self):
        """As in the demo, where a team lead manages the team's department too."""
        self.department.manager_id = self.manager
        evaluation = self.submitted()
        activity_type = self.env.ref("hr_technical_grade.mail_activity_evaluation_approval")

        def summaries():
            return evaluation.activity_ids.filtered(
                lambda a: a.activity_type_id == activity_type
            ).mapped(lambda a: (a.user_id, a.summary))

        self.assertEqual(
            summaries(),
            [(self.manager_user, f"Direct superior confirms: Promotion of {self.engineer.name}")],
        )
        self.approve(evaluation, self.manager_user)
        self.assertEqual(evaluation.current_approval_id.name, "Department head confirms")
        # The inbox names the step now waiting, not the one just decided.
        self.assertEqual(
            summaries(),
            [(self.manager_user, f"Department head confirms: Promotion of {self.engineer.name}")],
        )

    def test_the_trail_keeps_the_step_names_in_every_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        step = self.env.ref("hr_technical_grade.approval_step_manager")
        step.update_field_translations("name", {"zh_CN": "直接上级确认"})
        # Submitted by someone working in English...
        evaluation = self.submitted()
        first = evaluation.approval_ids[0]
        self.assertEqual(first.name, "Direct superior confirms")
        # ... read in Chinese, and unchanged when the step is renamed later.
        self.assertEqual(first.with_context(lang="zh_CN").name, "直接上级确认")
        step.update_field_translations("name", {"en_US": "Line manager", "zh_CN": "部门经理"})
        first.invalidate_recordset()
        self.assertEqual(first.name, "Direct superior confirms")
        self.assertEqual(first.with_context(lang="zh_CN").name, "直接上级确认")

    def test_appointed_grade_needs_the_general_manager(self):
        self.record(
            self.engineer, self.intermediate, date.today() - timedelta(days=800), "promotion"
        )
        evaluation = self.submitted()
        self.assertEqual(evaluation.target_grade_id, self.senior)
        self.assertEqual(evaluation.approval_ids[-1].name, "General manager approves")
        self.approve_all(evaluation, self.before_gm)
        self.assertEqual(evaluation.state, "submitted")
        self.assertEqual(self.inbox(evaluation), self.gm)
        self.approve(evaluation, self.gm)
        self.assertEqual(evaluation.state, "approved")

    def test_rejection_returns_to_the_applicant_with_the_reason(self):
        evaluation = self.submitted()
        self.approve(evaluation, self.manager_user)
        with self.assertRaises(AccessError):
            evaluation.with_user(self.committee_user).action_reject("not my turn")
        evaluation.with_user(self.head_user).action_reject("Missing the practical exam report")
        self.assertEqual(evaluation.state, "rejected")
        step = evaluation.approval_ids[1]
        self.assertEqual(
            (step.state, step.decided_by_id, step.comment),
            ("rejected", self.head_user, "Missing the practical exam report"),
        )
        self.assertFalse(self.inbox(evaluation))
        message = evaluation.message_ids.filtered(
            lambda m: "Missing the practical" in (m.body or "")
        )
        self.assertIn(self.candidate_user.partner_id, message.partner_ids)

    def test_only_the_applicant_or_hr_withdraws(self):
        evaluation = self.submitted()
        with self.assertRaisesRegex(AccessError, "Only the applicant or HR"):
            evaluation.with_user(self.manager_user).action_cancel()
        evaluation.with_user(self.candidate_user).action_cancel()
        self.assertEqual(evaluation.state, "cancel")
        self.assertFalse(self.inbox(evaluation))
        with self.assertRaisesRegex(AccessError, "Only the applicant or HR"):
            evaluation.with_user(self.head_user).action_draft()
        evaluation.with_user(self.hr_officer).action_draft()
        # The withdrawn round stays on record, superseded.
        self.assertEqual(evaluation.state, "draft")
        self.assertTrue(evaluation.approval_ids)
        self.assertTrue(all(evaluation.approval_ids.mapped("superseded")))
        self.assertFalse(evaluation.current_approval_id)

    def test_a_withdrawn_evaluation_waits_for_nobody(self):
        """Cancelled: no current step, nobody to approve, nothing in anyone's inbox."""
        evaluation = self.submitted()
        self.assertTrue(evaluation.current_approval_id)
        evaluation.with_user(self.candidate_user).action_cancel()
        self.assertEqual(evaluation.state, "cancel")
        self.assertFalse(evaluation.current_approval_id)
        self.assertFalse(evaluation.pending_approver_ids)
        self.assertFalse(evaluation.with_user(self.manager_user).can_approve)
        self.assertFalse(evaluation.activity_ids)
        # Withdrawn while the committee scores: the members' scoring goes too.
        evaluation = self.submitted()
        self.approve_all(evaluation, (self.manager_user, self.head_user))
        self.assertEqual(evaluation.committee_state, "scoring")
        self.assertTrue(
            evaluation.activity_ids.filtered(lambda a: a.user_id == self.committee_user)
        )
        evaluation.with_user(self.hr_officer).action_cancel()
        self.assertFalse(evaluation.current_approval_id)
        self.assertFalse(evaluation.activity_ids)
        self.assertFalse(evaluation.with_user(self.committee_user).can_score)
        with self.assertRaisesRegex(UserError, "not waiting for your score"):
            evaluation.with_user(self.committee_user)._record_member_score(
                {"theory": 90, "practical": 90, "teaching": 90},
                ratings=form_ratings(evaluation),
            )

    def test_the_candidate_never_approves(self):
        vps = self.env.ref("hr_technical_grade.approval_step_vice_presidents")
        vps.user_ids = self.candidate_user
        with self.assertRaisesRegex(RedirectWarning, "has nobody to decide"):
            self.submitted()

    def test_the_committee_fails_a_candidate(self):
        evaluation = self.submitted(passed=False)
        self.approve(evaluation, self.manager_user)
        self.approve(evaluation, self.head_user)
        # Only the chair's signature decides the committee step.
        with self.assertRaisesRegex(UserError, "is before the committee"):
            evaluation.with_user(self.committee_user).action_approve()
        self.approve(evaluation, self.committee_user, mark=20, decision="failed")
        self.assertEqual((evaluation.state, evaluation.result), ("rejected", "failed"))
        self.assertEqual(evaluation.approval_ids[2].comment, "The committee's opinion")

    def test_a_failed_evaluation_stops_at_the_last_step(self):
        self.env.ref("hr_technical_grade.approval_step_committee").active = False
        evaluation = self.submitted(passed=False)
        self.approve_all(
            evaluation, (self.manager_user, self.head_user, self.marketing_vp, self.hr_vp)
        )
        with self.assertRaisesRegex(UserError, "has not passed"):
            self.approve(evaluation, self.gm)

    def test_approvers_read_what_they_decide(self):
        evaluation = self.submitted()
        self.assertEqual(evaluation.with_user(self.manager_user).employee_id, self.engineer)
        # The whole form, eligibility included, opens for an approver without HR rights.
        fields_in_form = [
            name
            for name in evaluation._fields
            if not evaluation._fields[name].groups and name not in ("activity_user_id",)
        ]
        self.env.invalidate_all()  # read from the database, as a new request does
        values = evaluation.with_user(self.manager_user).web_read(
            {name: {} for name in fields_in_form}
        )[0]
        self.assertTrue(values["eligible"])
        self.assertEqual(values["final_score"], evaluation.final_score)
        outsider = self.user("tg_chain_outsider")
        with self.assertRaises(AccessError):
            evaluation.with_user(outsider).read(["final_score"])

    def test_to_approve_filter(self):
        evaluation = self.submitted()
        Evaluation = self.env["hr.technical.grade.evaluation"]

        def to_approve(user):
            self.env.flush_all()  # as at the end of the request that decided
            return Evaluation.with_user(user).search([("pending_approver_ids", "in", [user.id])])

        self.assertEqual(to_approve(self.manager_user), evaluation)
        self.assertFalse(to_approve(self.head_user))
        self.approve(evaluation, self.manager_user)
        self.assertFalse(to_approve(self.manager_user))
        self.assertEqual(to_approve(self.head_user), evaluation)

    def test_rejection_and_resubmission_start_the_chain_again(self):
        evaluation = self.submitted()
        self.approve(evaluation, self.manager_user)
        evaluation.with_user(self.head_user).action_reject("Add the training record")
        evaluation.with_user(self.candidate_user).action_draft()
        rejected_round = evaluation.approval_ids
        self.assertEqual(evaluation.state, "draft")
        self.assertEqual(rejected_round.mapped("superseded"), [True] * len(rejected_round))
        self.assertEqual(rejected_round.mapped("state")[:2], ["approved", "rejected"])
        evaluation.with_user(self.candidate_user).action_submit()
        current = evaluation.approval_ids - rejected_round
        self.assertEqual(current.mapped("state")[:2], ["pending", "waiting"])
        self.assertEqual(self.inbox(evaluation), self.manager_user)
        self.approve_all(evaluation, (*self.before_gm, self.gm))
        self.assertEqual(evaluation.state, "approved")
        # The first round's decisions stay on record, and in the chatter.
        self.assertEqual(rejected_round[1].comment, "Add the training record")
        self.assertTrue(
            evaluation.message_ids.filtered(lambda m: "Add the training record" in (m.body or ""))
        )

    def test_an_especially_serious_case_goes_on_under_the_employee_handbook(self):
        """Seed 000, 3.5: especially serious cases are handled under the Employee
        Handbook: applying the demotion tells HR so, with the handbook."""
        self.company.technical_grade_handbook_url = "https://intranet.example.com/handbook"
        Evaluation = self.env["hr.technical.grade.evaluation"].with_user(self.hr_officer)
        with self.assertRaises(ValidationError):
            Evaluation.create(
                {"employee_id": self.engineer.id, "kind": "promotion", "serious_case": True}
            )
        evaluation = Evaluation.create(
            {
                "employee_id": self.engineer.id,
                "kind": "demotion",
                "demotion_reason": "quality_accident",
                "serious_case": True,
            }
        )
        evaluation.action_submit()
        with self.assertRaises(UserError):  # fixed once submitted
            evaluation.write({"serious_case": False})
        self.approve_all(evaluation, self.before_gm, mark=20, decision="passed")
        evaluation.action_apply()
        case = evaluation.message_ids.filtered(lambda m: "Employee Handbook" in (m.body or ""))
        self.assertEqual(len(case), 1)
        self.assertIn("https://intranet.example.com/handbook", case.body)
        self.assertEqual(case.partner_ids, self.hr_officer.partner_id)

    def test_manager_proposes_a_demotion_through_the_same_chain(self):
        self.manager_user.groups_id = [
            Command.link(self.env.ref("hr_technical_grade.group_technical_grade_manager").id)
        ]
        evidence = self.env["ir.attachment"].create(
            {"name": "accident-report.pdf", "raw": b"%PDF-1.4 report"}
        )
        evaluation = (
            self.env["hr.technical.grade.evaluation"]
            .with_user(self.manager_user)
            .create(
                {
                    "employee_id": self.engineer.id,
                    "kind": "demotion",
                    "demotion_reason": "quality_accident",
                    "attachment_ids": [Command.set(evidence.ids)],
                }
            )
        )
        self.assertEqual(evaluation.target_grade_id, self.trainee)
        evaluation.with_user(self.manager_user).action_submit()
        self.approve_all(evaluation, self.before_gm, mark=20, decision="passed")
        evaluation.with_user(self.hr_officer).action_apply()
        self.assertEqual(self.engineer.technical_grade_id, self.trainee)
        self.assertEqual(evaluation.history_id.change_type, "demotion")
        # Not an especially serious case: no word of the Employee Handbook.
        self.assertFalse(
            evaluation.message_ids.filtered(lambda m: "Employee Handbook" in (m.body or ""))
        )
