# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The market and customer service department supplies the evaluation
material (seed 000, 1.3): asked when an evaluation is submitted, its files
land on the evaluation's evidence; the supplier sees nothing else."""

import base64

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import TechnicalGradeCase


@tagged("post_install", "-at_install")
class TestEvaluationMaterial(TechnicalGradeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.supplier = cls.user("tg_material_market")
        cls.other = cls.user("tg_material_other")
        cls.company.technical_grade_material_user_ids = cls.supplier
        steps = cls.env["hr.technical.grade.approval.step"].search([])
        steps.active = False
        steps.create(
            {"name": "HR approval", "approver_type": "users", "user_ids": cls.hr_officer.ids}
        )
        cls.record(cls.engineer, cls.trainee, "2024-01-01")
        cls.engineer.technical_experience_date = "2020-01-01"

    def evaluation(self):
        return (
            self.env["hr.technical.grade.evaluation"]
            .with_user(self.hr_officer)
            .create(
                {
                    "employee_id": self.engineer.id,
                    "kind": "promotion",
                    "target_grade_id": self.junior.id,
                    "override_eligibility": True,
                    "override_reason": "test",
                }
            )
        )

    def submitted(self):
        evaluation = self.evaluation()
        evaluation.with_user(self.hr_officer).action_submit()
        self.assertEqual(evaluation.state, "submitted")
        return evaluation

    def material_of(self, evaluation):
        return evaluation.sudo().material_ids

    def test_submitting_asks_the_department_and_supplied_files_become_evidence(self):
        evaluation = self.submitted()
        material = self.material_of(evaluation)
        self.assertEqual((material.user_id, material.state), (self.supplier, "requested"))
        activity = material.activity_ids
        self.assertEqual(activity.user_id, self.supplier)
        self.assertIn(self.engineer.name, activity.summary)
        # The supplier sees their request, attaches a file and supplies it.
        mine = material.with_user(self.supplier)
        self.assertEqual(mine.name, material.name)
        attachment = (
            self.env["ir.attachment"]
            .with_user(self.supplier)
            .create(
                {
                    "name": "complaints.txt",
                    "datas": base64.b64encode(b"two complaints, both closed"),
                    "res_model": material._name,
                    "res_id": material.id,
                }
            )
        )
        mine.write({"attachment_ids": [(4, attachment.id)], "note": "Complaints of Q3"})
        mine.action_supply()
        self.assertEqual(material.state, "supplied")
        self.assertTrue(material.supplied_on)
        self.assertFalse(material.activity_ids)
        evidence = evaluation.attachment_ids
        self.assertEqual(evidence.mapped("name"), ["complaints.txt"])
        self.assertEqual((evidence.res_model, evidence.res_id), (evaluation._name, evaluation.id))
        self.assertIn("Material supplied by", evaluation.message_ids[:1].body)
        # Supplied is final.
        with self.assertRaises(UserError):
            mine.write({"note": "changed my mind"})
        with self.assertRaises(UserError):
            mine.action_supply()
        # Submitting again (after a send back) asks nobody twice.
        self.env["hr.technical.grade.evaluation.material"]._request_for(evaluation)
        self.assertEqual(len(self.material_of(evaluation)), 1)

    def test_the_supplier_sees_their_request_only_never_the_evaluation(self):
        evaluation = self.submitted()
        material = self.material_of(evaluation)
        with self.assertRaises(AccessError):
            evaluation.with_user(self.supplier).read(["final_score"])
        with self.assertRaises(AccessError):
            material.with_user(self.other).read(["name"])
        with self.assertRaises(AccessError):
            material.with_user(self.supplier).read(["evaluation_id"])
        self.assertFalse(
            self.env["hr.technical.grade.evaluation.material"].with_user(self.other).search([])
        )
        # Nothing but files and a comment; no forged request.
        with self.assertRaises(AccessError):
            material.with_user(self.supplier).write({"state": "supplied"})
        with self.assertRaises(AccessError):
            material.with_user(self.supplier).write({"user_id": self.other.id})
        with self.assertRaises(AccessError):
            self.env["hr.technical.grade.evaluation.material"].with_user(self.supplier).create(
                {
                    "name": "forged",
                    "evaluation_id": evaluation.id,
                    "company_id": self.company.id,
                    "user_id": self.supplier.id,
                }
            )
        with self.assertRaises(AccessError):
            material.with_user(self.other).action_supply()
        # A file of another document cannot be handed over (and so copied
        # onto the evaluation, where the committee would read it).
        private = self.env["ir.attachment"].create(
            {
                "name": "payslip.pdf",
                "datas": base64.b64encode(b"salary"),
                "res_model": "res.partner",
                "res_id": self.hr_officer.partner_id.id,
            }
        )
        with self.assertRaisesRegex(AccessError, "another document"):
            material.with_user(self.supplier).write({"attachment_ids": [(4, private.id)]})
        self.assertFalse(material.attachment_ids)
        # Nothing to supply: say so.
        with self.assertRaisesRegex(UserError, "Attach the material"):
            material.with_user(self.supplier).action_supply()

    def test_withdrawing_the_evaluation_withdraws_the_request(self):
        evaluation = self.submitted()
        material = self.material_of(evaluation)
        evaluation.with_user(self.hr_officer).action_cancel()
        self.assertEqual(material.state, "cancel")
        self.assertFalse(material.activity_ids)
        with self.assertRaises(UserError):
            material.with_user(self.supplier).write({"note": "late"})

    def test_hr_asks_a_supplier_added_later(self):
        self.company.technical_grade_material_user_ids = False
        evaluation = self.submitted()
        self.assertFalse(self.material_of(evaluation))
        with self.assertRaisesRegex(UserError, "Evaluation material"):
            evaluation.with_user(self.hr_officer).action_request_material()
        self.company.technical_grade_material_user_ids = self.supplier | self.other
        with self.assertRaises(AccessError):
            evaluation.with_user(self.supplier).action_request_material()
        evaluation.with_user(self.hr_officer).action_request_material()
        self.assertEqual(self.material_of(evaluation).user_id, self.supplier | self.other)
