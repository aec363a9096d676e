# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Preset KPI indicators computed from the records of other modules (issue 17).

Each preset names its module, the source model, the records counted, the
field naming the engineer, the date field placing a record in a period, what
is taken, and the scoring rule.  A preset is loaded only when its model and
every field it names are installed (``requires``: further fields its filter
reads, such as a signature an add-on module brings).  The points are the
company's: every preset starts at 0 points per occurrence or unit.
"""

# Tasks are dated by their last state or stage change: Odoo fills a task's
# ending date (date_end) only when it enters a folded stage, never when it is
# marked Done, while a state change (Done included) dates the change.
PRESETS = (
    {
        "key": "repair_done",
        "module": "repair",
        "model": "repair.order",
        "domain": "[('state', '=', 'done')]",
        "engineer": "user_id",
        "date": "schedule_date",
        "rule_kind": "add",
        "category": "kpi_category_maintenance",
    },
    {
        "key": "repair_unsigned",
        "module": "repair",
        "model": "repair.order",
        "domain": "[('state', '=', 'done'), ('signature', '=', False)]",
        "requires": ("signature",),
        "engineer": "user_id",
        "date": "schedule_date",
        "rule_kind": "deduct_total",
        "category": "kpi_category_maintenance",
    },
    {
        "key": "task_closed",
        "module": "project",
        "model": "project.task",
        "domain": "[('state', '=', '1_done')]",
        "engineer": "user_ids",
        "date": "date_last_stage_update",
        "rule_kind": "add",
        "category": "kpi_category_general",
    },
    {
        "key": "task_late",
        "module": "project",
        "model": "project.task",
        "domain": "[('state', '=', '1_done'), ('date_deadline', '!=', False)]",
        "engineer": "user_ids",
        "date": "date_last_stage_update",
        "late": "date_deadline",
        "rule_kind": "deduct_total",
        "category": "kpi_category_general",
    },
    {
        "key": "expense_reimbursed",
        "module": "hr_expense",
        "model": "hr.expense",
        "domain": "[('state', '=', 'done')]",
        "engineer": "employee_id",
        "date": "date",
        "sum": "total_amount",
        "rule_kind": "proportional",
        "unit_amount": 1000,
        "category": "kpi_category_general",
    },
    {
        "key": "ticket_solved",
        "module": "helpdesk_mgmt",
        "model": "helpdesk.ticket",
        "domain": "[('stage_id.closed', '=', True)]",
        "engineer": "user_id",
        "date": "closed_date",
        "rule_kind": "add",
        "category": "kpi_category_customer",
    },
    {
        "key": "ticket_past_sla",
        "module": "helpdesk_mgmt",
        "model": "helpdesk.ticket",
        "domain": "[('sla_expired', '=', True)]",
        "requires": ("sla_expired",),
        "engineer": "user_id",
        "date": "closed_date",
        "rule_kind": "deduct_total",
        "category": "kpi_category_customer",
    },
    {
        "key": "ticket_complaint",
        "module": "helpdesk_mgmt",
        "model": "helpdesk.ticket",
        "domain": "['|', ('category_id.name', 'ilike', 'complaint'), "
        "('category_id.name', 'ilike', '投诉')]",
        "engineer": "user_id",
        "date": "create_date",
        "rule_kind": "deduct_total",
        "category": "kpi_category_customer",
    },
)


def preset_fields(preset):
    """Every field of its model a preset needs: engineer, date, sum, late and ``requires``."""
    names = [preset["engineer"], preset["date"]]
    names += [preset[key] for key in ("sum", "late") if preset.get(key)]
    return names + list(preset.get("requires", ()))


def installable(presets, has_field):
    """The presets whose every field exists: ``has_field(model, field)`` says which do."""
    return [
        preset
        for preset in presets
        if all(has_field(preset["model"], name) for name in preset_fields(preset))
    ]
