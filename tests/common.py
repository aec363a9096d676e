# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from contextlib import contextmanager
from datetime import date

from odoo.tests import TransactionCase, new_test_user


class TechnicalGradeCase(TransactionCase):
    """Fixtures shared by the Odoo tests: the shipped ladder and a small team."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.ref("base.main_company")
        ref = cls.env.ref
        cls.trainee = ref("hr_technical_grade.grade_trainee")
        cls.junior = ref("hr_technical_grade.grade_junior")
        cls.intermediate = ref("hr_technical_grade.grade_intermediate")
        cls.senior = ref("hr_technical_grade.grade_senior")
        cls.expert = ref("hr_technical_grade.grade_expert")
        cls.History = cls.env["hr.technical.grade.history"]
        cls.hr_officer = new_test_user(
            cls.env,
            login="tg_test_officer",
            groups="base.group_user,hr_technical_grade.group_technical_grade_officer",
        )
        Employee = cls.env["hr.employee"]
        cls.department = cls.env["hr.department"].create({"name": "Test After-Sales"})
        cls.engineer = Employee.create(
            {"name": "Test Engineer", "department_id": cls.department.id}
        )
        cls.colleague = Employee.create(
            {"name": "Test Colleague", "department_id": cls.department.id}
        )

    @classmethod
    def record(cls, employee, grade, day, change_type="initial", reason="test"):
        """Record a grade change through the model API, as the wizard does."""
        return cls.History._record_grade_change(
            [
                {
                    "employee_id": employee.id,
                    "grade_id": grade.id,
                    "date_from": date.fromisoformat(day) if isinstance(day, str) else day,
                    "change_type": change_type,
                    "reason": reason,
                }
            ]
        )

    @contextmanager
    def assertRefused(self, exception, message):
        """Expect ``exception`` matching ``message``; undo what the block wrote."""
        with self.assertRaisesRegex(exception, message), self.env.cr.savepoint():
            yield
        self.env.invalidate_all()
