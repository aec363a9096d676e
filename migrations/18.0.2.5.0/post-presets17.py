# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The project presets date a task by its last state change (18.0.2.5.0).

"Tasks closed" and "Tasks closed late" placed a task in a period by its
ending date, which Odoo fills only when the task enters a folded stage, never
when it is marked Done: tasks marked Done were not counted.  The presets now
take the date of the task's last state or stage change; the presets already
loaded still on the ending date move to it.  Reviews already computed keep
their entries until they are computed again (on submission).
"""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE hr_technical_grade_kpi kpi
           SET source_date_field_id = new_field.id
          FROM ir_model_fields old_field, ir_model_fields new_field
         WHERE kpi.source_preset IN ('task_closed', 'task_late')
           AND kpi.source_date_field_id = old_field.id
           AND old_field.model = 'project.task'
           AND old_field.name = 'date_end'
           AND new_field.model = 'project.task'
           AND new_field.name = 'date_last_stage_update'
        """
    )
