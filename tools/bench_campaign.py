# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Benchmark: opening a promotion campaign for thousands of engineers.

Usage (make bench does all of it in a throwaway database):

    python3 tools/bench_campaign.py -c odoo.conf -d DATABASE [--employees 2000]

Builds N graded engineers with users, in teams of 20 under a manager, all of
them eligible for the next grade, then opens a campaign for a quarter of
them and for all of them through the campaign wizard (as an HR officer),
and prints the seconds and SQL queries per evaluation of each.  The queries
per evaluation must not grow with the number of employees.  Nothing is
committed.
"""

import argparse
import time
from datetime import date, timedelta

import odoo
from odoo import SUPERUSER_ID, api
from odoo.fields import Command


def build(env, count):
    company = env.ref("base.main_company")
    ladder = env["hr.technical.grade"].search([("company_id", "=", company.id)])
    # Everybody is eligible: the bench measures the batch, not the refusals.
    ladder.write({"min_months_in_previous": 0, "min_experience_years": 0})
    lower = ladder[:-1]
    department = env["hr.department"].create({"name": "Bench After-Sales"})
    users = (
        env["res.users"]
        .with_context(no_reset_password=True, mail_create_nolog=True, tracking_disable=True)
        .create(
            [
                {
                    "name": f"Bench Engineer {index}",
                    "login": f"bench_campaign_{index}",
                    "groups_id": [
                        Command.set([env.ref("hr_technical_grade.group_technical_grade_user").id])
                    ],
                }
                for index in range(count + count // 20)
            ]
        )
    )
    Employee = env["hr.employee"].with_context(tracking_disable=True)
    managers = Employee.create(
        [
            {"name": f"Bench Manager {i}", "department_id": department.id, "user_id": user.id}
            for i, user in enumerate(users[count:])
        ]
    )
    engineers = Employee.create(
        [
            {
                "name": f"Bench Engineer {index}",
                "department_id": department.id,
                "parent_id": managers[index // 20].id,
                "user_id": users[index].id,
                "technical_experience_date": date(2010, 1, 1),
            }
            for index in range(count)
        ]
    )
    env["hr.technical.grade.history"]._record_grade_change(
        [
            {
                "employee_id": engineer.id,
                "grade_id": lower[index % len(lower)].id,
                "date_from": date.today() - timedelta(days=800),
                "change_type": "initial",
                "reason": "bench",
            }
            for index, engineer in enumerate(engineers)
        ]
    )
    officer = env["res.users"].create(
        {
            "name": "Bench Officer",
            "login": "bench_campaign_officer",
            "email": "bench.officer@example.com",
            "groups_id": [
                Command.set([env.ref("hr_technical_grade.group_technical_grade_officer").id])
            ],
        }
    )
    env.flush_all()
    return engineers, officer


def open_campaign(env, officer, engineers, name):
    wizard = (
        env["hr.technical.grade.campaign.wizard"]
        .with_user(officer)
        .create({"name": name, "employee_ids": [Command.set(engineers.ids)]})
    )
    env.invalidate_all()
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    wizard.action_confirm()
    env.flush_all()
    seconds = time.perf_counter() - start
    queries = env.cr.sql_log_count - queries
    created = env["hr.technical.grade.evaluation"].search_count([("campaign_id.name", "=", name)])
    return seconds, queries, created


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--employees", type=int, default=2000)
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        start = time.perf_counter()
        engineers, officer = build(env, args.employees)
        print(f"built {len(engineers)} graded engineers in {time.perf_counter() - start:.1f} s")
        print(f"{'engineers':>10} {'evaluations':>12} {'seconds':>8} {'queries':>8} {'q/eval':>7}")
        for share, label in ((4, "quarter"), (1, "all")):
            scope = engineers[: len(engineers) // share]
            savepoint = cr.savepoint()
            seconds, queries, created = open_campaign(env, officer, scope, f"Bench {label}")
            print(
                f"{len(scope):>10} {created:>12} {seconds:>8.2f} {queries:>8} "
                f"{queries / max(created, 1):>7.2f}"
            )
            savepoint.rollback()
            savepoint.close()
            env.invalidate_all()
        cr.rollback()


if __name__ == "__main__":
    main()
