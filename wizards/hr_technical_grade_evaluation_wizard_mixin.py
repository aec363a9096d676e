# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, models
from odoo.exceptions import AccessError


class HrTechnicalGradeEvaluationWizardMixin(models.AbstractModel):
    """A wizard opened on one evaluation (score, sign, calibrate) stays on it.

    Such a wizard shows its evaluation through related fields, which read it
    as the superuser: it is created only by whoever may read the evaluation,
    and its evaluation (and campaign) never change afterwards, so that a
    wizard opened on one candidate cannot be turned on another one, to read
    it or to act on it.
    """

    _name = "hr.technical.grade.evaluation.wizard.mixin"
    _description = "Wizard on One Technical Grade Evaluation"

    _fixed_fields = ("evaluation_id",)

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        wizards.evaluation_id.check_access("read")
        return wizards

    def write(self, vals):
        changed = [
            fname
            for fname in self._fixed_fields
            if fname in vals and any(wizard[fname].id != vals[fname] for wizard in self)
        ]
        if changed and not self.env.su:
            raise AccessError(
                self.env._(
                    "This window was opened on %(names)s: close it and open it on the other "
                    "evaluation.",
                    names=", ".join(self.evaluation_id.sudo().mapped("name")),
                )
            )
        return super().write(vals)
