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

    def new_template(self, weights, scale_type="points"):
        return self.Template.create(
            {
                "name": "Test form",
                "scale_type": scale_type,
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
        form = self.engineer_form
        self.assertEqual(
            form.section_ids.mapped("name"),
            ["Technical Ability", "Service Attitude", "Business Level"],
        )
        self.assertEqual([len(s.criterion_ids) for s in form.section_ids], [5, 4, 4])
        self.assertEqual(form.section_ids.mapped("weight"), [50, 25, 25])
        self.assertEqual(form.weight_total, 100)
        self.assertEqual(
            [(lv.name, lv.points) for lv in form.level_ids],
            [("Excellent", 100), ("Good", 80), ("Pass", 60), ("Fail", 0)],
        )
        self.assertEqual(form.max_points, 100)
        for grade in (self.trainee, self.junior, self.intermediate, self.senior, self.expert):
            self.assertEqual(grade.assessment_template_id, form)

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
        # 50 × 100 % + 25 × 80 % + 25 × 60 %
        self.assertEqual(self.engineer_form._score(points), 85.0)
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
