# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Benchmark: a payslip batch of graded employees, with and without grade rules.

Usage (make bench does all of it in a throwaway database):

    python3 tools/bench_payroll.py -c odoo.conf -d DATABASE [--employees 500]

Builds N employees with contracts and grade histories (half of them promoted
on the 16th of the month), then computes the same batch of payslips with
three structures, in four rounds.  Each round computes a new batch (payslips
without lines) and recomputes it (OCA payroll then unlinks the old lines,
which empties the ORM cache before each payslip), the structures side by side
in alternating order, so that a machine getting slower or faster weighs on
them alike; the medians are printed, and each ratio is the median of the
ratios of the rounds:

- baseline: BASIC, a fixed allowance and NET;
- fixed pay: the baseline plus three fixed-amount rules standing in for the
  grade wages and allowance (the same number of payslip lines);
- grade pay: the baseline plus TG_BASE, TG_POST and TG_ALW.

The ratio grade pay / fixed pay is what reading the grade history and
prorating costs (target below 1.10); OCA payroll's own cost of three more
payslip lines shows in fixed pay / baseline.  Queries per payslip and extra
queries per grade line are printed too.

It commits what it creates (it vacuums the payslips and their lines between
measurements): run it on a database of its own, as ``make bench`` does.
"""

import argparse
import gc
import time
from contextlib import closing, contextmanager
from datetime import date
from statistics import median
from unittest.mock import patch

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


ROUNDS = 4
MODES = ("compute", "recompute")
LABELS = {
    "BENCH0": "baseline (3 rules)",
    "BENCH1": "fixed pay (3 + 3 fixed rules)",
    "BENCH2": "grade pay (3 + TG_BASE, TG_POST, TG_ALW)",
}


def settle(env):
    """Commit, then vacuum the payslips and their lines.

    Every computation rewrites the payslips and replaces their lines, which
    OCA payroll reads by payslip without an index: left to pile up, the dead
    rows would make each measurement slower than the one before it.
    """
    env.cr.commit()
    with closing(env.registry.cursor()) as cr:
        cr._cnx.autocommit = True
        cr.execute("VACUUM ANALYZE hr_payslip, hr_payslip_line")


def measure(env, slips, mode):
    """Wall-clock seconds, CPU seconds of this process, and SQL queries of
    computing ``slips`` once.

    ``compute`` starts from payslips without lines, as a new batch does;
    ``recompute`` computes payslips that already have lines, which OCA
    payroll unlinks first (emptying the ORM cache before each payslip).
    """
    if mode == "compute":
        slips.line_ids.unlink()
    settle(env)
    env.invalidate_all()
    gc.collect()
    queries = env.cr.sql_log_count
    wall, cpu = time.perf_counter(), time.process_time()
    slips.compute_sheet()
    env.flush_all()
    return (
        time.perf_counter() - wall,
        time.process_time() - cpu,
        env.cr.sql_log_count - queries,
    )


# The tables whose reads make the grade pay of a batch.
GRADE_PAY_TABLES = (
    'FROM "hr_technical_grade_history"',
    'FROM "hr_technical_grade_salary_table"',
    'FROM "hr_technical_grade_salary_table_line"',
)


@contextmanager
def counting_grade_pay_reads(env):
    """Count the queries reading the grade history or the salary tables."""
    reads = []
    cursor_class = type(env.cr)
    execute = cursor_class.execute

    def spy(cr, query, params=None, log_exceptions=True):
        text = str(getattr(query, "code", query))
        if any(table in text for table in GRADE_PAY_TABLES):
            reads.append(text)
        return execute(cr, query, params, log_exceptions)

    with patch.object(cursor_class, "execute", spy):
        yield reads


def grade_pay_reads(env, slips):
    """History-plus-rate reads of recomputing ``slips`` once."""
    env.invalidate_all()
    with counting_grade_pay_reads(env) as reads:
        slips.compute_sheet()
        env.flush_all()
    return len(reads)


def report(mode, timings, lines, n):
    """Print the median figures of ``mode``; ``timings[code]`` has one
    (wall, CPU, queries) per round."""
    print(f"  {mode}:")
    for code, label in LABELS.items():
        runs = timings[code]
        print(
            f"    {label:42s} {median(r[0] for r in runs):7.2f} s"
            f" ({median(r[1] for r in runs):6.2f} s CPU)"
            f"  {runs[-1][2] / n:5.1f} queries/payslip  {lines[code] / n:4.1f} lines/payslip"
        )

    def ratio(numerator, denominator, index):
        return median(
            a[index] / b[index]
            for a, b in zip(timings[numerator], timings[denominator], strict=True)
        )

    print(
        f"    ratio grade pay / fixed pay: {ratio('BENCH2', 'BENCH1', 0):.3f}"
        f" ({ratio('BENCH2', 'BENCH1', 1):.3f} CPU)   (target < 1.10)"
    )
    print(
        f"    ratio fixed pay / baseline:  {ratio('BENCH1', 'BENCH0', 0):.3f}"
        f" ({ratio('BENCH1', 'BENCH0', 1):.3f} CPU)   (OCA payroll's cost of 3 more lines)"
    )
    extra = (timings["BENCH2"][-1][2] - timings["BENCH1"][-1][2]) / max(
        lines["BENCH2"] - lines["BENCH0"], 1
    )
    print(f"    extra queries per grade line vs fixed pay: {extra:.3f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--employees", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--verbose", action="store_true", help="print every measurement")
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        employees, contracts, structures = build(env, args.employees)
        n = len(employees)
        batches = {s.code: payslips(env, employees, contracts, s) for s in structures}
        timings = {mode: {code: [] for code in batches} for mode in MODES}
        for turn in range(args.rounds):
            # Fixed pay and grade pay side by side, each first every other round.
            order = list(batches) if turn % 2 == 0 else list(reversed(batches))
            for mode in MODES:
                for code in order:
                    run = measure(env, batches[code], mode)
                    timings[mode][code].append(run)
                    if args.verbose:
                        print(
                            f"  round {turn + 1} {mode:9s} {code}"
                            f" {run[0]:7.2f} s {run[1]:7.2f} s CPU"
                        )
        print(
            f"payslip batch of {n} graded employees ({(n + 1) // 2} promoted mid-month),"
            f" median of {args.rounds} rounds"
        )
        lines = {code: len(slips.line_ids) for code, slips in batches.items()}
        for mode in MODES:
            report(mode, timings[mode], lines, n)
        grade_batch = batches["BENCH2"]
        half = grade_batch[: max(len(grade_batch) // 2, 1)]
        print(
            "  history + rate reads per batch (grade history, salary tables, rates):"
            f" {grade_pay_reads(env, grade_batch)} for {len(grade_batch)} payslips,"
            f" {grade_pay_reads(env, half)} for {len(half)} payslips"
        )
        env.invalidate_all()
        queries = env.cr.sql_log_count
        wall = time.perf_counter()
        batches["BENCH2"]._technical_grade_pays()
        print(
            "  reading the grade pay of the batch (once per compute, whatever the structure):"
            f" {time.perf_counter() - wall:.3f} s, {env.cr.sql_log_count - queries} queries"
        )


if __name__ == "__main__":
    main()
