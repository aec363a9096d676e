# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
# pylint: disable=sql-injection
# Table and column names in this script are its own constants; values go as
# query parameters.
"""The first version of each company's salary table, from the ladder's amounts.

The table is in force from 1 January 2000 (before any payslip), so that
every payslip already computed or confirmed keeps being paid the amounts it
was paid.  The seed table that the module data creates for the main company
takes the amounts the ladder held, not the seed ones.  The shipped salary
rules move to ``payroll.technical_grade`` (OCA payroll's ``get_payroll_dict``),
and contracts paid by technical grade that still carry a wage are listed in
the log.
"""

import logging
import re

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)

BACKUP = "hr_technical_grade_rates_pre_18020"
FIRST_TABLE_DATE = "2000-01-01"
# Tables are loaded as they were paid: the locks on paid tables do not apply.
MIGRATION_CONTEXT = "hr_technical_grade_salary_table_migration"


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {MIGRATION_CONTEXT: True})
    _rates_to_tables(env)
    _rules_to_payroll_dict(env)
    _report_contract_wages(env)


def _rates_to_tables(env):
    cr = env.cr
    cr.execute("SELECT to_regclass(%s)", [BACKUP])
    if not cr.fetchone()[0]:
        return
    cr.execute(f"SELECT grade_id, company_id, base_wage, post_wage, allowance FROM {BACKUP}")
    rows = cr.fetchall()
    Table = env["hr.technical.grade.salary.table"]
    Line = env["hr.technical.grade.salary.table.line"]
    seed = env.ref("hr_technical_grade.salary_table_seed", raise_if_not_found=False)
    tables = {}
    for grade_id, company_id, base_wage, post_wage, allowance in rows:
        table = tables.get(company_id)
        if table is None:
            table = seed if seed and seed.company_id.id == company_id else None
            table = table or Table.search(
                [
                    ("company_id", "=", company_id),
                    ("state", "=", "active"),
                    ("date_from", "=", FIRST_TABLE_DATE),
                ],
                limit=1,
            )
            table = tables[company_id] = table or Table.create(
                {
                    "name": "Salary Table",
                    "company_id": company_id,
                    "date_from": FIRST_TABLE_DATE,
                    "state": "active",
                    "reason": "The amounts of the grade ladder before dated salary tables.",
                }
            )
        values = {"base_wage": base_wage, "post_wage": post_wage, "allowance": allowance}
        line = Line.search([("table_id", "=", table.id), ("grade_id", "=", grade_id)])
        if line:
            # Written in SQL: no payslip rule applies to a table being migrated.
            cr.execute(
                """
                UPDATE hr_technical_grade_salary_table_line
                   SET base_wage = %s, post_wage = %s, allowance = %s
                 WHERE id = %s
                """,
                [base_wage, post_wage, allowance, line.id],
            )
        else:
            cr.execute(
                """
                INSERT INTO hr_technical_grade_salary_table_line
                    (table_id, company_id, grade_id, grade_sequence,
                     base_wage, post_wage, allowance,
                     create_uid, write_uid, create_date, write_date)
                SELECT %s, %s, grade.id, grade.sequence, %s, %s, %s,
                       %s, %s, now() at time zone 'UTC', now() at time zone 'UTC'
                  FROM hr_technical_grade grade WHERE grade.id = %s
                """,
                [
                    table.id,
                    company_id,
                    values["base_wage"],
                    values["post_wage"],
                    values["allowance"],
                    SUPERUSER_ID,
                    SUPERUSER_ID,
                    grade_id,
                ],
            )
    cr.execute(f"DROP TABLE {BACKUP}")
    Line.invalidate_model()


def _rules_to_payroll_dict(env):
    """Shipped rules read the grade pay under ``payroll.`` from now on."""
    pattern = re.compile(r"(?<![\w.])technical_grade\.")
    for xmlid in ("salary_rule_tg_base", "salary_rule_tg_post", "salary_rule_tg_alw"):
        rule = env.ref(f"hr_technical_grade.{xmlid}", raise_if_not_found=False)
        if not rule:
            continue
        vals = {}
        for fname in ("condition_python", "amount_python_compute"):
            code = rule[fname] or ""
            if pattern.search(code):
                vals[fname] = pattern.sub("payroll.technical_grade.", code)
        if vals:
            rule.write(vals)


def _report_contract_wages(env):
    """Contracts paid by technical grade with a wage of their own.

    Their structure pays the base wage from the salary table; the contract
    wage is no longer shown and must be 0 on the next change of the
    contract.  The amount may be used by other rules of a company's own
    structure, so it is not cleared here: the contracts are listed instead.
    """
    contracts = env["hr.contract"].search([("wage", "!=", 0)])
    graded = contracts.filtered("technical_grade_pay")
    if graded:
        _logger.warning(
            "Contracts paid by technical grade with a wage of their own (set it to 0, the "
            "salary table pays the base wage): %s",
            ", ".join(graded.mapped("display_name")),
        )
