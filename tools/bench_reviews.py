# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Benchmark: open a monthly review period for 2,000 engineers.

Usage (make bench does all of it in a throwaway database):

    python3 tools/bench_reviews.py -c odoo.conf -d DATABASE [--employees 2000] [--team 8]

Builds N graded engineers in teams of ``--team`` under team leads (each
with a user, so that every 360 reviewer gets an activity), then opens the
monthly reviews of one period for all of them through the review plan, as
the wizard and the scheduled action do.  Prints the seconds, and the SQL
queries per review.  Nothing is committed.
"""

import argparse
import time
from datetime import date

import odoo
from odoo import SUPERUSER_ID, api

PERIOD_DAY = date(2026, 6, 15)


def build(env, count, team_size):
    company = env.ref("base.main_company")
    grade = env["hr.technical.grade"].search([("company_id", "=", company.id)], limit=1)
    department = env["hr.department"].create({"name": "Bench after-sales"})
    leads_count = max(1, count // team_size)
    users = (
        env["res.users"]
        .with_context(no_reset_password=True, mail_create_nolog=True, mail_notrack=True)
        .create(
            [
                {"name": f"Bench user {i:04d}", "login": f"bench_review_{i:04d}"}
                for i in range(leads_count + count)
            ]
        )
    )
    leads = env["hr.employee"].create(
        [
            {
                "name": f"Bench lead {i:04d}",
                "department_id": department.id,
                "user_id": users[i].id,
            }
            for i in range(leads_count)
        ]
    )
    engineers = env["hr.employee"].create(
        [
            {
                "name": f"Bench engineer {i:04d}",
                "department_id": department.id,
                "parent_id": leads[i % leads_count].id,
                "user_id": users[leads_count + i].id,
            }
            for i in range(count)
        ]
    )
    env["hr.technical.grade.history"]._record_grade_change(
        [
            {
                "employee_id": e.id,
                "grade_id": grade.id,
                "date_from": date(2024, 1, 1),
                "change_type": "initial",
                "reason": "bench",
            }
            for e in engineers
        ]
    )
    env.flush_all()
    return engineers


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--employees", type=int, default=2000)
    parser.add_argument("--team", type=int, default=8, help="engineers per team lead")
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        engineers = build(env, args.employees, args.team)
        plan = env.ref("hr_technical_grade.review_plan_monthly")
        env.invalidate_all()
        queries = env.cr.sql_log_count
        start = time.perf_counter()
        reviews = plan._open_reviews(engineers, PERIOD_DAY)
        env.flush_all()
        elapsed = time.perf_counter() - start
        queries = env.cr.sql_log_count - queries
        n = len(reviews)
        reviewers = env["hr.technical.grade.review.reviewer"].search_count(
            [("review_id", "in", reviews.ids)]
        )
        lines = len(reviews.line_ids)
        print(
            f"monthly review period for {n} engineers in teams of {args.team} "
            f"({lines / n:.0f} KPI lines and {reviewers / n:.1f} 360 reviewers per review)"
        )
        print(f"  opening the period: {elapsed:7.2f} s   {elapsed / n * 1000:6.2f} ms/review")
        print(f"  SQL queries:        {queries:7d}     {queries / n:6.2f} queries/review")
        cr.rollback()


if __name__ == "__main__":
    main()
