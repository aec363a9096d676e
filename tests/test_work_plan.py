# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from .review_common import ReviewCase
from .test_approval_engine import TransitionTableMixin, recording_moves

PLAN = "hr.technical.grade.work.plan"
APPROVAL_ACTIVITY = "hr_technical_grade.mail_activity_work_plan_approval"


@tagged("post_install", "-at_install")
class TestWorkPlan(ReviewCase, TransitionTableMixin):
    """The work-target plan (seed 003 第11条): set at the start of the period,
    adjusted with the superior's approval, every approved version on record."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.review = cls.plan.with_user(cls.hr_officer)._open_reviews(
            cls.engineer, date(2026, 11, 15)
        )

    def draft_plan(self, user=None, employee=None):
        return (
            self.env[PLAN]
            .with_user(user or self.engineer_user)
            .create(
                {
                    "employee_id": (employee or self.engineer).id,
                    "review_id": self.review.id if not employee else False,
                    "period_start": "2026-11-01",
                    "period_end": "2026-11-30",
                    "line_ids": [
                        Command.create(
                            {
                                "name": "Commission 4 chillers",
                                "measure": "Signed reports",
                                "weight": 60,
                            }
                        ),
                        Command.create(
                            {
                                "name": "Train two juniors",
                                "measure": "Courses given",
                                "weight": 40,
                                "date_due": "2026-11-27",
                            }
                        ),
                    ],
                }
            )
        )

    def approved_plan(self):
        plan = self.draft_plan()
        plan.action_submit()
        plan.with_user(self.manager_user).action_approve()
        return plan

    def adjust(self, plan, reason="The customer moved two commissionings to December"):
        action = plan.action_adjust()
        adjustment = self.env[PLAN].with_user(self.engineer_user).browse(action["res_id"])
        adjustment.write(
            {
                "adjustment_reason": reason,
                "line_ids": [
                    Command.update(adjustment.line_ids[0].id, {"name": "Commission 2 chillers"})
                ],
            }
        )
        return adjustment

    def test_superior_approves_the_plan_which_the_review_shows(self):
        plan = self.draft_plan()
        self.assertEqual(
            (plan.period_start, plan.period_end), (date(2026, 11, 1), date(2026, 11, 30))
        )
        plan.action_submit()
        activity = self.env["mail.activity"].search(
            [("res_model", "=", PLAN), ("res_id", "=", plan.id)]
        )
        self.assertEqual(activity.activity_type_id, self.env.ref(APPROVAL_ACTIVITY))
        self.assertEqual(activity.user_id, self.manager_user)
        with self.assertRaises(UserError):
            plan.action_approve()  # nobody approves their own plan
        plan.with_user(self.manager_user).action_approve()
        self.assertEqual(plan.state, "approved")
        self.assertEqual(plan.approved_on, date(2026, 11, 16))
        self.review.invalidate_recordset(["work_plan_id", "work_plan_version"])
        self.assertEqual(self.review.work_plan_id, plan)
        self.assertEqual(self.review.work_plan_version, 1)
        self.assertEqual(
            self.review.with_user(self.manager_user).action_open_work_plan()["res_id"], plan.id
        )
        # HR has it on file.
        self.assertEqual(plan.with_user(self.hr_officer).line_ids.mapped("weight"), [60, 40])

    def test_approved_plan_is_never_rewritten(self):
        plan = self.approved_plan()
        for user in (self.engineer_user, self.manager_user, self.hr_officer):
            with self.assertRaises(UserError):
                plan.with_user(user).write({"note": "<p>changed</p>"})
            with self.assertRaises(UserError):
                plan.line_ids[0].with_user(user).write({"weight": 100})
            with self.assertRaises(UserError):
                plan.with_user(user).write({"line_ids": [Command.create({"name": "More"})]})
        self.assertEqual(
            plan.line_ids.mapped("name"), ["Commission 4 chillers", "Train two juniors"]
        )

    def test_adjustment_needs_approval_and_keeps_the_old_version(self):
        plan = self.approved_plan()
        adjustment = self.adjust(plan)
        self.assertEqual((adjustment.version, adjustment.previous_id), (2, plan))
        self.assertEqual(adjustment.state, "draft")
        # One open adjustment at a time.
        self.assertEqual(plan.action_adjust()["res_id"], adjustment.id)
        adjustment.action_submit()
        # Until the superior approves it, the first version is in force.
        self.assertEqual(plan.state, "approved")
        self.review.invalidate_recordset(["work_plan_id"])
        self.assertEqual(self.review.work_plan_id, plan)
        with self.assertRaises(UserError):
            adjustment.action_approve()
        adjustment.with_user(self.manager_user).action_approve()
        self.assertEqual(adjustment.state, "approved")
        self.assertEqual(plan.state, "superseded")
        # The old version stays as approved, the new one has the new targets.
        self.assertEqual(
            plan.line_ids.mapped("name"), ["Commission 4 chillers", "Train two juniors"]
        )
        self.assertEqual(
            adjustment.line_ids.mapped("name"), ["Commission 2 chillers", "Train two juniors"]
        )
        self.review.invalidate_recordset(["work_plan_id", "work_plan_version"])
        self.assertEqual(self.review.work_plan_id, adjustment)
        self.assertEqual(self.review.work_plan_version, 2)
        with self.assertRaises(UserError):
            plan.with_user(self.hr_officer).write({"note": "<p>changed</p>"})
        # A superseded version is not adjusted again; the plan in force is.
        with self.assertRaises(UserError):
            plan.action_adjust()
        self.assertEqual(self.adjust(adjustment).version, 3)

    def test_every_move_of_a_plan_is_in_its_table(self):
        """The moves the actions make are exactly the plan's transition table."""
        moves, recording = recording_moves()
        with recording:
            plan = self.draft_plan()
            plan.action_submit()
            plan.with_user(self.manager_user).action_send_back("Two targets are one")
            plan.action_submit()
            plan.with_user(self.manager_user).action_approve()
            adjustment = self.adjust(plan)
            adjustment.action_submit()
            adjustment.with_user(self.manager_user).action_approve()
            given_up = self.adjust(adjustment)
            given_up.action_cancel()
        produced = {(old, new) for model, old, new in moves if model == PLAN}
        self.assertEqual(produced, set(plan._state_transitions))
        self.assertEqual(plan.state, "superseded")

    def test_a_plan_moves_only_through_its_table(self):
        self.assert_moves_out_of_the_table_refused(self.draft_plan(), self.hr_officer)

    def test_adjustment_says_why(self):
        plan = self.approved_plan()
        adjustment = self.adjust(plan, reason="")
        with self.assertRaises(UserError):
            adjustment.action_submit()
        self.assertEqual(adjustment.state, "draft")

    def test_returned_adjustment_leaves_the_plan_in_force(self):
        plan = self.approved_plan()
        adjustment = self.adjust(plan)
        adjustment.action_submit()
        adjustment.with_user(self.manager_user).action_send_back("Keep four: the customer agreed")
        self.assertEqual(adjustment.state, "draft")
        self.assertEqual(plan.state, "approved")
        self.assertEqual(
            adjustment.approval_ids.filtered("superseded").comment, "Keep four: the customer agreed"
        )

    def test_forged_state_writes_are_refused(self):
        plan = self.draft_plan()
        for user in (self.engineer_user, self.manager_user, self.hr_officer):
            for vals in ({"state": "approved"}, {"version": 5}, {"approved_on": "2026-11-16"}):
                with self.assertRaises(AccessError):
                    plan.with_user(user).write(vals)
        with self.assertRaises(AccessError):
            self.env[PLAN].with_user(self.engineer_user).create(
                {
                    "employee_id": self.engineer.id,
                    "period_start": "2026-12-01",
                    "period_end": "2026-12-31",
                    "state": "approved",
                }
            )
        approved = self.approved_plan_for_december()
        with self.assertRaises(AccessError):
            plan.with_user(self.engineer_user).write({"previous_id": approved.id})
        self.assertEqual(plan.state, "draft")

    def approved_plan_for_december(self):
        plan = (
            self.env[PLAN]
            .with_user(self.engineer_user)
            .create(
                {
                    "employee_id": self.engineer.id,
                    "period_start": "2026-12-01",
                    "period_end": "2026-12-31",
                    "line_ids": [Command.create({"name": "Close the year's tickets"})],
                }
            )
        )
        plan.action_submit()
        plan.with_user(self.manager_user).action_approve()
        return plan

    def test_colleague_cannot_read_the_plan(self):
        plan = self.draft_plan()
        with self.assertRaises(AccessError):
            plan.with_user(self.colleague_user).read(["line_ids"])
        with self.assertRaises(AccessError):
            plan.line_ids.with_user(self.colleague_user).read(["name"])
        self.assertFalse(self.env[PLAN].with_user(self.colleague_user).search([]))
        # Nor prepare one in their name.
        with self.assertRaises(AccessError):
            self.env[PLAN].with_user(self.colleague_user).create(
                {
                    "employee_id": self.engineer.id,
                    "period_start": "2026-12-01",
                    "period_end": "2026-12-31",
                }
            )

    def test_a_draft_is_not_moved_to_a_colleague(self):
        """Probe 2026-12: the engineer cannot retarget their draft to a colleague."""
        plan = self.draft_plan(employee=self.engineer)  # no review: nothing else stops it
        with self.assertRaises(AccessError):
            plan.with_user(self.engineer_user).write({"employee_id": self.colleague.id})
        self.assertEqual(plan.employee_id, self.engineer)
        # Their superior prepares it for either of them.
        plan.with_user(self.manager_user).write({"employee_id": self.colleague.id})
        self.assertEqual(plan.employee_id, self.colleague)

    def test_one_plan_per_period(self):
        self.draft_plan()
        with self.assertRaises(ValidationError):
            self.draft_plan(user=self.manager_user)

    def test_weights_add_up_to_100(self):
        plan = self.draft_plan()
        plan.line_ids[0].weight = 50
        with self.assertRaises(UserError):
            plan.action_submit()

    def test_forms_open_for_each_role(self):
        """What the web client reads to show the plan, for the engineer, superior and HR."""
        plan = self.approved_plan()
        for user in (self.engineer_user, self.manager_user, self.hr_officer):
            Plan = self.env[PLAN].with_user(user)
            views = Plan.get_views([(False, "form"), (False, "list")])
            fields = views["models"][PLAN]["fields"]
            Plan.browse(plan.id).web_read(
                {name: {} for name in fields if Plan._fields[name].type != "one2many"}
            )
