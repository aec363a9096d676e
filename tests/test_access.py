# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import TechnicalGradeCase


@tagged("post_install", "-at_install")
class TestAccess(TechnicalGradeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Employee = cls.env["hr.employee"]
        cls.engineer_user = new_test_user(
            cls.env,
            login="tg_test_engineer",
            groups="hr_technical_grade.group_technical_grade_user",
        )
        cls.manager_user = new_test_user(
            cls.env,
            login="tg_test_manager",
            groups="hr_technical_grade.group_technical_grade_manager",
        )
        cls.other_manager_user = new_test_user(
            cls.env,
            login="tg_test_manager2",
            groups="hr_technical_grade.group_technical_grade_manager",
        )
        cls.payroll_user = new_test_user(
            cls.env, login="tg_test_payroll", groups="payroll.group_payroll_user"
        )
        cls.committee_user = new_test_user(
            cls.env,
            login="tg_test_committee",
            groups="hr_technical_grade.group_technical_grade_committee",
        )
        cls.manager = Employee.create({"name": "Team A Manager", "user_id": cls.manager_user.id})
        cls.other_manager = Employee.create(
            {"name": "Team B Manager", "user_id": cls.other_manager_user.id}
        )
        cls.engineer.write({"user_id": cls.engineer_user.id, "parent_id": cls.manager.id})
        cls.colleague.parent_id = cls.manager
        cls.team_b_engineer = Employee.create(
            {"name": "Team B Engineer", "parent_id": cls.other_manager.id}
        )
        cls.line_own = cls.record(cls.engineer, cls.junior, "2024-01-01")
        cls.line_colleague = cls.record(cls.colleague, cls.intermediate, "2024-01-01")
        cls.line_team_b = cls.record(cls.team_b_engineer, cls.senior, "2024-01-01")
        cls.all_lines = cls.line_own | cls.line_colleague | cls.line_team_b

    def visible(self, user):
        return self.History.with_user(user).search([("id", "in", self.all_lines.ids)])

    def test_engineer_reads_only_their_own_history(self):
        self.assertEqual(self.visible(self.engineer_user), self.line_own)
        self.assertEqual(self.line_own.with_user(self.engineer_user).grade_id, self.junior)
        with self.assertRaises(AccessError):
            self.line_colleague.with_user(self.engineer_user).read(["grade_id"])

    def test_engineer_cannot_change_grades(self):
        with self.assertRaises(AccessError):
            self.line_own.with_user(self.engineer_user).write({"grade_id": self.expert.id})
        with self.assertRaises(AccessError):
            self.junior.with_user(self.engineer_user).write({"allowance": 99999})
        with self.assertRaises(AccessError):
            self.env["hr.technical.grade.set.wizard"].with_user(self.engineer_user).create(
                {"grade_id": self.expert.id, "reason": "me"}
            )

    def test_manager_reads_their_team_not_another_team(self):
        self.assertEqual(self.visible(self.manager_user), self.line_own | self.line_colleague)
        with self.assertRaises(AccessError):
            self.line_team_b.with_user(self.manager_user).read(["grade_id"])
        self.assertEqual(self.visible(self.other_manager_user), self.line_team_b)

    def test_department_head_reads_the_department(self):
        self.department.manager_id = self.other_manager
        self.assertEqual(
            self.visible(self.other_manager_user),
            self.all_lines - self.line_team_b | self.line_team_b,
        )

    def test_payroll_officer_and_committee_read_all_of_the_company(self):
        self.assertEqual(self.visible(self.payroll_user), self.all_lines)
        self.assertEqual(self.visible(self.committee_user), self.all_lines)
        self.assertEqual(self.senior.with_user(self.payroll_user).allowance, 2000)
        with self.assertRaises(AccessError):
            self.line_own.with_user(self.payroll_user).write({"reason": "no"})

    def test_salary_fields_hidden_from_users_outside_the_groups(self):
        plain = new_test_user(self.env, login="tg_test_plain", groups="base.group_user")
        grade = self.junior.with_user(plain)
        self.assertEqual(grade.name, self.junior.name)
        with self.assertRaises(AccessError):
            grade.read(["allowance"])

    def test_officer_manages_grades_but_not_the_history(self):
        """The history changes through evaluations, or an administrator's Set Grade."""
        officer_line = self.line_team_b.with_user(self.hr_officer)
        with self.assertRaises(AccessError):
            officer_line.write({"reason": "Corrected by HR"})
        self.assertNotEqual(self.line_team_b.reason, "Corrected by HR")
        # The rates live in the salary table, which HR managers write.
        with self.assertRaises(AccessError):
            self.junior.with_user(self.hr_officer).write({"allowance": 600})
        hr_manager = new_test_user(
            self.env,
            login="tg_test_rates_manager",
            groups="base.group_user,hr_technical_grade.group_technical_grade_admin",
        )
        self.junior.with_user(hr_manager).write({"allowance": 600})
        self.junior.invalidate_recordset()
        self.assertEqual(self.junior.allowance, 600)
        with self.assertRaises(AccessError):
            officer_line.unlink()

    def test_other_company_history_is_invisible(self):
        other = self.env["res.company"].create({"name": "Other Co"})
        grade = self.env["hr.technical.grade"].create(
            {"name": "X", "code": "X1", "company_id": other.id}
        )
        employee = self.env["hr.employee"].create({"name": "Elsewhere", "company_id": other.id})
        line = self.record(employee, grade, "2024-01-01")
        self.assertFalse(self.History.with_user(self.hr_officer).search([("id", "=", line.id)]))
