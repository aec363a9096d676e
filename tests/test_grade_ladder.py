# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import TechnicalGradeCase


@tagged("post_install", "-at_install")
class TestGradeLadder(TechnicalGradeCase):
    def test_seed_salary_table(self):
        """The five seed grades ship with the customer's salary table, in order."""
        ladder = self.env["hr.technical.grade"].search([("company_id", "=", self.company.id)])
        seed = [self.trainee, self.junior, self.intermediate, self.senior, self.expert]
        self.assertEqual(list(ladder)[:5], seed)
        table = [(g.base_wage, g.post_wage, g.allowance) for g in seed]
        self.assertEqual(
            table,
            [
                (1800, 200, 100),
                (2000, 300, 500),
                (2300, 600, 1000),
                (2500, 1000, 2000),
                (3000, 2000, 3000),
            ],
        )
        self.assertEqual(self.senior.monthly_total, 5500)
        self.assertEqual([g.is_appointed for g in seed], [False, False, False, True, True])
        self.assertEqual([g.review_interval_months for g in seed], [2, 2, 6, 6, 6])

    def test_the_demo_company_pays_in_yuan(self):
        """The seeds' amounts are yuan: with demo data, the company's currency is CNY."""
        if not self.env.ref("hr_technical_grade.user_engineer", raise_if_not_found=False):
            self.skipTest("installed without demo data")
        self.assertEqual(self.env.ref("base.main_company").currency_id.name, "CNY")
        self.assertEqual(self.senior.currency_id.name, "CNY")

    def test_next_and_previous_grade_follow_the_sequence(self):
        self.assertEqual(self.junior._get_next_grade(), self.intermediate)
        self.assertEqual(self.junior._get_previous_grade(), self.trainee)
        self.assertFalse(self.trainee._get_previous_grade())
        self.assertFalse(self.expert._get_next_grade())
        # Reordering the ladder changes the steps; archiving removes a rung.
        self.intermediate.sequence = 5
        self.assertEqual(self.trainee._get_previous_grade(), self.intermediate)
        self.junior.active = False
        self.assertEqual(self.trainee._get_next_grade(), self.senior)

    def test_code_unique_per_company(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.cr.savepoint():
                self.env["hr.technical.grade"].create({"name": "Copy", "code": self.junior.code})
        other = self.env["res.company"].create({"name": "Other Service Co"})
        grade = self.env["hr.technical.grade"].create(
            {"name": "Junior", "code": self.junior.code, "company_id": other.id}
        )
        self.assertEqual(grade.company_id, other)

    def test_negative_wages_are_refused(self):
        for field in ("base_wage", "post_wage", "allowance"):
            with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
                with self.cr.savepoint():
                    self.senior.write({field: -1})
                    self.senior.flush_recordset()

    def test_each_company_has_its_own_ladder(self):
        other = self.env["res.company"].create({"name": "Server Engineering Co"})
        p1 = self.env["hr.technical.grade"].create(
            {"name": "P1", "code": "P1", "company_id": other.id, "sequence": 1}
        )
        p2 = self.env["hr.technical.grade"].create(
            {"name": "P2", "code": "P2", "company_id": other.id, "sequence": 2}
        )
        self.assertEqual(p1._get_next_grade(), p2)
        self.assertEqual(self.expert._get_next_grade(), self.env["hr.technical.grade"])
        # A user of the main company only sees its ladder.
        grades = self.env["hr.technical.grade"].with_user(self.hr_officer).search([])
        self.assertIn(self.junior, grades)
        self.assertNotIn(p1, grades)

    def test_employee_count(self):
        self.record(self.engineer, self.junior, "2024-01-01")
        before = self.junior.employee_count
        self.record(self.colleague, self.junior, "2024-01-01")
        self.junior.invalidate_recordset(["employee_count"])
        self.assertEqual(self.junior.employee_count, before + 1)

    def test_the_p1_p8_ladder_ships_off_and_promotes_within_itself(self):
        ladder = self.env.ref("hr_technical_grade.ladder_technical_sequence")
        grades = ladder.with_context(active_test=False).grade_ids.sorted("sequence")
        self.assertFalse(ladder.active)
        self.assertEqual(grades.mapped("code"), [f"P{i}" for i in range(1, 9)])
        self.assertFalse(any(grades.mapped("active")))
        # Off: the main ladder is untouched.
        self.assertEqual(self.expert._get_next_grade(), self.env["hr.technical.grade"])
        officer = self.user(
            "tg_ladder_officer", "base.group_user,hr_technical_grade.group_technical_grade_officer"
        )
        with self.assertRaises(AccessError):
            ladder.with_user(officer).action_turn_on()
        ladder.action_turn_on()
        self.assertTrue(ladder.active)
        self.assertTrue(all(grades.mapped("active")))
        p1, p2 = grades[:2]
        self.assertEqual(p1._get_next_grade(), p2)
        self.assertEqual(p2._get_previous_grade(), p1)
        self.assertEqual(grades[-1]._get_next_grade(), self.env["hr.technical.grade"])
        # The two ladders stay apart.
        self.assertEqual(self.expert._get_next_grade(), self.env["hr.technical.grade"])
        self.assertEqual(self.trainee._get_previous_grade(), self.env["hr.technical.grade"])
        ladder.action_turn_off()
        self.assertFalse(any(grades.mapped("active")))
