# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Benchmark: a payslip batch of graded employees, with and without grade rules.

Usage (make bench does all of it in a throwaway database):

    python3 tools/bench_payroll.py -c odoo.conf -d DATABASE [--employees 500]

Builds N employees with contracts and grade histories (half of them promoted
on the 16th of the month), then computes the same batch of payslips with
three structures, in three interleaved rounds (so that the load of the machine
weighs on all three alike), keeping the best time of each:

- baseline: BASIC, a fixed allowance and NET;
- fixed pay: the baseline plus three fixed-amount rules standing in for the
  grade wages and allowance (the same number of payslip lines);
- grade pay: the baseline plus TG_BASE, TG_POST and TG_ALW.

The ratio grade pay / fixed pay is what reading the grade history and
prorating costs (target below 1.10); OCA payroll's own cost of three more
payslip lines shows in fixed pay / baseline.  Queries per payslip and extra
queries per grade line are printed too.  Nothing is committed.
"""

import argparse
import time
from datetime import date

import odoo
from odoo import SUPERUSER_ID, api
from odoo.fields import Command

PERIOD = (date(2026, 6, 1), date(2026, 6, 30))


def build(env, count):
    company = env.ref("base.main_company")
    grades = env["hr.technical.grade"].search([("company_id", "=", company.id)], limit=5)
    category = env["hr.salary.rule.category"].create({"name": "Bench", "code": "BENCH"})
    rules = env["hr.salary.rule"].create(
        [
            {
                "name": "Basic",
                "code": "B_BASIC",
                "sequence": 1,
                "category_id": category.id,
                "amount_select": "code",
                "amount_python_compute": "result = contract.wage",
            },
            {
                "name": "Fixed allowance",
                "code": "B_ALW",
                "sequence": 2,
                "category_id": category.id,
                "amount_select": "fix",
                "amount_fix": 150.0,
            },
            {
                "name": "Net",
                "code": "B_NET",
                "sequence": 100,
                "category_id": category.id,
                "amount_select": "code",
                "amount_python_compute": "result = categories.BENCH",
            },
        ]
    )
    grade_rules = (
        env.ref("hr_technical_grade.salary_rule_tg_base")
        | env.ref("hr_technical_grade.salary_rule_tg_post")
        | env.ref("hr_technical_grade.salary_rule_tg_alw")
    )
    stand_ins = env["hr.salary.rule"].create(
        [
            {
                "name": f"Fixed {code}",
                "code": f"F_{code}",
                "sequence": 10 + i,
                "category_id": category.id,
                "amount_select": "fix",
                "amount_fix": amount,
            }
            for i, (code, amount) in enumerate([("BASE", 2000.0), ("POST", 300.0), ("ALW", 500.0)])
        ]
    )
    structures = env["hr.payroll.structure"].create(
        [
            {"name": name, "code": code, "parent_id": False, "rule_ids": [Command.set(r.ids)]}
            for name, code, r in [
                ("Bench baseline", "BENCH0", rules),
                ("Bench fixed pay", "BENCH1", rules | stand_ins),
                ("Bench grade pay", "BENCH2", rules | grade_rules),
            ]
        ]
    )
    employees = env["hr.employee"].create(
        [{"name": f"Bench engineer {i:04d}"} for i in range(count)]
    )
    contracts = env["hr.contract"].create(
        [
            {
                "name": f"Bench {e.name}",
                "employee_id": e.id,
                "wage": 5000,
                "date_start": "2020-01-01",
                "state": "open",
            }
            for e in employees
        ]
    )
    History = env["hr.technical.grade.history"]
    History._record_grade_change(
        [
            {
                "employee_id": e.id,
                "grade_id": grades[i % 4].id,
                "date_from": date(2024, 1, 1),
                "change_type": "initial",
                "reason": "bench",
            }
            for i, e in enumerate(employees)
        ]
    )
    History._record_grade_change(
        [
            {
                "employee_id": e.id,
                "grade_id": grades[i % 4 + 1].id,
                "date_from": date(2026, 6, 16),
                "change_type": "promotion",
                "reason": "bench",
            }
            for i, e in enumerate(employees)
            if i % 2 == 0
        ]
    )
    env.flush_all()
    return employees, contracts, structures


def payslips(env, employees, contracts, structure):
    return env["hr.payslip"].create(
        [
            {
                "employee_id": e.id,
                "contract_id": c.id,
                "struct_id": structure.id,
                "date_from": PERIOD[0],
                "date_to": PERIOD[1],
            }
            for e, c in zip(employees, contracts, strict=True)
        ]
    )


ROUNDS = 3


def measure(env, slips):
    """Seconds and SQL queries of computing ``slips`` once."""
    env.invalidate_all()
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    slips.compute_sheet()
    env.flush_all()
    return time.perf_counter() - start, env.cr.sql_log_count - queries


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--employees", type=int, default=500)
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        employees, contracts, structures = build(env, args.employees)
        n = len(employees)
        batches = {s.code: payslips(env, employees, contracts, s) for s in structures}
        best = {}
        for _round in range(ROUNDS):
            for code, slips in batches.items():
                timing = measure(env, slips)
                if code not in best or timing[0] < best[code][0]:
                    best[code] = timing
        results = {code: (*best[code], len(slips.line_ids)) for code, slips in batches.items()}
        print(f"payslip batch of {n} graded employees ({(n + 1) // 2} promoted mid-month)")
        labels = {
            "BENCH0": "baseline (3 rules)",
            "BENCH1": "fixed pay (3 + 3 fixed rules)",
            "BENCH2": "grade pay (3 + TG_BASE, TG_POST, TG_ALW)",
        }
        for code, (seconds, queries, lines) in results.items():
            print(
                f"  {labels[code]:42s} {seconds:7.2f} s  {queries / n:5.1f} queries/payslip"
                f"  {lines / n:4.1f} lines/payslip"
            )
        fixed, grade = results["BENCH1"], results["BENCH2"]
        print(f"  ratio grade pay / fixed pay: {grade[0] / fixed[0]:.3f}   (target < 1.10)")
        print(
            f"  ratio fixed pay / baseline:  {fixed[0] / results['BENCH0'][0]:.3f}"
            "   (OCA payroll's cost of 3 more lines)"
        )
        extra = (grade[1] - fixed[1]) / max(grade[2] - results["BENCH0"][2], 1)
        print(f"  extra queries per grade line vs fixed pay: {extra:.3f}")
        cr.rollback()


if __name__ == "__main__":
    main()
