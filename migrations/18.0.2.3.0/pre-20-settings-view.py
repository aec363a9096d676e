# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The exam weights left the company settings (18.0.2.3.0): the settings view
that showed them is emptied before the module loads.

Odoo validates the settings form, with every view inheriting it, as soon as
the first of the module's views is loaded again; the old arch of the
Employees settings view still names the removed fields and would stop the
upgrade.  The view keeps its record and gets its new arch from the module's
data a moment later.
"""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE ir_ui_view
           SET arch_db = jsonb_build_object('en_US', '<data/>')
         WHERE id IN (
               SELECT res_id FROM ir_model_data
                WHERE module = 'hr_technical_grade'
                  AND model = 'ir.ui.view'
                  AND name = 'res_config_settings_view_form_hr')
        """
    )
