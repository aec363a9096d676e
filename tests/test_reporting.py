# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Technical Grades ▸ Reporting: each dashboard opens with its views and counts right."""

from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import CampaignCase, TechnicalGradeCase, force_state


class ReportingMixin:
    def open_action(self, xmlid, user):
        """The views of a window action as the web client loads them, and its domain."""
        action = self.env["ir.actions.actions"].with_user(user)._for_xml_id(xmlid)
        model = self.env[action["res_model"]].with_user(user)
        result = model.get_views(action["views"] + [(False, "search")])
        domain = safe_eval(action.get("domain") or "[]", {"uid": user.id})
        return result["views"], model, domain

    @staticmethod
    def counts(model, domain, groupby, measure=None):
        """``web_read_group`` as the pivot asks for it: {group values: count or sum}."""
        aggregates = [f"{measure}:sum"] if measure else []
        groups = model.web_read_group(domain, aggregates, groupby, lazy=False)["groups"]
        result = {}
        for group in groups:
            key = tuple(
                group[name][0] if isinstance(group[name], tuple) else group[name]
                for name in groupby
            )
            result[key] = group[measure] if measure else group["__count"]
        return result


@tagged("post_install", "-at_install")
class TestReporting(ReportingMixin, TechnicalGradeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.payroll_user = cls.user(
            "tg_report_payroll", "base.group_user,payroll.group_payroll_manager"
        )
        cls.engineer_user = cls.user(
            "tg_report_engineer", "hr_technical_grade.group_technical_grade_user"
        )
        cls.record(cls.engineer, cls.junior, "2025-01-01")
        cls.record(cls.colleague, cls.junior, "2025-01-01")
        cls.senior_employee = cls.env["hr.employee"].create(
            {"name": "Test Senior", "department_id": cls.department.id}
        )
        cls.record(cls.senior_employee, cls.senior, "2025-01-01")
        cls.env["hr.employee"].create({"name": "Not Graded", "department_id": cls.department.id})

    def test_the_reporting_menu_is_for_hr_and_payroll(self):
        menu = self.env.ref("hr_technical_grade.menu_technical_grade_reporting")
        Menu = self.env["ir.ui.menu"]
        self.assertIn(menu.id, Menu.with_user(self.hr_officer)._visible_menu_ids())
        self.assertIn(menu.id, Menu.with_user(self.payroll_user)._visible_menu_ids())
        self.assertNotIn(menu.id, Menu.with_user(self.engineer_user)._visible_menu_ids())

    def test_grade_distribution_per_department(self):
        views, Employee, domain = self.open_action(
            "hr_technical_grade.hr_employee_action_grade_distribution", self.hr_officer
        )
        self.assertIn("technical_grade_id", views["graph"]["arch"])
        self.assertIn('name="department_id" type="row"', views["pivot"]["arch"])
        domain += [("department_id", "=", self.department.id)]
        self.assertEqual(
            self.counts(Employee, domain, ["department_id", "technical_grade_id"]),
            {(self.department.id, self.junior.id): 2, (self.department.id, self.senior.id): 1},
        )

    def test_review_bands_per_period(self):
        plan = self.env.ref("hr_technical_grade.review_plan_monthly")
        Review = self.env["hr.technical.grade.review"]

        def review(employee, month, score, state="done"):
            reviewed = Review.create(
                {
                    "plan_id": plan.id,
                    "employee_id": employee.id,
                    "period_start": f"2026-{month:02d}-01",
                    "period_end": f"2026-{month:02d}-28",
                    "score_overridden": True,
                    "score_override": score,
                }
            )
            force_state(reviewed, state)

        review(self.engineer, 2, 92)
        review(self.colleague, 2, 84)
        review(self.senior_employee, 2, 95)
        review(self.engineer, 3, 65)
        review(self.colleague, 3, 50, state="draft")  # not finished: not counted
        views, model, domain = self.open_action(
            "hr_technical_grade.hr_technical_grade_review_action_bands", self.hr_officer
        )
        self.assertIn('name="band" type="col"', views["pivot"]["arch"])
        self.assertIn("band", views["graph"]["arch"])
        domain += [("department_id", "=", self.department.id)]
        self.assertEqual(
            self.counts(model, domain, ["period", "band"]),
            {("2026-02", "excellent"): 2, ("2026-02", "good"): 1, ("2026-03", "poor"): 1},
        )

    def test_allowance_cost_per_month_by_grade_and_department(self):
        structure = self.env.ref("hr_technical_grade.payroll_structure_technical_grade")
        # Promoted to intermediate on 16 June: June pays half and half, July in full.
        self.record(self.engineer, self.intermediate, "2026-06-16", "promotion")
        contract = self.env["hr.contract"].create(
            {
                "name": "Reporting contract",
                "employee_id": self.engineer.id,
                "wage": 0,
                "date_start": "2020-01-01",
                "struct_id": structure.id,
                "state": "open",
            }
        )
        for month, last in ((5, 31), (6, 30), (7, 31)):
            self.env["hr.payslip"].create(
                {
                    "employee_id": self.engineer.id,
                    "contract_id": contract.id,
                    "struct_id": structure.id,
                    "date_from": f"2026-{month:02d}-01",
                    "date_to": f"2026-{month:02d}-{last}",
                }
            ).compute_sheet()
        self.env.flush_all()  # the report is an SQL view over the payslip lines
        views, model, domain = self.open_action(
            "hr_technical_grade.hr_technical_grade_allowance_action_cost", self.payroll_user
        )
        self.assertIn('name="grade_id" type="row"', views["pivot"]["arch"])
        self.assertIn('name="month" interval="month" type="col"', views["pivot"]["arch"])
        # The action's default filter: the grade allowance only.
        domain += [("component", "=", "allowance"), ("employee_id", "=", self.engineer.id)]
        self.assertEqual(
            self.counts(model, domain, ["grade_id", "department_id", "month:month"], "amount"),
            {
                (self.junior.id, self.department.id, "May 2026"): 500.0,
                (self.intermediate.id, self.department.id, "June 2026"): 750.0,
                (self.intermediate.id, self.department.id, "July 2026"): 1000.0,
            },
        )


@tagged("post_install", "-at_install")
class TestCampaignProgress(ReportingMixin, CampaignCase):
    def test_campaign_progress_by_state(self):
        campaign = self.open_campaign()
        evaluations = campaign.evaluation_ids
        self.assertEqual(len(evaluations), 2)
        evaluations[0].with_user(self.hr_officer).action_cancel()
        views, model, domain = self.open_action(
            "hr_technical_grade.hr_technical_grade_campaign_action_progress", self.hr_officer
        )
        kanban = views["kanban"]["arch"]
        self.assertIn('default_group_by="state"', kanban)
        for field in ("draft_count", "submitted_count", "approved_count", "done_count"):
            self.assertIn(f'name="{field}"', kanban)
        self.assertEqual(
            self.counts(model, domain + [("id", "=", campaign.id)], ["state"]), {("open",): 1}
        )
        values = model.browse(campaign.id).read(["evaluation_count", "draft_count"])[0]
        self.assertEqual((values["evaluation_count"], values["draft_count"]), (2, 1))
