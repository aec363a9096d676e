# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Benchmark: fill the KPI entries of thousands of engineers from source records.

Usage (make bench does all of it in a throwaway database):

    python3 tools/bench_kpi_sources.py -c odoo.conf -d DATABASE [--employees 500 2000]
        [--records 50000]

Builds N graded engineers (N the largest size asked) and ``--records``
contracts (``hr.contract``, always installed with OCA payroll) spread over
them, most in the review month and some the month before, inserted in SQL.
Two indicators name the contracts as their source: one counts them, one sums
their wage.  For each size, the reviews of the month of the first engineers
are created without their entries computed, then the computation a period's
opening and each submission run (``_fill_kpi_from_sources``) is timed.

Prints the seconds and SQL queries of the computation and the queries per
engineer: one grouped query per indicator, never one per engineer; the few
queries more at the larger size are the ORM's reads and writes of the
reviews by chunks of 1,000 records.  Nothing is committed.
"""

import argparse
import time

from bench_common import counted
from bench_reviews import PERIOD_DAY, build

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tools import SQL


def insert_contracts(env, engineers, total):
    """``total`` draft contracts spread over ``engineers``, in one SQL statement.

    One contract is created by the ORM; the others copy its row in SQL, with
    their own name, engineer, start and wage.  Nine in ten start in the review
    month, the others the month before.
    """
    template = env["hr.contract"].create(
        {
            "name": "Bench KPI source template",
            "employee_id": engineers[0].id,
            "date_start": "2026-01-01",
            "wage": 0,
        }
    )
    env.flush_all()
    env.cr.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_name = 'hr_contract' AND column_name != 'id'"
    )
    columns = [row[0] for row in env.cr.fetchall()]
    own = {
        "name": SQL("'Bench KPI source ' || n"),
        "employee_id": SQL("(%s::int[])[1 + mod(n, %s)]", engineers.ids, len(engineers)),
        "date_start": SQL(
            "CASE WHEN mod(n, 10) = 0 THEN DATE '2026-05-20' "
            "ELSE DATE '2026-06-01' + mod(n, 30) END"
        ),
        "wage": SQL("1000 + mod(n, 50000)"),
    }
    env.cr.execute(
        SQL(
            "INSERT INTO hr_contract (%s) SELECT %s FROM hr_contract, "
            "generate_series(0, %s - 1) AS n WHERE hr_contract.id = %s",
            SQL(", ").join(SQL.identifier(column) for column in columns),
            SQL(", ").join(
                own.get(column, SQL.identifier("hr_contract", column)) for column in columns
            ),
            total,
            template.id,
        )
    )
    template.unlink()
    env.invalidate_all()


def indicators(env):
    Fields = env["ir.model.fields"]
    category = env.ref("hr_technical_grade.kpi_category_maintenance")
    source = {
        "source_model_id": env["ir.model"]._get_id("hr.contract"),
        "source_domain": "[('name', 'like', 'Bench KPI source')]",
        "source_engineer_field_id": Fields._get("hr.contract", "employee_id").id,
        "source_date_field_id": Fields._get("hr.contract", "date_start").id,
        "category_id": category.id,
    }
    return env["hr.technical.grade.kpi"].create(
        [
            {"name": "Bench contracts signed", "rule_kind": "add", "per_occurrence": 1, **source},
            {
                "name": "Bench contract value",
                "rule_kind": "proportional",
                "per_occurrence": 1,
                "unit_amount": 20000,
                "source_measure": "sum",
                "source_sum_field_id": Fields._get("hr.contract", "wage").id,
                **source,
            },
        ]
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--employees", type=int, nargs="+", default=[500, 2000])
    parser.add_argument("--records", type=int, default=50000)
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        start = time.perf_counter()
        engineers = build(env, max(args.employees), 8)
        insert_contracts(env, engineers, args.records)
        plan = env.ref("hr_technical_grade.review_plan_monthly").copy({"name": "Bench KPI sources"})
        plan.kpi_ids = indicators(env)
        env.flush_all()
        print(
            f"built {len(engineers)} graded engineers and {args.records} source records in "
            f"{time.perf_counter() - start:.1f} s"
        )
        print(
            "KPI entries filled from records: 2 indicators (a count and a sum) over hr.contract "
            f"(queries constant in engineers), period of {PERIOD_DAY:%Y-%m}"
        )
        print(
            f"{'engineers':>10} {'records':>8} {'entries':>8} {'seconds':>8} {'queries':>8} "
            f"{'q/engineer':>10}"
        )
        Review = env["hr.technical.grade.review"]
        start_day, end_day = plan._period_of(PERIOD_DAY)
        for size in sorted(args.employees):
            scope = engineers[:size]
            savepoint = cr.savepoint()
            reviews = Review.with_context(mail_create_nolog=True).create(
                Review._batch_values(plan, [(e, start_day, end_day) for e in scope])
            )
            env.flush_all()
            seconds, queries, _result = counted(env, reviews._fill_kpi_from_sources)
            lines = reviews.line_ids
            entries = len(lines)
            counts = lines.filtered(lambda line: line.kpi_id == plan.kpi_ids[0])
            records = sum(counts.mapped("source_count"))
            assert records, "no record counted"
            savepoint.rollback()
            savepoint.close()
            env.invalidate_all()
            print(
                f"{size:>10} {records:>8} {entries:>8} {seconds:>8.2f} {queries:>8} "
                f"{queries / size:>10.3f}",
                flush=True,
            )
        cr.rollback()


if __name__ == "__main__":
    main()
