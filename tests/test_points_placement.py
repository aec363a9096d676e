# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import PayslipCase
from .review_common import ReviewCase


@tagged("post_install", "-at_install")
class TestWorkshopLadder(ReviewCase):
    """Seed 000's car-workshop technician ladder, shipped off (E11)."""

    def test_the_workshop_ladder_ships_off_with_the_seed_grades_and_conditions(self):
        ladder = self.env.ref("hr_technical_grade.ladder_workshop_technician")
        grades = ladder.with_context(active_test=False).grade_ids.sorted("sequence")
        self.assertFalse(ladder.active)
        self.assertTrue(ladder.points_graded)
        self.assertFalse(self.env.ref("hr_technical_grade.ladder_technical_sequence").points_graded)
        self.assertEqual(grades.mapped("code"), ["WT1", "WT2", "WT3", "WT4"])
        self.assertEqual(
            grades.mapped("name"),
            ["Assistant Technician", "Technician", "Senior Technician", "Master Technician"],
        )
        self.assertFalse(any(grades.mapped("active")))
        # 在公司助理技师岗位工作1年以上; 维修技师 1 年 + 3 年奥迪经验; 高级维修技师 2 年 + 5 年.
        self.assertEqual(grades.mapped("min_months_in_previous"), [0, 12, 12, 24])
        self.assertEqual(grades.mapped("min_experience_years"), [0, 0, 3, 5])
        # The seed gives no minimum points and no salary: nothing is invented.
        self.assertEqual(grades.mapped("min_monthly_points"), [0, 0, 0, 0])
        self.assertEqual(grades.sudo().mapped("monthly_total"), [0, 0, 0, 0])
        # The technician's theory content is the seed's column that totals 100 %.
        technician = grades[1]
        theory = technician.exam_part_ids.filtered(lambda part: part.part == "theory")
        self.assertEqual(
            [(item.name, item.weight) for item in theory.item_ids],
            [
                ("Technician basic knowledge", 20.0),
                ("Overhaul data of the assemblies", 10.0),
                ("Self-study programmes of new models", 10.0),
                ("Networks and topology", 10.0),
                ("ELSA circuit diagrams", 40.0),
                ("Finding and applying TPIs", 10.0),
            ],
        )
        self.assertEqual(theory.item_weight_total, 100.0)
        # The other columns do not total 100 % in the seed's text: no items ship.
        for grade in grades - technician:
            self.assertFalse(grade.exam_part_ids.item_ids, grade.code)
            self.assertEqual(grade.exam_weight_total, 100.0)
        ladder.action_turn_on()
        self.assertTrue(all(grades.mapped("active")))
        self.assertEqual(grades[0]._get_next_grade(), technician)
        self.assertEqual(grades[-1]._get_next_grade(), self.env["hr.technical.grade"])
        # The engineers' ladder stays apart.
        self.assertEqual(self.expert._get_next_grade(), self.env["hr.technical.grade"])


