# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

import importlib.util
from pathlib import Path

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tools import SQL

from ..grade_rules.scoring import EXAM_PARTS
from .common import CommitteeCase, form_ratings

MIGRATION = Path(__file__).parent.parent / "migrations" / "18.0.2.3.0" / "post-exams14.py"


@tagged("post_install", "-at_install")
class TestExamParts(CommitteeCase):
    """Each grade lists its exam parts and their weights; the committee scores those."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.candidate_user = cls.user(
            "tg_exam_candidate", "hr_technical_grade.group_technical_grade_user"
        )
        cls.chair = cls.user("tg_exam_chair")
        cls.member = cls.user("tg_exam_member")
        cls.engineer.user_id = cls.candidate_user
        cls.committee.write(
            {
                "member_ids": [Command.set((cls.chair | cls.member).ids)],
                "chair_id": cls.chair.id,
                "quorum": 2,
            }
        )

    def written_and_interview(self):
        """The intermediate grade evaluated by a written test and an interview."""
        self.intermediate.write(
            {
                "exam_form_weight": 40,
                "exam_part_ids": [
                    Command.clear(),
                    Command.create({"part": "written", "weight": 30}),
                    Command.create({"part": "interview", "weight": 30}),
                ],
            }
        )

    def test_grades_ship_the_seeds_three_parts(self):
        grades = self.env["hr.technical.grade"].search([])
        self.assertTrue(grades)
        for grade in grades:
            with self.subTest(grade=grade.code):
                self.assertEqual(
                    [(p.part, p.weight) for p in grade.exam_part_ids],
                    [("theory", 20.0), ("practical", 30.0), ("teaching", 10.0)],
                )
                self.assertEqual(grade.exam_form_weight, 40.0)
                self.assertEqual(grade.exam_weight_total, 100.0)

    def test_members_score_the_parts_of_the_target_grade(self):
        self.written_and_interview()
        evaluation = self.before_committee()
        self.assertEqual(evaluation.exam_parts, "written,interview")
        # A part the grade does not list is not scored.
        with self.assertRefused(UserError, "has no Theory Exam exam"):
            evaluation.with_user(self.chair)._record_member_score(
                {"theory": 80, "written": 80, "interview": 80}, ratings=form_ratings(evaluation)
            )
        for value in (101, -1, "80", None, True):
            with self.subTest(value=value), self.assertRefused(UserError, "number from 0 to 100"):
                evaluation.with_user(self.chair)._record_member_score(
                    {"written": value, "interview": 80}, ratings=form_ratings(evaluation)
                )
        with self.assertRefused(UserError, "not an exam part"):
            evaluation.with_user(self.chair)._record_member_score(
                {"essay": 80}, ratings=form_ratings(evaluation)
            )
        evaluation.with_user(self.chair)._record_member_score(
            {"written": 90, "interview": 70}, ratings=form_ratings(evaluation)
        )
        # The member's wizard asks for the grade's parts.
        wizard = (
            self.env["hr.technical.grade.score.wizard"]
            .with_user(self.member)
            .create({"evaluation_id": evaluation.id, "written_score": 70, "interview_score": 50})
        )
        self.assertEqual(wizard.exam_parts, "written,interview")
        ratings = form_ratings(evaluation)
        for line in wizard.line_ids:
            line.level_id = ratings[line.criterion_id.id]
        wizard.action_score()
        self.assertEqual(evaluation.committee_state, "closed")
        self.assertEqual((evaluation.written_score, evaluation.interview_score), (80.0, 60.0))
        self.assertEqual(evaluation.theory_score, 0.0)
        # 40 % × form + 30 % × 80 + 30 % × 60
        expected = round(0.4 * evaluation.assessment_score + 24 + 18, 2)
        self.assertAlmostEqual(evaluation.final_score, expected, places=2)
        closing = evaluation.message_ids.filtered(lambda m: "Scoring closed" in (m.body or ""))
        self.assertIn("Written Test 80", closing.body)
        self.assertIn("Interview 60", closing.body)

    def test_the_seed_parts_score_as_before(self):
        evaluation = self.before_committee()
        self.assertEqual(evaluation.exam_parts, "theory,practical,teaching")
        for user in (self.chair, self.member):
            evaluation.with_user(user)._record_member_score(
                {"theory": 80, "practical": 90, "teaching": 70}, ratings=form_ratings(evaluation)
            )
        # 40 % × form + 20 % × 80 + 30 % × 90 + 10 % × 70
        expected = round(0.4 * evaluation.assessment_score + 16 + 27 + 7, 2)
        self.assertAlmostEqual(evaluation.final_score, expected, places=2)

    def test_a_submitted_request_keeps_the_weights_of_its_submission(self):
        evaluation = self.before_committee()
        self.assertEqual(
            evaluation.exam_weights,
            {"assessment": 40.0, "theory": 20.0, "practical": 30.0, "teaching": 10.0},
        )
        for user in (self.chair, self.member):
            evaluation.with_user(user)._record_member_score(
                {"theory": 80, "practical": 90, "teaching": 70}, ratings=form_ratings(evaluation)
            )
        before = evaluation.final_score
        # HR changes the grade's weights afterwards: the request keeps its own.
        self.intermediate.write(
            {
                "exam_part_ids": [
                    Command.clear(),
                    Command.create({"part": "theory", "weight": 60}),
                ],
            }
        )
        evaluation.sudo()._compute_scores()
        self.assertAlmostEqual(evaluation.final_score, before, places=2)
        self.assertEqual(evaluation._applied_exam_weights()["assessment"], 40.0)
        with self.assertRaisesRegex(AccessError, "change through its actions only"):
            evaluation.with_user(self.hr_officer).write({"exam_weights": {"assessment": 100}})

    def test_the_upgrade_freezes_the_weights_of_requests_past_their_draft(self):
        evaluation = self.before_committee()
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE hr_technical_grade_evaluation SET exam_weights = NULL WHERE id = %s",
            (evaluation.id,),
        )
        path = (
            Path(__file__).parent.parent
            / "migrations"
            / "18.0.2.4.0"
            / "post-20-exam-weights-frozen.py"
        )
        spec = importlib.util.spec_from_file_location("post_exam_weights_frozen", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(self.env.cr, "18.0.2.3.0")
        self.env.invalidate_all()
        self.assertEqual(evaluation.exam_weights, self.intermediate._exam_weights())

    def test_weights_are_checked_with_their_grade_named(self):
        part = self.junior.exam_part_ids.filtered(lambda p: p.part == "theory")
        with self.assertRefused(ValidationError, "goes from 0 to 100 %, not -5"):
            part.weight = -5
        with self.assertRefused(ValidationError, "goes from 0 to 100 %, not 120"):
            part.weight = 120
        with self.assertRefused(ValidationError, f"of {self.junior.name} must total 100 %, not 90"):
            part.weight = 10
        with self.assertRefused(ValidationError, "must total 100 %, not 110"):
            self.junior.exam_form_weight = 50
        with self.assertRefused(ValidationError, "cannot be negative"):
            self.junior.write(
                {
                    "exam_form_weight": -10,
                    "exam_part_ids": [Command.create({"part": "interview", "weight": 50})],
                }
            )
        with self.assertRefused(Exception, "part_grade_uniq|each exam part once"):
            self.junior.write({"exam_part_ids": [Command.create({"part": "theory", "weight": 0})]})
        # Moving weight between parts in one save is accepted.
        self.junior.write(
            {
                "exam_part_ids": [
                    Command.update(part.id, {"weight": 30}),
                    Command.update(
                        self.junior.exam_part_ids.filtered(lambda p: p.part == "teaching").id,
                        {"weight": 0},
                    ),
                ]
            }
        )
        self.assertEqual(self.junior.exam_weight_total, 100.0)

    def test_a_change_of_parts_is_in_the_grades_chatter(self):
        self.written_and_interview()
        body = self.intermediate.message_ids[:1].body
        self.assertIn("Exam parts: Written Test 30 %, Interview 30 %", body)
        self.intermediate.exam_form_weight = 40  # tracked: no change, no message
        self.intermediate.write(
            {
                "exam_form_weight": 50,
                "exam_part_ids": [
                    Command.update(self.intermediate.exam_part_ids[0].id, {"weight": 20})
                ],
            }
        )
        self.env.flush_all()
        self.cr.precommit.run()  # tracking values are written before commit
        self.assertTrue(
            self.intermediate.message_ids.tracking_value_ids.filtered(
                lambda t: t.field_id.name == "exam_form_weight"
            )
        )

    def test_only_hr_configures_the_parts(self):
        for user in (self.candidate_user, self.member):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.junior.exam_part_ids[0].with_user(user).weight = 25
        self.assertTrue(self.junior.exam_part_ids.with_user(self.candidate_user).read(["part"]))
        part = self.junior.exam_part_ids.filtered(lambda p: p.part == "teaching")
        self.junior.with_user(self.hr_officer).write(
            {
                "exam_part_ids": [
                    Command.unlink(part.id),
                    Command.create({"part": "case", "weight": 10}),
                ]
            }
        )
        self.assertEqual(self.junior.exam_part_ids.mapped("part"), ["theory", "practical", "case"])

    def test_engineers_do_not_read_the_members_scores(self):
        self.written_and_interview()
        evaluation = self.before_committee()
        evaluation.with_user(self.chair)._record_member_score(
            {"written": 90, "interview": 70}, ratings=form_ratings(evaluation)
        )
        Score = self.env["hr.technical.grade.evaluation.score"]
        with self.assertRaises(AccessError):
            Score.with_user(self.candidate_user).search([]).read(["written_score"])
        self.assertFalse(
            Score.with_user(self.member).search(
                [("evaluation_id", "=", evaluation.id), ("state", "=", "scored")]
            )
        )

    def test_the_upgrade_gives_each_grade_its_companys_weights(self):
        """migrations/18.0.2.3.0 on grades and a company put back into the old shape."""
        cr = self.env.cr
        evaluation = self.before_committee()
        for user in (self.chair, self.member):
            evaluation.with_user(user)._record_member_score(
                {"theory": 80, "practical": 90, "teaching": 70}, ratings=form_ratings(evaluation)
            )
        before = evaluation.read(
            ["theory_score", "practical_score", "teaching_score", "final_score"]
        )
        self.env.flush_all()
        company = self.env.company
        for column, value in (
            ("technical_grade_weight_assessment", 50),
            ("technical_grade_weight_theory", 20),
            ("technical_grade_weight_practical", 20),
            ("technical_grade_weight_teaching", 10),
        ):
            cr.execute(SQL("ALTER TABLE res_company ADD COLUMN %s numeric", SQL.identifier(column)))
            cr.execute(
                SQL(
                    "UPDATE res_company SET %s = %s WHERE id = %s",
                    SQL.identifier(column),
                    value,
                    company.id,
                )
            )
        grades = self.env["hr.technical.grade"].search([("company_id", "=", company.id)])
        cr.execute(
            "DELETE FROM hr_technical_grade_exam_part WHERE grade_id IN %s", (tuple(grades.ids),)
        )
        cr.execute(
            "DELETE FROM hr_technical_grade_committee_seat WHERE committee_id = %s",
            (self.committee.id,),
        )
        self.env.invalidate_all()
        spec = importlib.util.spec_from_file_location("post_exams14", MIGRATION)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(cr, "18.0.2.2.0")
        self.env.invalidate_all()
        for grade in grades:
            self.assertEqual(
                [(p.part, p.weight) for p in grade.exam_part_ids],
                [("theory", 20.0), ("practical", 20.0), ("teaching", 10.0)],
            )
            self.assertEqual(grade.exam_form_weight, 50.0)
        self.assertEqual(len(self.committee.seat_ids), 6)
        # The evaluation keeps its scores as they were given.
        self.assertEqual(
            evaluation.read(["theory_score", "practical_score", "teaching_score", "final_score"]),
            before,
        )


@tagged("post_install", "-at_install")
class TestTheoryContent(CommitteeCase):
    """The theory exam's content items weigh the theory score (seed 000, 理论知识考核内容)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.candidate_user = cls.user(
            "tg_item_candidate", "hr_technical_grade.group_technical_grade_user"
        )
        cls.member = cls.user("tg_item_member")
        cls.engineer.user_id = cls.candidate_user
        cls.committee.write(
            {"member_ids": [Command.set(cls.member.ids)], "chair_id": cls.member.id, "quorum": 1}
        )
        cls.theory = cls.intermediate.exam_part_ids.filtered(lambda p: p.part == "theory")
        cls.theory.item_ids = [
            Command.create({"name": "维修技师基础知识", "weight": 20}),
            Command.create({"name": "ELSA电路图", "weight": 40}),
            Command.create({"name": "各总成大修数据", "weight": 40}),
        ]

    def test_items_are_checked(self):
        item = self.theory.item_ids[0]
        with self.assertRefused(ValidationError, "must total 100 %, not 90"):
            item.weight = 10
        with self.assertRefused(ValidationError, "goes from 0 to 100 %, not -20"):
            self.theory.item_ids = [
                Command.update(item.id, {"weight": -20}),
                Command.create({"name": "TPI", "weight": 40}),
            ]
        practical = self.intermediate.exam_part_ids.filtered(lambda p: p.part == "practical")
        with self.assertRefused(ValidationError, "weigh the theory exam only"):
            practical.item_ids = [Command.create({"name": "Wiring", "weight": 100})]

    def test_the_theory_score_is_the_items_weighted_total(self):
        evaluation = self.before_committee()
        items = self.theory.item_ids
        with self.assertRefused(UserError, "Score each content item"):
            evaluation.with_user(self.member)._record_member_score(
                {"theory": 80, "practical": 80, "teaching": 80}, ratings=form_ratings(evaluation)
            )
        with self.assertRefused(UserError, "ELSA电路图 is a number from 0 to 100"):
            evaluation.with_user(self.member)._record_member_score(
                {"theory": {items[0].id: 50, items[1].id: 120, items[2].id: 100}},
                ratings=form_ratings(evaluation),
            )
        wizard = (
            self.env["hr.technical.grade.score.wizard"]
            .with_user(self.member)
            .create({"evaluation_id": evaluation.id, "practical_score": 80, "teaching_score": 70})
        )
        self.assertEqual(wizard.item_ids.item_id, items)
        for line, value in zip(wizard.item_ids, (50, 75, 100), strict=True):
            line.score = value
        ratings = form_ratings(evaluation)
        for line in wizard.line_ids:
            line.level_id = ratings[line.criterion_id.id]
        wizard.action_score()
        # 20 % × 50 + 40 % × 75 + 40 % × 100
        self.assertEqual(evaluation.theory_score, 80.0)
        score = evaluation.sudo().score_ids
        self.assertEqual(
            score.theory_item_scores,
            {str(items[0].id): 50, str(items[1].id): 75, str(items[2].id): 100},
        )


