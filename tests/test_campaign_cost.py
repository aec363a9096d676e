# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import timedelta

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import CampaignCase, force_state


@tagged("post_install", "-at_install")
class TestCampaignCost(CampaignCase):
    """Seed ladder: 1800/200/100, 2000/300/500, 2300/600/1000, 2500/1000/2000,
    3000/2000/3000 (base/post/allowance)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.trainee_ready = cls.env["hr.employee"].create(
            {
                "name": "Ready Trainee",
                "department_id": cls.elsewhere.id,
                "technical_experience_date": cls.today - timedelta(days=3 * 366),
            }
        )
        cls.record(cls.trainee_ready, cls.trainee, cls.today - timedelta(days=2 * 366))
        cls.payroll_user = new_test_user(
            cls.env, login="tg_cost_payroll", groups="base.group_user,payroll.group_payroll_user"
        )
        cls.plain_user = new_test_user(cls.env, login="tg_cost_plain")

    def setUp(self):
        super().setUp()
        self.campaign = self.open_campaign(
            employee_ids=[(6, 0, (self.trainee_ready | self.outsider).ids)]
        )
        by_employee = {e.employee_id: e for e in self.campaign.evaluation_ids}
        # junior -> intermediate, properly submitted: the manager approves step 1.
        self.mine = by_employee[self.engineer]
        self.mine.with_user(self.candidate_user).action_submit()
        # intermediate -> senior, approved; trainee -> junior, in approval.
        force_state(by_employee[self.senior_candidate], "approved")
        force_state(by_employee[self.trainee_ready], "submitted")
        # The outsider stays in draft: not pending, not counted.
        self.draft = by_employee[self.outsider]

    def rows(self, user=None):
        Cost = self.env["hr.technical.grade.campaign.cost"]
        if user:
            Cost = Cost.with_user(user)
        return Cost.search([("campaign_id", "=", self.campaign.id)])

    def test_cost_per_evaluation_from_the_ladder(self):
        rows = {row.employee_id: row for row in self.rows()}
        self.assertEqual(set(rows), {self.engineer, self.senior_candidate, self.trainee_ready})
        mine = rows[self.engineer]
        self.assertEqual(
            (mine.old_base_wage, mine.new_base_wage, mine.old_post_wage, mine.new_post_wage),
            (2000, 2300, 300, 600),
        )
        self.assertEqual((mine.old_allowance, mine.new_allowance), (500, 1000))
        # +300 base +300 post +500 allowance
        self.assertEqual((mine.old_total, mine.new_total, mine.difference), (2800, 3900, 1100))
        senior = rows[self.senior_candidate]
        self.assertEqual(
            (senior.old_total, senior.new_total, senior.difference), (3900, 5500, 1600)
        )
        self.assertEqual(senior.state, "approved")
        trainee = rows[self.trainee_ready]
        self.assertEqual(
            (trainee.old_total, trainee.new_total, trainee.difference), (2100, 2800, 700)
        )

    def test_per_target_grade_and_department(self):
        groups = self.env["hr.technical.grade.campaign.cost"]._read_group(
            [("campaign_id", "=", self.campaign.id)],
            groupby=["target_grade_id", "department_id"],
            aggregates=["old_total:sum", "new_total:sum", "difference:sum"],
        )
        self.assertEqual(
            {(grade, dept): (old, new, diff) for grade, dept, old, new, diff in groups},
            {
                (self.intermediate, self.department): (2800, 3900, 1100),
                (self.senior, self.department): (3900, 5500, 1600),
                (self.junior, self.elsewhere): (2100, 2800, 700),
            },
        )

    def test_campaign_totals(self):
        campaign = self.campaign.with_user(self.hr_officer)
        self.assertTrue(campaign.can_see_cost)
        self.assertEqual(campaign.cost_old_total, 2800 + 3900 + 2100)
        self.assertEqual(campaign.cost_new_total, 3900 + 5500 + 2800)
        self.assertEqual(campaign.cost_difference, 1100 + 1600 + 700)
        # Applied or rejected promotions are no longer pending.
        self.mine.with_user(self.hr_officer).action_reject("Not this year")
        campaign.invalidate_recordset()
        self.assertEqual(campaign.cost_difference, 1600 + 700)

    def test_who_sees_the_cost(self):
        self.assertEqual(len(self.rows(self.hr_officer)), 3)
        self.assertEqual(len(self.rows(self.payroll_user)), 3)
        # The direct superior is a named approver of one evaluation: its row only.
        self.assertEqual(self.rows(self.manager_user).employee_id, self.engineer)
        manager_view = self.campaign.with_user(self.manager_user)
        self.assertTrue(manager_view.can_see_cost)
        self.assertEqual(manager_view.cost_difference, 1100)
        # Engineers and other users see nothing.
        for user in (self.candidate_user, self.plain_user):
            self.assertFalse(self.rows(user))
            campaign = self.campaign.with_user(user)
            self.assertFalse(campaign.can_see_cost)
            self.assertEqual(campaign.cost_difference, 0)

    def test_cost_action_from_the_campaign(self):
        action = self.campaign.with_user(self.manager_user).action_view_cost()
        self.assertEqual(action["res_model"], "hr.technical.grade.campaign.cost")
        self.assertEqual(action["domain"], [("campaign_id", "=", self.campaign.id)])

    def test_salary_adjustment_table_for_a_campaign(self):
        self.mine.with_user(self.hr_officer).action_reject("Not this year")
        senior = self.campaign.evaluation_ids.filtered(
            lambda e: e.employee_id == self.senior_candidate
        )
        senior.effective_date = self.today
        # Only a passed evaluation is applied.
        self.score(senior)
        senior.with_user(self.hr_officer).action_apply()
        # A grade change outside the campaign in the same days.
        self.record(self.colleague, self.junior, self.today, "promotion")
        Wizard = self.env["hr.technical.grade.adjustment.wizard"].with_user(self.payroll_user)
        wizard = Wizard.create(
            {
                "date_from": self.today - timedelta(days=1),
                "date_to": self.today + timedelta(days=1),
                "campaign_id": self.campaign.id,
            }
        )
        rows = wizard._rows()
        self.assertEqual(
            [(r["employee"], r["old_grade"], r["new_grade"], r["difference"]) for r in rows],
            [(self.senior_candidate, self.intermediate, self.senior, 1600)],
        )
        # Without the campaign, the other change is there too.
        wizard.campaign_id = False
        self.assertIn(self.colleague, [r["employee"] for r in wizard._rows()])
        empty = Wizard.create(
            {
                "date_from": self.today,
                "date_to": self.today,
                "campaign_id": self.open_campaign(name="Other").id,
            }
        )
        with self.assertRefused(UserError, "No grade changed through the applied evaluations"):
            empty.action_export_xlsx()

    def test_demo_campaign(self):
        campaign = self.env.ref("hr_technical_grade.campaign_2026_q4", raise_if_not_found=False)
        if not campaign:
            self.skipTest("installed without demo data")
        self.assertEqual(campaign.state, "open")
        self.assertEqual((campaign.evaluation_count, campaign.submitted_count), (3, 1))
        rows = self.env["hr.technical.grade.campaign.cost"].search(
            [("campaign_id", "=", campaign.id)]
        )
        self.assertEqual(rows.target_grade_id, self.junior)
        self.assertEqual((rows.old_total, rows.new_total, rows.difference), (2100, 2800, 700))
