# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Grade history: lines not written by an applied evaluation are "Set by Hand"."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE hr_technical_grade_history history
           SET manual = NOT EXISTS (
                   SELECT 1
                     FROM hr_technical_grade_evaluation evaluation
                    WHERE evaluation.history_id = history.id
               )
        """
    )
