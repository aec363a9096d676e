# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import tagged

from .common import TechnicalGradeCase

SEED_ROLES = [
    "general_manager",
    "marketing_vp",
    "hr_vp",
    "quality_head",
    "production_head",
    "rnd_head",
]


@tagged("post_install", "-at_install")
class TestCommitteeRoles(TechnicalGradeCase):
    """The committee lists the seed's roles; the company names who holds each."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.committee = cls.env.ref("hr_technical_grade.committee_default")
        cls.gm = cls.user("tg_roles_gm")
        cls.quality = cls.user("tg_roles_quality")

    def role_problems(self):
        problems = self.env.company._technical_grade_setup_problems()
        return [
            problem.message
            for problem in problems
            if problem.record == self.committee and "has nobody as" in problem.message
        ]

    def test_a_new_committee_lists_the_seeds_roles(self):
        committee = self.env["hr.technical.grade.committee"].create({"name": "Second"})
        self.assertEqual(committee.seat_ids.mapped("role"), SEED_ROLES)
        self.assertFalse(committee.seat_ids.user_id)
        # The shipped committee lists them too (the demo names a holder for each).
        self.assertEqual(self.committee.seat_ids.mapped("role"), SEED_ROLES)

    def test_the_checklist_names_each_role_without_a_member(self):
        self.committee.seat_ids.user_id = False
        problems = self.role_problems()
        self.assertEqual(len(problems), 6)
        self.assertIn(
            f"The committee {self.committee.name} has nobody as Head of Quality.", problems
        )
        self.committee.seat_ids.filtered(lambda s: s.role == "quality_head").user_id = self.quality
        self.assertEqual(len(self.role_problems()), 5)
        # A role the company does not have is removed, and no longer asked for.
        self.committee.seat_ids.filtered(lambda s: s.role != "quality_head").unlink()
        self.assertFalse(self.role_problems())

    def test_a_role_holder_is_a_member_and_leaves_the_role_with_the_committee(self):
        seat = self.committee.seat_ids.filtered(lambda s: s.role == "general_manager")
        seat.user_id = self.gm
        self.assertIn(self.gm, self.committee.member_ids)
        self.assertIn(
            self.gm, self.env.ref("hr_technical_grade.group_technical_grade_committee").users
        )
        self.assertIn("General Manager", self.committee.message_ids[:1].body)
        self.committee.member_ids = [Command.unlink(self.gm.id)]
        self.assertFalse(seat.user_id)

    def test_each_role_once_and_only_hr_names_holders(self):
        with self.assertRefused(Exception, "role_committee_uniq|each role once"):
            self.committee.seat_ids = [Command.create({"role": "general_manager"})]
        engineer_user = self.user(
            "tg_roles_engineer", "hr_technical_grade.group_technical_grade_user"
        )
        with self.assertRaises(AccessError):
            self.committee.seat_ids[0].with_user(engineer_user).user_id = engineer_user
        self.committee.seat_ids[0].with_user(self.hr_officer).user_id = self.gm
        self.assertEqual(self.committee.seat_ids[0].user_id, self.gm)
