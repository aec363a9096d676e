# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import date, timedelta

from odoo.exceptions import RedirectWarning
from odoo.fields import Command
from odoo.tests import tagged

from .common import TechnicalGradeCase


@tagged("post_install", "-at_install")
class TestSetupChecklist(TechnicalGradeCase):
    """The first-run checklist names what stops the workflow, with where to fix it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        user = cls.user
        cls.manager_user = user("tg_setup_manager")
        cls.head_user = user("tg_setup_head")
        cls.chair = user(
            "tg_setup_chair", "base.group_user,hr_technical_grade.group_technical_grade_committee"
        )
        cls.vp = user("tg_setup_vp")
        cls.gm = user("tg_setup_gm")
        Employee = cls.env["hr.employee"]
        cls.department.manager_id = Employee.create({"name": "Head", "user_id": cls.head_user.id})
        manager = Employee.create({"name": "Manager", "user_id": cls.manager_user.id})
        cls.engineer.parent_id = manager
        ref = cls.env.ref
        cls.committee = ref("hr_technical_grade.committee_default")
        cls.vp_step = ref("hr_technical_grade.approval_step_vice_presidents")
        cls.gm_step = ref("hr_technical_grade.approval_step_general_manager")
        cls.gm_step.user_ids = cls.gm
        today = date.today()
        cls.record(cls.engineer, cls.junior, today - timedelta(days=4 * 365))
        cls.engineer.technical_experience_date = today - timedelta(days=10 * 366)

    def problems(self):
        company = self.env.company
        return {
            (message, xmlid.split(".")[1], record)
            for message, xmlid, record, _blocking in company._technical_grade_setup_problems()
        }

    def fresh_install(self):
        """What a database without demo data has: an empty committee, steps with no users."""
        self.committee.write({"member_ids": [Command.clear()], "chair_id": False})
        self.vp_step.user_ids = False
        self.intermediate.assessment_template_id = False

    def test_checklist_names_each_missing_piece_with_a_link(self):
        self.fresh_install()
        problems = self.problems()
        committee_action = "hr_technical_grade_committee_action"
        expected = {
            (
                f"The committee {self.committee.name} has no members.",
                committee_action,
                self.committee,
            ),
            (
                f"The committee {self.committee.name} has no chair to sign its opinion.",
                committee_action,
                self.committee,
            ),
            (
                f"The committee {self.committee.name} has nobody as General Manager.",
                committee_action,
                self.committee,
            ),
            (
                f"The approval step {self.vp_step.name} names nobody to decide.",
                "hr_technical_grade_approval_step_action",
                self.vp_step,
            ),
            (
                f"The grade {self.intermediate.name} has no assessment form.",
                "hr_technical_grade_action",
                self.intermediate,
            ),
        }
        self.assertLessEqual(expected, problems)
        html = self.env["res.config.settings"].create({}).technical_grade_setup_checklist
        self.assertIn(
            f"/odoo/action-hr_technical_grade.{committee_action}/{self.committee.id}", html
        )
        # A step whose users all left names nobody either.
        self.vp_step.user_ids = self.vp
        self.vp.active = False
        self.assertIn(
            f"The approval step {self.vp_step.name} names nobody to decide.",
            {message for message, _xmlid, _record in self.problems()},
        )

    def assertRefusedAtTheCommittee(self, evaluation, *missing):
        """The submission is refused naming each ``missing`` piece, with a link to the committee."""
        with self.assertRaisesRegex(RedirectWarning, "cannot be submitted") as caught:
            with self.env.cr.savepoint():
                evaluation.action_submit()
        self.env.invalidate_all()
        message, action, button, _context = caught.exception.args
        for text in missing:
            self.assertIn(text, message)
        self.assertEqual(
            (action["res_model"], action["res_id"]),
            ("hr.technical.grade.committee", self.committee.id),
        )
        self.assertIn(self.committee.name, button)
        self.assertEqual(evaluation.state, "draft")

    def ready(self):
        """The blocking part of the checklist done: the committee can evaluate, steps named."""
        self.committee.write(
            {
                "member_ids": [Command.set((self.chair | self.vp).ids)],
                "chair_id": self.chair.id,
                "quorum": 2,
            }
        )
        self.vp_step.user_ids = self.vp
        self.committee.seat_ids.user_id = False

    def draft(self):
        return (
            self.env["hr.technical.grade.evaluation"]
            .with_user(self.hr_officer)
            .create({"employee_id": self.engineer.id, "kind": "promotion"})
        )

    def test_an_empty_role_is_listed_but_does_not_block(self):
        """Seed 000: members can be added or removed per evaluation; a role may stay empty."""
        self.ready()
        problems = [
            problem
            for problem in self.env.company._technical_grade_setup_problems()
            if problem.record == self.committee
        ]
        self.assertTrue(problems)
        self.assertTrue(all("has nobody as" in problem.message for problem in problems))
        self.assertFalse(any(problem.blocking for problem in problems))
        html = self.env["res.config.settings"].create({}).technical_grade_setup_checklist
        self.assertIn("does not block a submission", html)
        evaluation = self.draft()
        evaluation.action_submit()
        self.assertEqual(evaluation.state, "submitted")

    def test_a_committee_short_of_its_quorum_blocks_the_submission(self):
        """The members needed to score must exist: a departed member leaves a gap."""
        self.ready()
        self.vp.active = False  # left the company, still on the committee
        message = (
            f"The committee {self.committee.name} has 1 active member(s), fewer than its "
            "quorum of 2 to score."
        )
        problems = {
            problem.message: problem.blocking
            for problem in self.env.company._technical_grade_setup_problems()
        }
        self.assertIs(problems.get(message), True)
        self.vp_step.user_ids = self.gm  # the VP step itself is not the problem here
        evaluation = self.draft()
        self.assertRefusedAtTheCommittee(evaluation, message)
        # A member named in the departed one's place: the submission goes through.
        self.committee.member_ids = [Command.link(self.head_user.id)]
        evaluation.action_submit()
        self.assertEqual(evaluation.state, "submitted")

    def test_a_new_company_is_told_it_has_no_ladder_and_no_committee(self):
        company = self.env["res.company"].create({"name": "Newcomer"})
        messages = [problem.message for problem in company._technical_grade_setup_problems()]
        self.assertIn("Newcomer has no grade ladder.", messages)
        self.assertIn("Newcomer has no evaluation committee.", messages)

    def test_once_the_checklist_is_done_a_submission_is_accepted(self):
        self.fresh_install()
        evaluation = (
            self.env["hr.technical.grade.evaluation"]
            .with_user(self.hr_officer)
            .create({"employee_id": self.engineer.id, "kind": "promotion"})
        )
        self.assertRefusedAtTheCommittee(
            evaluation,
            f"The committee {self.committee.name} has no members.",
            "has no chair to sign its opinion",
        )
        # Done as the checklist says: committee members and chair, the VPs, the form.
        self.committee.write(
            {"member_ids": [Command.set(self.chair.ids)], "chair_id": self.chair.id, "quorum": 1}
        )
        self.committee.seat_ids.user_id = self.chair
        self.vp_step.user_ids = self.vp
        self.intermediate.assessment_template_id = self.env.ref(
            "hr_technical_grade.assessment_template_engineer"
        )
        mine = {
            record
            for _message, _xmlid, record in self.problems()
            if record in (self.committee | self.vp_step | self.gm_step | self.intermediate)
            or isinstance(record, type(self.committee))
        }
        self.assertFalse(mine, "nothing of this company's set-up is left on the checklist")
        evaluation.action_submit()
        self.assertEqual(evaluation.state, "submitted")
        self.assertEqual(evaluation.current_approval_id.approver_ids, self.manager_user)
