# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import PayslipCase
from .review_common import ReviewCase

# Seed 000 amounts of the intermediate grade (base, post, allowance).
INTERMEDIATE = {"TG_BASE": 2300.0, "TG_POST": 600.0, "TG_ALW": 1000.0}


@tagged("post_install", "-at_install")
class TestReviewRewards(ReviewCase, PayslipCase):
    """Rewards set from the results (seed 003 第17条; seed 000: bonuses, prizes, 停薪留职)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        ref("hr_technical_grade.reward_step_plant_manager").user_ids = cls.plant_user
        ref("hr_technical_grade.reward_step_general_manager").user_ids = cls.gm_user
        cls.payroll_user = new_test_user(
            cls.env,
            login="tg_rw_payroll",
            groups="base.group_user,payroll.group_payroll_user",
        )

    def good(self, employee=None, day=date(2026, 10, 1)):
        # 50 % × 80 + 20 % × 95 + 30 % × 95 = 87.5: 良
        review = self.finish(self.open_review(employee, day), results=95, reviewers=95)
        self.assertEqual(review.band, "good")
        return review

    def reward(self, review=None, user=None, **vals):
        review = review or self.good()
        return (
            self.env["hr.technical.grade.reward"]
            .with_user(user or self.hr_officer)
            .create(
                {
                    "employee_id": review.employee_id.id,
                    "review_id": review.id,
                    "kind": "bonus",
                    "amount": 800,
                    "pay_date": "2026-12-15",
                    "reason": "Best result of the department this quarter.",
                    **vals,
                }
            )
        )

    def approve(self, reward):
        reward.with_user(self.hr_officer).action_submit()
        for user in (self.plant_user, self.gm_user):
            reward.with_user(user).action_approve()
        return reward

    # ------------------------------------------------------------------
    # Bonuses reach the payslip of their month
    # ------------------------------------------------------------------

    def test_an_approved_bonus_is_paid_on_the_payslip_of_its_month(self):
        reward = self.reward()
        review = reward.review_id
        # A draft, then in approval: nothing is paid.
        self.assertEqual(
            self.amounts(self.payslip(self.engineer, "2026-12-01", "2026-12-31")), INTERMEDIATE
        )
        reward.with_user(self.hr_officer).action_submit()
        self.assertEqual(reward.state, "submitted")
        self.assertEqual(reward.pending_approver_ids, self.plant_user)
        reward.with_user(self.plant_user).action_approve()
        self.assertEqual(reward.state, "submitted")
        with self.assertRefused(AccessError, "waits for the step"):
            reward.with_user(self.plant_user).action_approve()
        reward.with_user(self.gm_user).action_approve()
        self.assertEqual(reward.state, "approved")
        # December pays it as a labelled line; November and January do not.
        slip = self.payslip(self.engineer, "2026-12-01", "2026-12-31")
        self.assertEqual(self.amounts(slip), {**INTERMEDIATE, "TG_REWARD": 800.0})
        line = slip.line_ids.filtered(lambda line: line.code == "TG_REWARD")
        self.assertEqual(line.name, f"Review Bonus ({review.name})")
        self.assertNotIn(
            "TG_REWARD", self.amounts(self.payslip(self.engineer, "2026-11-01", "2026-11-30"))
        )
        self.assertNotIn(
            "TG_REWARD", self.amounts(self.payslip(self.engineer, "2027-01-01", "2027-01-31"))
        )
        # The review shows it among its consequences; the chatter tracks the approval.
        self.assertIn("Bonus of", review.consequence)
        self.assertIn("800", review.consequence)
        self.assertTrue(
            reward.message_ids.filtered(lambda m: "approved by" in (m.body or "")),
        )

    def test_two_bonuses_of_a_month_add_up(self):
        review = self.good()
        self.approve(self.reward(review))
        self.approve(self.reward(review, amount=200.5, pay_date="2026-12-01"))
        slip = self.payslip(self.engineer, "2026-12-01", "2026-12-31")
        self.assertEqual(self.amounts(slip)["TG_REWARD"], 1000.5)
        line = slip.line_ids.filtered(lambda line: line.code == "TG_REWARD")
        self.assertEqual(line.name, f"Review Bonus ({review.name})")

    def test_the_batch_reads_its_bonuses_in_one_query(self):
        self.approve(self.reward())
        self.approve(self.reward(self.good(self.colleague)))
        one = self.payslip(self.engineer, "2026-12-01", "2026-12-31", compute=False)
        two = one | self.payslip(self.colleague, "2026-12-01", "2026-12-31", compute=False)
        Reward = self.env["hr.technical.grade.reward"]

        def queries(payslips):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            result = Reward._payslip_rewards(payslips)
            return self.env.cr.sql_log_count - before, result

        count_one, rewards = queries(one)
        self.assertEqual(rewards[one.id][0], 800.0)
        count_two, rewards = queries(two)
        self.assertEqual(sorted(amount for amount, _name in rewards.values()), [800.0, 800.0])
        self.assertEqual(count_two, count_one, "the same queries for one payslip or many")

    def test_a_bonus_needs_its_amount_pay_date_and_grounds(self):
        review = self.good()
        with self.assertRefused(UserError, "amount of the bonus"):
            self.reward(review, amount=0).with_user(self.hr_officer).action_submit()
        with self.assertRefused(UserError, "pay date"):
            self.reward(review, pay_date=False).with_user(self.hr_officer).action_submit()
        with self.assertRefused(UserError, "Say why"):
            self.reward(review, reason=" ").with_user(self.hr_officer).action_submit()
        with self.assertRefused(ValidationError, "never negative"):
            self.reward(self.good(day=date(2026, 7, 1)), amount=-5)

    def test_a_prize_is_handed_over_not_paid(self):
        prize = self.reward(kind="prize", amount=0, pay_date=False, prize="")
        with self.assertRefused(UserError, "what the prize"):
            prize.with_user(self.hr_officer).action_submit()
        prize.with_user(self.hr_officer).write({"prize": "Toolkit", "amount": 300})
        with self.assertRefused(UserError, "not paid"):
            prize.with_user(self.hr_officer).action_submit()
        prize.with_user(self.hr_officer).write({"amount": 0})
        self.approve(prize)
        self.assertEqual(prize.state, "approved")
        self.assertNotIn(
            "TG_REWARD", self.amounts(self.payslip(self.engineer, "2026-12-01", "2026-12-31"))
        )
        self.assertIn("Prize: Toolkit.", prize.review_id.consequence)

    def test_a_reward_follows_a_finished_review_of_its_employee(self):
        review = self.open_review(self.engineer, date(2026, 10, 1))
        with self.assertRefused(UserError, "not finished"):
            self.reward(review).with_user(self.hr_officer).action_submit()
        with self.assertRefused(UserError, "not finished"):
            review.with_user(self.hr_officer).action_set_reward()
        good = self.good(day=date(2026, 7, 1))
        action = good.with_user(self.hr_officer).action_set_reward()
        self.assertEqual(action["context"]["default_review_id"], good.id)
        with self.assertRefused(AccessError, "Only HR"):
            good.with_user(self.manager_user).action_set_reward()
        with self.assertRefused(ValidationError, "is not Test Colleague's"):
            self.reward(good, employee_id=self.colleague.id)

    # ------------------------------------------------------------------
    # Who sets, approves and reads them
    # ------------------------------------------------------------------

    def test_who_sets_approves_and_reads_rewards(self):
        review = self.good()
        with self.assertRefused(AccessError, "Only HR"):
            self.reward(review, user=self.manager_user)
        reward = self.reward(review)
        # A draft or a reward in approval is HR's and its approvers'.
        Reward = self.env["hr.technical.grade.reward"]
        self.assertFalse(Reward.with_user(self.engineer_user).search([]))
        reward.with_user(self.hr_officer).action_submit()
        self.assertEqual(Reward.with_user(self.plant_user).search([]), reward)
        with self.assertRefused(UserError, "Nobody approves their own"):
            reward.with_user(self.engineer_user).action_approve()
        with self.assertRefused(AccessError, "Only HR"):
            reward.with_user(self.plant_user).write({"amount": 5000})
        self.approve_rest(reward)
        # Approved: the engineer reads their own, not a colleague.
        self.assertEqual(Reward.with_user(self.engineer_user).search([]), reward)
        self.assertFalse(Reward.with_user(self.colleague_user).search([]))
        with self.assertRaises(AccessError):
            reward.with_user(self.colleague_user).read(["amount"])
        with self.assertRaises(AccessError):
            reward.with_user(self.engineer_user).write({"amount": 5000})
        # Payroll reads every reward, changes none.
        self.assertEqual(reward.with_user(self.payroll_user).amount, 800)
        with self.assertRaises(AccessError):
            reward.with_user(self.payroll_user).write({"amount": 5000})
        with self.assertRefused(AccessError, "Only HR"):
            reward.with_user(self.payroll_user).action_cancel("Not payroll's")
        # An approved reward stays as approved, HR included.
        with self.assertRefused(UserError, "while it is a draft"):
            reward.with_user(self.hr_officer).write({"amount": 5000})
        with self.assertRefused(AccessError, "through its actions"):
            reward.with_user(self.hr_officer).write({"state": "draft"})
        with self.assertRefused(UserError, "on record"):
            reward.with_user(self.hr_officer).unlink()

    def approve_rest(self, reward):
        for user in (self.plant_user, self.gm_user):
            reward.with_user(user).action_approve()

    def test_my_technical_grade_shows_my_approved_rewards(self):
        reward = self.reward()
        public = self.env["hr.employee.public"].with_user(self.engineer_user)

        def mine(user=self.engineer_user):
            self.env.invalidate_all()
            values = (
                public.with_user(user)
                .browse(self.engineer.id)
                .web_read({"my_reward_ids": {"fields": {"amount": {}, "pay_date": {}}}})[0]
            )
            return [(r["amount"], r["pay_date"]) for r in values["my_reward_ids"]]

        self.assertEqual(mine(), [])
        self.approve(reward)
        self.assertEqual(mine(), [(800.0, date(2026, 12, 15))])
        self.assertEqual(mine(self.colleague_user), [])

    def test_rejected_reward_is_not_paid_and_hr_may_rework_it(self):
        reward = self.reward()
        reward.with_user(self.hr_officer).action_submit()
        reward.with_user(self.plant_user).action_reject("Budget spent this quarter.")
        self.assertEqual(reward.state, "rejected")
        self.assertNotIn(
            "TG_REWARD", self.amounts(self.payslip(self.engineer, "2026-12-01", "2026-12-31"))
        )
        reward.with_user(self.hr_officer).action_draft()
        self.assertEqual(reward.state, "draft")

    def test_cancelled_bonus_is_not_paid_a_paid_one_stays(self):
        review = self.good()
        reward = self.approve(self.reward(review))
        with self.assertRefused(UserError, "Say why"):
            reward.with_user(self.hr_officer).action_cancel(" ")
        reward.with_user(self.hr_officer).action_cancel("Paid by another scheme.")
        self.assertEqual(
            (reward.state, reward.cancel_reason), ("cancel", "Paid by another scheme.")
        )
        self.assertNotIn(
            "TG_REWARD", self.amounts(self.payslip(self.engineer, "2026-12-01", "2026-12-31"))
        )
        # Once December is confirmed, its bonus stays as paid.
        paid = self.approve(self.reward(review, pay_date="2026-12-20"))
        self.payslip(self.engineer, "2026-12-01", "2026-12-31").action_payslip_done()
        with self.assertRefused(UserError, "stays as paid"):
            paid.with_user(self.hr_officer).action_cancel("Too late")
        # And no bonus is approved for a month already paid.
        late = self.reward(review, pay_date="2026-12-31")
        with self.assertRefused(UserError, "is confirmed"):
            late.with_user(self.hr_officer).action_submit()
        # The wizard cancels with the reason on record.
        wizard = (
            self.env["hr.technical.grade.consequence.wizard"]
            .with_user(self.hr_officer)
            .create({"reward_id": late.id, "mode": "cancel_reward", "reason": "Entered by mistake"})
        )
        wizard.action_confirm()
        self.assertEqual(late.state, "cancel")

    def test_forms_open_for_each_role(self):
        reward = self.approve(self.reward())
        for user in (self.hr_officer, self.engineer_user, self.payroll_user):
            self.assertTrue(
                reward.with_user(user).get_views([(False, "form"), (False, "list")])["views"]
            )
            self.assertTrue(reward.with_user(user).read(["name", "amount", "state"]))

    # ------------------------------------------------------------------
    # 停薪留职: unpaid leave as a penalty
    # ------------------------------------------------------------------

    def poor(self, employee=None, day=date(2026, 9, 1)):
        # 50 % × 80 + 20 % × 40 + 30 % × 40 = 60: 较差
        review = self.finish(self.open_review(employee, day), results=40, reviewers=40)
        self.assertEqual(review.band, "poor")
        return review

    def unpaid_leave(self, review, date_from="2026-12-07", date_to="2026-12-08", **vals):
        return (
            self.env["hr.technical.grade.standby"]
            .with_user(self.hr_officer)
            .create(
                {
                    "employee_id": review.employee_id.id,
                    "review_id": review.id,
                    "kind": "unpaid_leave",
                    "date_from": date_from,
                    "date_to": date_to,
                    "note": "Repeated customer complaints over the quarter.",
                    **vals,
                }
            )
        )

    def test_unpaid_leave_for_poor_results_is_unpaid(self):
        # The colleague's 差 is the lowest: the engineer's 较差 is not.
        self.finish(self.open_review(self.colleague, date(2026, 9, 1)), results=0, reviewers=0)
        review = self.poor()
        # No stand-by training for a 较差 that is not the lowest (seed 003)...
        with self.assertRefused(ValidationError, "is neither"):
            self.unpaid_leave(review, kind="training", date_to="2026-12-09")
        # ...but unpaid leave, of the days HR decides (the seed gives no minimum), with grounds.
        with self.assertRefused(ValidationError, "say on what grounds"):
            self.unpaid_leave(review, note=" ")
        leave = self.unpaid_leave(review)
        self.assertEqual(leave.working_days, 2)
        # 29 of 31 calendar days are paid.
        december = self.amounts(self.payslip(self.engineer, "2026-12-01", "2026-12-31"))
        self.assertEqual(december["TG_ALW"], round(1000 * 29 / 31, 2))
        slip = self.payslip(self.engineer, "2026-12-01", "2026-12-31")
        lines = slip.get_worked_day_lines(slip.contract_id, slip.date_from, slip.date_to)
        (unpaid,) = [line for line in lines if line["code"] == "TG_UNPAID_LEAVE"]
        self.assertEqual((unpaid["name"], unpaid["number_of_days"]), ("Unpaid leave (penalty)", -2))
        self.assertFalse([line for line in lines if line["code"] == "TG_STANDBY"])
        self.assertIn("Unpaid leave from 2026-12-07 to 2026-12-08.", review.consequence)
        self.assertIn("unpaid leave", leave.display_name)
        action = review.with_user(self.hr_officer).action_record_unpaid_leave()
        self.assertEqual(action["context"]["default_kind"], "unpaid_leave")
        # The engineer reads their own, not a colleague's; only HR records it.
        Standby = self.env["hr.technical.grade.standby"]
        self.assertEqual(Standby.with_user(self.engineer_user).search([]), leave)
        self.assertFalse(Standby.with_user(self.colleague_user).search([]))
        with self.assertRefused(AccessError, "Only HR"):
            Standby.with_user(self.manager_user).create(
                {
                    "employee_id": self.engineer.id,
                    "review_id": review.id,
                    "kind": "unpaid_leave",
                    "date_from": "2026-12-14",
                    "date_to": "2026-12-14",
                    "note": "x",
                }
            )
        # Cancelled, the days are paid again.
        leave.with_user(self.hr_officer).action_cancel("Settled with the customer")
        self.assertEqual(
            self.amounts(self.payslip(self.engineer, "2026-12-01", "2026-12-31")), INTERMEDIATE
        )

    def test_unpaid_leave_is_not_for_good_results(self):
        self.finish(self.open_review(self.colleague, date(2026, 10, 1)), results=40, reviewers=40)
        good = self.good()
        with self.assertRefused(ValidationError, "penalty for poor results"):
            self.unpaid_leave(good)

    # ------------------------------------------------------------------
    # Outsider probe (JSON-RPC): a bonus is paid once; amounts are numbers
    # ------------------------------------------------------------------

    def test_a_bonus_is_paid_once_not_again_on_a_second_payslip_of_its_month(self):
        self.approve(self.reward())
        first = self.payslip(self.engineer, "2026-12-01", "2026-12-31")
        self.assertEqual(self.amounts(first)["TG_REWARD"], 800.0)
        first.action_payslip_done()
        # A second payslip of December (an extra run) does not pay it again.
        second = self.payslip(self.engineer, "2026-12-01", "2026-12-31")
        self.assertNotIn("TG_REWARD", self.amounts(second))
        # The confirmed one keeps it when it is computed again in the batch.
        self.assertEqual(
            self.env["hr.technical.grade.reward"]._payslip_rewards(first | second),
            {
                first.id: (
                    800.0,
                    first.line_ids.filtered(lambda line: line.code == "TG_REWARD").name,
                )
            },
        )

    def test_an_amount_is_a_finite_number(self):
        review = self.good()
        for amount in (float("nan"), float("inf"), "800", [800], True):
            with self.assertRefused(ValidationError, "amount of a reward is a number"):
                self.reward(review, amount=amount)
        reward = self.reward(review)
        with self.assertRefused(ValidationError, "amount of a reward is a number"):
            reward.with_user(self.hr_officer).write({"amount": float("nan")})
        with self.assertRefused(ValidationError, "amount of a reward is a number"):
            reward.with_user(self.hr_officer).write({"amount": 1e16})

    def test_unpaid_days_already_paid_are_not_moved_out_of_their_payslip(self):
        self.finish(self.open_review(self.colleague, date(2026, 9, 1)), results=0, reviewers=0)
        leave = self.unpaid_leave(self.poor())
        self.payslip(self.engineer, "2026-12-01", "2026-12-31").action_payslip_done()
        # December paid without those days: moving them to January would pay them twice over.
        with self.assertRefused(ValidationError, "is confirmed"):
            leave.with_user(self.hr_officer).write(
                {"date_from": "2027-01-11", "date_to": "2027-01-12"}
            )
        self.assertEqual(str(leave.date_from), "2026-12-07")
