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
            for message, xmlid, record in company._technical_grade_setup_problems()
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

    def test_a_new_company_is_told_it_has_no_ladder_and_no_committee(self):
        company = self.env["res.company"].create({"name": "Newcomer"})
        messages = [m for m, _x, _r in company._technical_grade_setup_problems()]
        self.assertIn("Newcomer has no grade ladder.", messages)
        self.assertIn("Newcomer has no evaluation committee.", messages)

    def test_once_the_checklist_is_done_a_submission_is_accepted(self):
        self.fresh_install()
        evaluation = (
            self.env["hr.technical.grade.evaluation"]
            .with_user(self.hr_officer)
            .create({"employee_id": self.engineer.id, "kind": "promotion"})
        )
        with self.assertRaisesRegex(RedirectWarning, "has nobody to decide") as caught:
            with self.env.cr.savepoint():
                evaluation.action_submit()
        self.env.invalidate_all()
        # The refusal links to the record to fix: here the committee, for its chair.
        _message, action, button, _context = caught.exception.args
        self.assertEqual(
            (action["res_model"], action["res_id"]),
            ("hr.technical.grade.committee", self.committee.id),
        )
        self.assertIn(self.committee.name, button)
        self.assertEqual(evaluation.state, "draft")
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
