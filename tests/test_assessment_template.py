# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo.exceptions import AccessError, ValidationError
from odoo.fields import Command
from odoo.tests import Form, new_test_user, tagged

from .common import TechnicalGradeCase


@tagged("post_install", "-at_install")
class TestAssessmentTemplate(TechnicalGradeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Template = cls.env["hr.technical.grade.assessment.template"]
        cls.engineer_form = cls.env.ref("hr_technical_grade.assessment_template_engineer")
        cls.weighted_form = cls.env.ref("hr_technical_grade.assessment_template_weighted")

    def new_template(self, weights, scale_type="points", weighting="weighted"):
        return self.Template.create(
            {
                "name": "Test form",
                "scale_type": scale_type,
                "weighting": weighting,
                "section_ids": [
                    Command.create(
                        {
                            "name": "Section",
                            "criterion_ids": [
                                Command.create({"name": f"C{i}", "weight": w})
                                for i, w in enumerate(weights)
                            ],
                        }
                    )
                ],
            }
        )

    def test_seed_form_attachment_one(self):
        """附表一 as the seed gives it: three levels, a standard per section, no weights."""
        form = self.engineer_form
        self.assertEqual(
            form.section_ids.mapped("name"),
            ["Technical Ability", "Service Attitude", "Business Level"],
        )
        self.assertEqual([len(s.criterion_ids) for s in form.section_ids], [5, 4, 4])
        self.assertEqual(form.weighting, "equal")
        self.assertFalse(any(form.criterion_ids.mapped("weight")))
        self.assertEqual(
            [(lv.name, lv.points) for lv in form.level_ids],
            [("Excellent", 100), ("Good", 80), ("Pass", 60)],
        )
        self.assertEqual(form.max_points, 100)
        # 4.1 and 4.2 describe the three levels; the seed's 4.3 stops after 优秀.
        self.assertEqual(
            [s.standard_ids.level_id.mapped("name") for s in form.section_ids],
            [["Excellent", "Good", "Pass"], ["Excellent", "Good", "Pass"], ["Excellent"]],
        )
        for grade in (self.trainee, self.junior, self.intermediate, self.senior, self.expert):
            self.assertEqual(grade.assessment_template_id, form)

    def test_equal_weighting_scores_the_mean_of_the_ratings(self):
        form = self.engineer_form
        excellent, good, passed = form.level_ids.sorted("points", reverse=True)
        criteria = form.criterion_ids
        points = {c: excellent.points for c in criteria}
        self.assertEqual(form._score(points), 100.0)
        points[criteria[0]] = passed.points  # 12 × 100 + 60 over 13 criteria
        self.assertEqual(form._score(points), 96.92)
        self.assertEqual(form._score({c: good.points for c in criteria}), 80.0)
        # An unrated criterion counts as zero, as on a weighted form.
        self.assertEqual(form._score({c: good.points for c in criteria[1:]}), 73.85)

    def test_other_seed_forms(self):
        ref = self.env.ref
        annex2 = ref("hr_technical_grade.assessment_template_annex2")
        self.assertEqual(
            annex2.section_ids.mapped("name"), self.engineer_form.section_ids.mapped("name")
        )
        five = ref("hr_technical_grade.assessment_template_content_five")
        self.assertEqual(len(five.criterion_ids), 5)
        four = ref("hr_technical_grade.assessment_template_content_four")
        self.assertEqual(
            four.criterion_ids.mapped("name"),
            ["Technical ability", "Service level", "Work results", "Education and training"],
        )
        for form in annex2 | five | four:
            self.assertEqual(form.weighting, "equal")
            self.assertEqual(form.level_ids.mapped("points"), [100, 80, 60])

    def test_weights_are_checked_only_when_criteria_are_weighted(self):
        template = self.new_template([30, 30], weighting="equal")
        template.section_ids.criterion_ids[0].weight = 10  # ignored: no check
        self.assertEqual(template._score(dict.fromkeys(template.criterion_ids, 50)), 50.0)
        with self.assertRaises(ValidationError):
            template.weighting = "weighted"

    def test_a_standard_describes_a_level_of_its_own_form(self):
        section = self.engineer_form.section_ids[0]
        other_level = self.weighted_form.level_ids[:1] or self.env[
            "hr.technical.grade.assessment.level"
        ].create({"template_id": self.new_template([100]).id, "name": "X", "points": 5})
        with self.assertRaises(ValidationError):
            self.env["hr.technical.grade.assessment.standard"].create(
                {"section_id": section.id, "level_id": other_level.id, "description": "x"}
            )

    def test_seed_weighted_form(self):
        form = self.weighted_form
        self.assertEqual(form.scale_type, "points")
        self.assertEqual(
            [(c.name, c.weight) for c in form.criterion_ids],
            [
                ("Work results", 40),
                ("Service ability", 20),
                ("Customer satisfaction", 20),
                ("Teamwork", 10),
                ("Training and learning", 10),
            ],
        )

    def test_scores(self):
        levels = {lv.name: lv.points for lv in self.engineer_form.level_ids}
        rating = {
            "Technical Ability": "Excellent",
            "Service Attitude": "Good",
            "Business Level": "Pass",
        }
        points = {c: levels[rating[c.section_id.name]] for c in self.engineer_form.criterion_ids}
        # Every criterion counts the same: (5 × 100 + 4 × 80 + 4 × 60) / 13
        self.assertEqual(self.engineer_form._score(points), 81.54)
        weighted = dict(zip(self.weighted_form.criterion_ids, [90, 80, 85, 70, 100], strict=True))
        self.assertEqual(self.weighted_form._score(weighted), 86.0)

    def test_weights_must_total_100(self):
        with self.assertRefused(ValidationError, "total 90 %"):
            self.new_template([40, 20, 20, 10])
        with self.assertRefused(ValidationError, "negative"):
            self.new_template([110, -10])
        self.assertEqual(self.new_template([60, 40]).weight_total, 100)

    def test_changing_several_weights_in_one_save(self):
        template = self.new_template([60, 40])
        with Form(template) as form, form.section_ids.edit(0) as section:
            with section.criterion_ids.edit(0) as c0:
                c0.weight = 30
            with section.criterion_ids.edit(1) as c1:
                c1.weight = 70
        self.assertEqual(template.criterion_ids.mapped("weight"), [30, 70])

    def test_direct_changes_of_criteria_are_checked(self):
        template = self.new_template([60, 40])
        with self.assertRefused(ValidationError, "total 110 %"):
            template.criterion_ids[0].weight = 70
        with self.assertRefused(ValidationError, "total 60 %"):
            template.criterion_ids[1].unlink()
        self.assertEqual(template.weight_total, 100)

    def test_a_levels_form_needs_levels(self):
        with self.assertRefused(ValidationError, "at least one level"):
            self.new_template([100], scale_type="levels")

    def test_engineers_read_forms_but_do_not_change_them(self):
        user = new_test_user(
            self.env,
            login="tg_test_form_reader",
            groups="hr_technical_grade.group_technical_grade_user",
        )
        form = self.engineer_form.with_user(user)
        self.assertEqual(len(form.criterion_ids), 13)
        with self.assertRaises(AccessError):
            form.criterion_ids[0].weight = 20
        officer_form = self.weighted_form.with_user(self.hr_officer)
        officer_form.name = "Weighted form (renamed)"
        self.assertEqual(self.weighted_form.name, "Weighted form (renamed)")