@tagged("post_install", "-at_install")
class TestPointsPlacement(ReviewCase, PayslipCase):
    """Seed 000's points system (积分制): monthly points place staff in a grade (F8)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.ladder = ref("hr_technical_grade.ladder_workshop_technician")
        cls.ladder.action_turn_on()
        cls.assistant = ref("hr_technical_grade.grade_workshop_assistant")
        cls.technician = ref("hr_technical_grade.grade_workshop_technician")
        cls.senior_tech = ref("hr_technical_grade.grade_workshop_senior")
        cls.master = ref("hr_technical_grade.grade_workshop_master")
        # The company's minimums (ours, for the tests).
        cls.technician.min_monthly_points = 60
        cls.senior_tech.min_monthly_points = 75
        cls.master.min_monthly_points = 90
        # The engineer works in the workshop; the colleague stays on the engineers' ladder.
        cls.record(cls.engineer, cls.assistant, "2025-01-01", change_type="correction")

    def placements(self, plan=None):
        return (plan or self.plan).with_user(self.hr_officer).action_open_points_placements()

    def placement_of(self, employee, period):
        return self.env["hr.technical.grade.points.placement"].search(
            [("employee_id", "=", employee.id), ("period", "=", period)]
        )

    def month(self, day, results, reviewers, employee=None):
        # 50 % × 80 (KPI from its starting score) + 20 % results + 30 % 360°.
        return self.finish(self.open_review(employee, day), results, reviewers)

    def test_the_months_points_place_the_employee_and_confirming_changes_the_grade(self):
        review = self.month(date(2026, 1, 15), 80, 80)
        self.assertEqual(review.final_score, 80.0)
        self.month(date(2026, 1, 15), 80, 80, self.colleague)
        action = self.placements()
        placement = self.placement_of(self.engineer, "2026-01")
        self.assertEqual(action["domain"], [("id", "in", placement.ids)])
        # The colleague's ladder is not graded by points.
        self.assertFalse(self.placement_of(self.colleague, "2026-01"))
        self.assertEqual(placement.points, 80.0)
        self.assertEqual(placement.current_grade_id, self.assistant)
        # 80 reaches the senior technician's 75, not the master's 90: two grades up.
        self.assertEqual(placement.placed_grade_id, self.senior_tech)
        self.assertEqual(placement.change, "up")
        self.assertEqual(placement.effective_date, date(2026, 2, 1))
        self.assertEqual(placement.state, "draft")
        # Computing again makes no second placement.
        self.placements()
        self.assertEqual(len(self.placement_of(self.engineer, "2026-01")), 1)
        placement.with_user(self.hr_officer).action_confirm()
        self.assertEqual(placement.state, "confirmed")
        self.assertEqual(placement.confirm_user_id, self.hr_officer)
        line = placement.history_id
        self.assertEqual(line.grade_id, self.senior_tech)
        self.assertEqual(line.change_type, "points")
        self.assertEqual(line.date_from, date(2026, 2, 1))
        self.assertFalse(line.manual)
        self.assertEqual(line.origin, placement.display_name)
        previous = self.History.search(
            [("employee_id", "=", self.engineer.id), ("grade_id", "=", self.assistant.id)]
        )
        self.assertEqual(previous.date_to, date(2026, 1, 31))
        # A confirmed placement is fixed.
        with self.assertRaises(UserError):
            placement.with_user(self.hr_officer).write({"effective_date": date(2026, 3, 1)})
        with self.assertRaises(UserError):
            placement.with_user(self.hr_officer).action_confirm()

    def test_the_grade_placed_in_pays_from_the_first_day_of_the_next_month(self):
        # The company's amounts (the seed gives none for this ladder).
        self.assistant.write({"base_wage": 2000, "post_wage": 0, "allowance": 0})
        self.senior_tech.write({"base_wage": 3000, "post_wage": 0, "allowance": 800})
        self.month(date(2026, 1, 15), 80, 80)
        self.placements()
        self.placement_of(self.engineer, "2026-01").with_user(self.hr_officer).action_confirm()
        january = self.amounts(self.payslip(self.engineer, "2026-01-01", "2026-01-31"))
        february = self.amounts(self.payslip(self.engineer, "2026-02-01", "2026-02-28"))
        self.assertEqual((january["TG_BASE"], january.get("TG_ALW", 0.0)), (2000.0, 0.0))
        self.assertEqual((february["TG_BASE"], february["TG_ALW"]), (3000.0, 800.0))

    def test_points_below_the_grade_held_move_it_down_and_equal_points_keep_it(self):
        self.month(date(2026, 1, 15), 95, 95)  # 87.5: senior technician
        self.month(date(2026, 2, 15), 10, 10)  # 45: below the technician's 60
        self.placements()
        january = self.placement_of(self.engineer, "2026-01")
        february = self.placement_of(self.engineer, "2026-02")
        self.assertEqual((january.placed_grade_id, january.change), (self.senior_tech, "up"))
        january.with_user(self.hr_officer).action_confirm()
        # February was computed when the assistant grade was the latest: compute again.
        with self.assertRaises(UserError):
            february.with_user(self.hr_officer).action_confirm()
        self.placements()
        self.assertEqual(february.current_grade_id, self.senior_tech)
        self.assertEqual((february.placed_grade_id, february.change), (self.assistant, "down"))
        february.with_user(self.hr_officer).action_confirm()
        self.assertEqual(february.history_id.grade_id, self.assistant)
        self.assertEqual(february.history_id.date_from, date(2026, 3, 1))
        # March at the same grade: confirmed without a history line.
        self.month(date(2026, 3, 15), 10, 10)
        self.placements()
        march = self.placement_of(self.engineer, "2026-03")
        self.assertEqual(march.change, "stay")
        lines = self.History.search_count([("employee_id", "=", self.engineer.id)])
        march.with_user(self.hr_officer).action_confirm()
        self.assertFalse(march.history_id)
        self.assertEqual(self.History.search_count([("employee_id", "=", self.engineer.id)]), lines)

    def test_an_earlier_month_cannot_follow_a_later_one(self):
        self.month(date(2026, 1, 15), 95, 95)
        self.month(date(2026, 2, 15), 95, 95)
        self.placements()
        january = self.placement_of(self.engineer, "2026-01")
        february = self.placement_of(self.engineer, "2026-02")
        with self.assertRaisesRegex(UserError, "one month at a time"):
            (january | february).with_user(self.hr_officer).action_confirm()
        february.with_user(self.hr_officer).action_confirm()
        with self.assertRaisesRegex(UserError, "can no longer change the grade"):
            january.with_user(self.hr_officer).action_confirm()

    def test_a_missing_minimum_refuses_the_placements_naming_the_grade(self):
        self.master.min_monthly_points = 0
        self.month(date(2026, 1, 15), 80, 80)
        with self.assertRaisesRegex(UserError, "Master Technician"):
            self.placements()
        self.master.min_monthly_points = 70  # below the senior technician's 75
        with self.assertRaisesRegex(UserError, "must be above"):
            self.placements()

    def test_only_a_monthly_plan_places_and_only_on_a_points_ladder(self):
        quarterly = self.plan.copy({"name": "Quarterly", "period_type": "quarterly"})
        with self.assertRaisesRegex(UserError, "does not review monthly"):
            self.placements(quarterly)
        # Only the colleague (engineers' ladder) has a finished review.
        self.month(date(2026, 1, 15), 80, 80, self.colleague)
        with self.assertRaisesRegex(UserError, "nothing to place"):
            self.placements()

    def test_the_grade_change_is_refused_inside_a_confirmed_pay_period(self):
        self.month(date(2026, 1, 15), 80, 80)
        self.placements()
        placement = self.placement_of(self.engineer, "2026-01")
        self.payslip(self.engineer, "2026-02-01", "2026-02-28").action_payslip_done()
        with self.assertRaisesRegex(UserError, "2026-03-01 or later"):
            placement.with_user(self.hr_officer).action_confirm()
        # Not before the month after the one placed.
        with self.assertRefused(ValidationError, "takes effect after the month it places"):
            placement.with_user(self.hr_officer).write({"effective_date": date(2026, 1, 20)})
        placement.with_user(self.hr_officer).write({"effective_date": date(2026, 3, 1)})
        placement.with_user(self.hr_officer).action_confirm()
        self.assertEqual(placement.history_id.date_from, date(2026, 3, 1))

    def test_engineers_read_their_own_placements_and_only_the_actions_write(self):
        self.record(self.colleague, self.technician, "2025-01-01", change_type="correction")
        self.month(date(2026, 1, 15), 80, 80)
        self.month(date(2026, 1, 15), 80, 80, self.colleague)
        with self.assertRaises(AccessError):
            self.plan.with_user(self.engineer_user).action_open_points_placements()
        self.placements()
        mine = self.placement_of(self.engineer, "2026-01")
        theirs = self.placement_of(self.colleague, "2026-01")
        Placement = self.env["hr.technical.grade.points.placement"].with_user(self.engineer_user)
        self.assertEqual(Placement.search([]), mine)
        with self.assertRaises(AccessError):
            theirs.with_user(self.engineer_user).read(["points"])
        with self.assertRaises(AccessError):
            mine.with_user(self.engineer_user).action_confirm()
        with self.assertRaises(AccessError):
            mine.with_user(self.engineer_user).write({"effective_date": date(2026, 3, 1)})
        with self.assertRaises(AccessError):
            mine.with_user(self.hr_officer).write({"points": 100})
        with self.assertRaises(AccessError):
            Placement.create(
                {
                    "employee_id": self.engineer.id,
                    "plan_id": self.plan.id,
                    "review_id": mine.review_id.id,
                    "period": "2026-02",
                }
            )
        self.assertEqual(mine.state, "draft")
        # The engineer's form is read-only; HR's lets it move the effective date.
        arch = Placement.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn('edit="False"', arch.replace("'", '"'))
        Officer = self.env["hr.technical.grade.points.placement"].with_user(self.hr_officer)
        arch = Officer.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertNotIn('edit="False"', arch.replace("'", '"'))
