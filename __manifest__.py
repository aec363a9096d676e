# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
{
    "name": "Technical Grades",
    "summary": "Grade ladder, salary table and grade history of after-sales engineers",
    "version": "18.0.1.0.0",
    "category": "Human Resources/Employees",
    "website": "https://github.com/hr-technical-grade/hr_technical_grade",
    "author": "hr_technical_grade contributors",
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["hr", "mail", "payroll"],
    "data": [
        "security/hr_technical_grade_security.xml",
        "security/ir.model.access.csv",
        "data/hr_technical_grade_data.xml",
        "data/ir_cron_data.xml",
        "data/hr_salary_rule_data.xml",
        "views/hr_technical_grade_views.xml",
        "views/hr_technical_grade_history_views.xml",
        "views/hr_technical_grade_allowance_views.xml",
        "wizards/hr_technical_grade_set_wizard_views.xml",
        "views/hr_employee_views.xml",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/hr_technical_grade_demo.xml",
    ],
    "installable": True,
    "application": False,
}