@tagged("post_install", "-at_install")
class TestExamScoreFields(CommitteeCase):
    """One declaration of the exam scores, the same columns as before (design D8)."""

    def test_every_exam_part_has_its_score_where_scores_are_kept(self):
        mixin = self.env["hr.technical.grade.exam.score.mixin"]
        for model in (
            "hr.technical.grade.evaluation",
            "hr.technical.grade.evaluation.score",
            "hr.technical.grade.score.wizard",
        ):
            Model = self.env[model]
            self.assertIn("hr.technical.grade.exam.score.mixin", Model._inherit)
            for part in EXAM_PARTS:
                field = Model._fields[f"{part}_score"]
                declared = mixin._fields[f"{part}_score"]
                self.assertEqual(
                    (field.type, field.store, field.get_digits(self.env), field.string),
                    ("float", True, (5, 2), declared.string),
                    f"{model}.{part}_score",
                )
                # The column is the one the table always had.
                self.env.cr.execute(
                    SQL(
                        "SELECT data_type FROM information_schema.columns "
                        "WHERE table_name = %s AND column_name = %s",
                        Model._table,
                        f"{part}_score",
                    )
                )
                self.assertEqual(self.env.cr.fetchone(), ("numeric",), f"{model}.{part}_score")
        # The evaluation tracks its exam scores in the chatter.
        evaluation = self.env["hr.technical.grade.evaluation"]
        self.assertTrue(all(evaluation._fields[f"{part}_score"].tracking for part in EXAM_PARTS))
