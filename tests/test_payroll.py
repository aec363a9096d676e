# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import date, timedelta
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import PayslipCase, load_chinese


@tagged("post_install", "-at_install")
class TestPayroll(PayslipCase):
    def test_each_seed_grade_pays_the_seed_amounts(self):
        expected = {
            self.trainee: (1800, 200, 100),
            self.junior: (2000, 300, 500),
            self.intermediate: (2300, 600, 1000),
            self.senior: (2500, 1000, 2000),
            self.expert: (3000, 2000, 3000),
        }
        for grade, (base, post, allowance) in expected.items():
            with self.subTest(grade=grade.name):
                employee = self.env["hr.employee"].create({"name": f"Paid {grade.code}"})
                self.record(employee, grade, "2025-01-01")
                amounts = self.amounts(self.payslip(employee))
                self.assertEqual(amounts, {"TG_BASE": base, "TG_POST": post, "TG_ALW": allowance})

    def test_promotion_on_the_16th_is_prorated_to_the_cent(self):
        self.record(self.engineer, self.junior, "2025-01-01")
        self.record(self.engineer, self.intermediate, "2026-06-16", "promotion")
        slip = self.payslip(self.engineer)
        # June has 30 days: 15 at junior, 15 at intermediate.
        self.assertEqual(self.amounts(slip), {"TG_BASE": 2150.0, "TG_POST": 450.0, "TG_ALW": 750.0})
        allowance_line = slip.line_ids.filtered(lambda line: line.code == "TG_ALW")
        self.assertIn("Junior Engineer 15/30 days", allowance_line.name)
        self.assertIn("Intermediate Engineer 15/30 days", allowance_line.name)

    def test_promotion_in_a_31_day_month_rounds_each_part(self):
        self.record(self.engineer, self.junior, "2025-01-01")
        self.record(self.engineer, self.intermediate, "2026-07-11", "promotion")
        slip = self.payslip(self.engineer, "2026-07-01", "2026-07-31")
        # 500 × 10/31 = 161.29 and 1000 × 21/31 = 677.42
        self.assertEqual(self.amounts(slip)["TG_ALW"], 838.71)
        # 2000 × 10/31 + 2300 × 21/31 = 2203.2258…
        self.assertEqual(self.amounts(slip)["TG_BASE"], 2203.23)

    def test_demotion_mid_month(self):
        self.record(self.engineer, self.senior, "2025-01-01")
        self.record(self.engineer, self.intermediate, "2026-06-21", "demotion")
        amounts = self.amounts(self.payslip(self.engineer))
        # 20/30 of 2000 + 10/30 of 1000 = 1666.666…, rounded once
        self.assertEqual(amounts["TG_ALW"], 1666.67)

    def test_worked_days_mode(self):
        self.company.technical_grade_proration = "worked"
        self.record(self.engineer, self.junior, "2025-01-01")
        self.record(self.engineer, self.intermediate, "2026-06-18", "promotion")
        slip = self.payslip(self.engineer)
        # June 2026 has 22 working days on the standard 40-hour schedule:
        # 13 until the 17th (Mon 1st – Wed 17th), 9 from the 18th.
        # 500 × 13/22 + 1000 × 9/22 = 704.5454…
        self.assertEqual(self.amounts(slip)["TG_ALW"], 704.55)
        # Calendar days would give 17/30 × 500 + 13/30 × 1000 = 716.67.
        self.company.technical_grade_proration = "calendar"
        slip.compute_sheet()
        self.assertEqual(self.amounts(slip)["TG_ALW"], 716.67)

    def test_a_promotion_never_takes_effect_inside_a_confirmed_pay_period(self):
        """Probe H5: applying an evaluation checks the confirmed payslips, as the
        Set Grade wizard does; HR moves its effective date with a reason."""
        self.record(self.engineer, self.junior, "2024-01-01")
        self.engineer.technical_experience_date = "2015-01-01"
        self.env["hr.technical.grade.approval.step"].search([]).active = False
        paid = self.payslip(self.engineer)
        paid.action_payslip_done()
        evaluation = (
            self.env["hr.technical.grade.evaluation"]
            .with_user(self.hr_officer)
            .create(
                {
                    "employee_id": self.engineer.id,
                    "kind": "promotion",
                    "effective_date": "2026-06-15",
                }
            )
        )
        evaluation.line_ids.write({"level_id": evaluation.template_id.level_ids[0].id})
        evaluation.write(
            {"theory_score": 90, "practical_score": 90, "teaching_score": 90, "scored": True}
        )
        evaluation.action_submit()
        self.assertEqual(evaluation.state, "approved")
        with self.assertRaisesRegex(UserError, "2026-06-01 to 2026-06-30 is confirmed"):
            evaluation.action_apply()
        self.assertEqual(evaluation.state, "approved")
        evaluation.action_change_effective_date("2026-07-01", "After the confirmed June pay")
        evaluation.action_apply()
        self.assertEqual(evaluation.history_id.date_from, date(2026, 7, 1))
        self.assertEqual(self.amounts(paid)["TG_ALW"], 500)

    def test_confirmed_payslip_does_not_change_after_a_grade_change(self):
        self.record(self.engineer, self.junior, "2025-01-01")
        slip = self.payslip(self.engineer)
        slip.action_payslip_done()
        self.assertEqual(slip.state, "done")
        self.record(self.engineer, self.expert, "2026-06-10", "correction")
        slip.invalidate_recordset()
        self.assertEqual(self.amounts(slip)["TG_ALW"], 500)
        # A new payslip of the same period picks the change up when computed.
        draft = self.payslip(self.engineer)
        self.assertEqual(draft.state, "verify")
        # 9/30 × 500 + 21/30 × 3000
        self.assertEqual(self.amounts(draft)["TG_ALW"], 2250.0)

    def test_recomputing_a_draft_picks_up_a_grade_change(self):
        self.record(self.engineer, self.junior, "2025-01-01")
        slip = self.payslip(self.engineer)
        self.assertEqual(self.amounts(slip)["TG_ALW"], 500)
        self.record(self.engineer, self.intermediate, "2026-06-16", "promotion")
        slip.compute_sheet()
        self.assertEqual(self.amounts(slip)["TG_ALW"], 750)

    def batch(self, employees):
        """Payslips of ``employees`` for June, created without being computed."""
        slips = self.env["hr.payslip"]
        for employee in employees:
            slips |= self.payslip(employee, compute=False)
        return slips

    def test_a_batch_pays_each_employee_their_own_grade(self):
        Employee = self.env["hr.employee"]
        promoted, senior, ungraded = Employee.create(
            [{"name": "Promoted in June"}, {"name": "Senior all June"}, {"name": "No grade"}]
        )
        self.record(promoted, self.junior, "2025-01-01")
        self.record(promoted, self.intermediate, "2026-06-16", "promotion")
        self.record(senior, self.senior, "2025-01-01")
        slips = self.batch(promoted | senior | ungraded)
        for computation in ("compute", "recompute"):
            with self.subTest(computation=computation):
                slips.compute_sheet()
                self.assertEqual(
                    [self.amounts(slip) for slip in slips],
                    [
                        {"TG_BASE": 2150.0, "TG_POST": 450.0, "TG_ALW": 750.0},
                        {"TG_BASE": 2500.0, "TG_POST": 1000.0, "TG_ALW": 2000.0},
                        {},
                    ],
                )
        # Nothing of the batch is left behind in the transaction.
        self.assertFalse(self.env.cr.cache.get("hr_technical_grade.payslip_pays"))

    def test_recomputing_a_batch_reads_the_grade_history_once(self):
        # OCA payroll empties the ORM cache before each payslip it recomputes:
        # the grade rules must not read the history again for each of them.
        employees = self.env["hr.employee"].create(
            [{"name": f"Batch engineer {i}"} for i in range(6)]
        )
        for i, employee in enumerate(employees):
            self.record(employee, (self.junior, self.senior)[i % 2], "2025-01-01")
        slips = self.batch(employees)
        slips.compute_sheet()
        self.env.flush_all()
        history_reads = []
        cursor_class = type(self.env.cr)
        execute = cursor_class.execute

        def spy(cr, query, params=None, log_exceptions=True):
            if 'FROM "hr_technical_grade_history"' in str(getattr(query, "code", query)):
                history_reads.append(query)
            return execute(cr, query, params, log_exceptions)

        self.env.invalidate_all()
        with patch.object(cursor_class, "execute", spy):
            slips.compute_sheet()
        self.assertEqual(len(slips.line_ids), 18)
        self.assertEqual([self.amounts(slip)["TG_ALW"] for slip in slips], [500.0, 2000.0] * 3)
        # The lines of all employees, then their fields: not one read per payslip.
        self.assertLessEqual(len(history_reads), 2)

    def test_no_grade_no_lines(self):
        slip = self.payslip(self.colleague)
        self.assertFalse(slip.line_ids)
        # Graded only from the 10th of the next month: nothing this month.
        self.record(self.colleague, self.junior, "2026-07-10")
        slip.compute_sheet()
        self.assertFalse(slip.line_ids)

    def test_the_grade_condition_evaluates_no_python(self):
        """The shipped rules apply on "Technical Grade Held in the Period",
        read from ``payroll.technical_grade``: their condition runs no
        Python expression for each payslip (only their amounts do)."""
        from odoo.addons.payroll.models import hr_salary_rule

        shipped = self.env.ref("hr_technical_grade.salary_rule_tg_base")
        self.assertEqual(shipped.condition_select, "technical_grade")
        self.record(self.engineer, self.senior, "2025-01-01")
        slip = self.payslip(self.engineer, compute=False)
        evaluated = []
        real_eval = hr_salary_rule.safe_eval

        def spy(expr, *args, **kwargs):
            evaluated.append(expr)
            return real_eval(expr, *args, **kwargs)

        with patch.object(hr_salary_rule, "safe_eval", spy):
            slip.compute_sheet()
        self.assertEqual(self.amounts(slip), {"TG_BASE": 2500, "TG_POST": 1000, "TG_ALW": 2000})
        self.assertFalse([expr for expr in evaluated if "graded" in expr or "bool(" in expr])
        self.assertEqual(slip.line_ids.mapped("condition_select"), ["technical_grade"] * 3)
        # Neither does the review bonus rule of the shipped structure.
        self.assertEqual(
            self.env.ref("hr_technical_grade.salary_rule_tg_reward").condition_select,
            "technical_grade_reward",
        )
        self.assertIn(
            self.env.ref("hr_technical_grade.salary_rule_tg_reward"), slip._get_salary_rules()
        )

    def test_the_upgrade_moves_the_shipped_condition_only(self):
        """migrations/18.0.2.3.0: the shipped rules that still evaluate
        ``payroll.technical_grade.graded`` take the grade condition; a rule
        a company changed keeps its own."""
        import importlib.util
        from pathlib import Path

        path = (
            Path(__file__).parent.parent
            / "migrations"
            / "18.0.2.3.0"
            / "post-10-grade-rule-condition.py"
        )
        spec = importlib.util.spec_from_file_location("grade_rule_condition", path)
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        base, post, alw = (self.env.ref(f"hr_technical_grade.{xmlid}") for xmlid in migration.RULES)
        (base | post).write({"condition_select": "python", "condition_python": migration.SHIPPED})
        alw.write({"condition_select": "python", "condition_python": "result = False"})
        migration.migrate(self.env.cr, "18.0.2.2.0")
        self.assertEqual(
            (base | post | alw).mapped("condition_select"),
            ["technical_grade", "technical_grade", "python"],
        )

    def test_allowance_rule_alone_in_an_existing_structure(self):
        structure = self.env["hr.payroll.structure"].create(
            {
                "name": "Existing structure",
                "code": "EXIST",
                "parent_id": False,
                "rule_ids": [(4, self.env.ref("hr_technical_grade.salary_rule_tg_alw").id)],
            }
        )
        self.record(self.engineer, self.senior, "2025-01-01")
        slip = self.payslip(self.engineer, structure=structure)
        self.assertEqual(self.amounts(slip), {"TG_ALW": 2000})

    def test_employee_method_reports_the_parts(self):
        self.record(self.engineer, self.junior, "2025-01-01")
        self.record(self.engineer, self.intermediate, "2026-06-16", "promotion")
        pay = self.engineer.get_technical_grade_pay(date(2026, 6, 1), date(2026, 6, 30))
        self.assertTrue(pay["graded"])
        self.assertEqual(
            [(p["grade_id"], p["days"], p["allowance"]) for p in pay["parts"]],
            [(self.junior.id, 15, 250.0), (self.intermediate.id, 15, 500.0)],
        )
        whole = self.engineer.get_technical_grade_pay(date(2026, 7, 1), date(2026, 7, 31))
        self.assertEqual(whole["allowance"], 1000)
        self.assertFalse(whole["allowance_name"])
        before = self.engineer.get_technical_grade_pay(
            date(2024, 1, 1), date(2025, 1, 1) - timedelta(days=1)
        )
        self.assertFalse(before["graded"])

    def test_grade_pay_lines_report(self):
        self.record(self.engineer, self.junior, "2025-01-01")
        self.record(self.engineer, self.intermediate, "2026-06-16", "promotion")
        self.record(self.colleague, self.senior, "2025-01-01")
        june = self.payslip(self.engineer)
        june.action_payslip_done()
        self.payslip(self.engineer, "2026-07-01", "2026-07-31")
        self.payslip(self.colleague)
        draft = self.env["hr.payslip"].create(
            {
                "employee_id": self.colleague.id,
                "contract_id": self.contracts[self.colleague].id,
                "struct_id": self.structure.id,
                "date_from": "2026-08-01",
                "date_to": "2026-08-31",
            }
        )
        self.assertEqual(draft.state, "draft")  # not computed: not in the report
        self.env.flush_all()
        Report = self.env["hr.technical.grade.allowance"]
        rows = Report.search(
            [
                ("employee_id", "in", (self.engineer | self.colleague).ids),
                ("component", "=", "allowance"),
            ]
        )
        by_key = {(r.employee_id, r.month.isoformat()): r.amount for r in rows}
        self.assertEqual(
            by_key,
            {
                (self.engineer, "2026-06-01"): 750.0,
                (self.engineer, "2026-07-01"): 1000.0,
                (self.colleague, "2026-06-01"): 2000.0,
            },
        )
        self.assertEqual(
            rows.filtered(lambda r: r.month.month == 6 and r.employee_id == self.engineer).state,
            "done",
        )
        # Payroll officers read every line of their company.
        payroll = new_test_user(
            self.env, login="tg_test_payroll2", groups="payroll.group_payroll_user"
        )
        self.assertEqual(Report.with_user(payroll).search([("id", "in", rows.ids)]), rows)
        # An engineer reads their own grade pay lines, and no one else's.
        engineer_user = new_test_user(
            self.env,
            login="tg_test_paid_engineer",
            groups="hr_technical_grade.group_technical_grade_user",
        )
        self.engineer.user_id = engineer_user
        own = Report.with_user(engineer_user).search([])
        self.assertEqual(own.employee_id, self.engineer)
        # June (2150 + 450 + 750) and July (2300 + 600 + 1000)
        self.assertEqual(sorted(own.mapped("amount")), [450, 600, 750, 1000, 2150, 2300])
        with self.assertRaises(AccessError):
            Report.with_user(engineer_user).browse(
                rows.filtered(lambda r: r.employee_id == self.colleague).ids
            ).read(["amount"])
        with self.assertRaises(AccessError):
            june.with_user(engineer_user).read(["line_ids"])

    def test_grade_pay_lines_in_the_readers_language(self):
        self.record(self.engineer, self.junior, "2025-01-01")
        self.record(self.engineer, self.intermediate, "2026-06-16", "promotion")
        load_chinese(self.env)
        slip = self.payslip(self.engineer)
        line = slip.line_ids.filtered(lambda line: line.code == "TG_ALW")
        english = line.name
        self.assertTrue(english.startswith("Grade Allowance ("))
        # The payslip line's name in Chinese, as a Chinese payroll officer's recompute writes it.
        line.with_context(lang="zh_CN").name = "等级津贴（初级工程师 15/30天，中级工程师 15/30天）"
        self.env.flush_all()
        Report = self.env["hr.technical.grade.allowance"]
        domain = [("payslip_id", "=", slip.id), ("component", "=", "allowance")]
        self.assertEqual(Report.search(domain).name, english)
        zh_row = Report.with_context(lang="zh_CN").search(domain)
        self.assertEqual(zh_row.name, "等级津贴（初级工程师 15/30天，中级工程师 15/30天）")
        self.assertEqual(zh_row.grade_id.name, "中级工程师")

    def test_set_grade_never_reaches_into_a_confirmed_pay_period(self):
        self.record(self.engineer, self.junior, "2025-01-01")
        slip = self.payslip(self.engineer)
        slip.action_payslip_done()
        Wizard = self.env["hr.technical.grade.set.wizard"]
        correction = Wizard.create(
            {
                "employee_ids": [(6, 0, self.engineer.ids)],
                "grade_id": self.senior.id,
                "date_from": "2026-06-10",
                "change_type": "correction",
                "reason": "Wrong grade loaded",
            }
        )
        history = self.engineer.technical_grade_history_ids
        for day in ("2026-06-10", "2026-05-01"):
            correction.date_from = day
            with self.assertRaises(UserError) as caught, self.env.cr.savepoint():
                correction.action_apply()
            message = str(caught.exception)
            self.assertIn("pay from 2026-06-01 to 2026-06-30 is confirmed", message)
            self.assertIn(f"({slip.number or slip.name})", message)
            self.assertIn("from 2026-07-01 at the earliest", message)
        self.assertEqual(self.engineer.technical_grade_history_ids, history)
        correction.date_from = "2026-07-01"
        correction.action_apply()
        self.assertIn(self.senior, self.engineer.technical_grade_history_ids.grade_id)
        # A grade loaded as held already may go back before the paid periods,
        # never start inside one.
        newcomer = self.env["hr.employee"].create({"name": "Loaded Later"})
        paid = self.payslip(newcomer)
        paid.action_payslip_done()
        loading = Wizard.create(
            {
                "employee_ids": [(6, 0, newcomer.ids)],
                "grade_id": self.junior.id,
                "date_from": "2026-06-15",
                "change_type": "initial",
                "reason": "Loading",
            }
        )
        with self.assertRefused(UserError, "is confirmed"):
            loading.action_apply()
        loading.date_from = "2024-01-01"
        loading.action_apply()
        self.assertEqual(newcomer.technical_grade_history_ids.date_from, date(2024, 1, 1))
