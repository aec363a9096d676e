# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Benchmark: open a monthly review period for thousands of engineers.

Usage (make bench does all of it in a throwaway database):

    python3 tools/bench_reviews.py -c odoo.conf -d DATABASE [--employees 2000 10000] [--team 8]

Builds N graded engineers (N the largest size asked) in teams of ``--team``
under team leads (each with a user, so that every 360 reviewer gets an
activity).  For each size, the first engineers of them:

- a raw ORM create of the same reviews of the period, with their KPI
  entries and 360 reviewers, without activities;
- the whole opening of the period for them: the queueing the wizard and the
  scheduled action do (as an HR officer), then the opening cron's batches
  until its queue is empty, each call in a transaction of its own, as Odoo's
  cron engine runs them.

Prints the seconds and SQL queries per review of the whole opening, its
longest single transaction, and its ratio to the raw create of the same
run.  Nothing is committed.
"""

import argparse
import time
from datetime import date
from unittest.mock import patch

from bench_common import counted, until_done

import odoo
from odoo import SUPERUSER_ID, api
from odoo.fields import Command

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


def raw_create(env, plan, engineers):
    """The same reviews, with their KPI entries and 360° reviewers, created by
    the ORM without activities (their values computed beforehand)."""
    start, end = plan._period_of(PERIOD_DAY)
    Review = env["hr.technical.grade.review"]
    vals_list = Review._batch_values(plan, [(engineer, start, end) for engineer in engineers])
    with patch.object(type(Review), "activity_update", lambda self: True):
        seconds, queries, reviews = counted(
            env, lambda: Review.with_context(mail_create_nolog=True).create(vals_list)
        )
    return seconds, queries, len(reviews)


def open_period(env, officer, plan, engineers, batch_size):
    """Queueing, then the cron's batches: (seconds, queries, longest, batches, created)."""
    seconds, queries, _queued = counted(
        env, lambda: plan.with_user(officer)._queue_reviews(engineers, PERIOD_DAY)
    )
    Plan = env["hr.technical.grade.review.plan"]
    spent, count, longest, batches = until_done(
        env, lambda: Plan._cron_open_review_batches(batch_size)
    )
    created = env["hr.technical.grade.review"].search_count([("plan_id", "=", plan.id)])
    return seconds + spent, queries + count, max(seconds, longest), batches, created


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--employees", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--team", type=int, default=8, help="engineers per team lead")
    parser.add_argument("--batch", type=int, default=None, help="engineers per cron batch")
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(args.database)
    from odoo.addons.hr_technical_grade.models.hr_technical_grade_review_plan import BATCH_SIZE

    batch_size = args.batch or BATCH_SIZE
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        start = time.perf_counter()
        engineers = build(env, max(args.employees), args.team)
        officer = env["res.users"].create(
            {
                "name": "Bench Review Officer",
                "login": "bench_review_officer",
                "groups_id": [
                    Command.set([env.ref("hr_technical_grade.group_technical_grade_officer").id])
                ],
            }
        )
        plan = env.ref("hr_technical_grade.review_plan_monthly")
        env.flush_all()
        print(f"built {len(engineers)} graded engineers in {time.perf_counter() - start:.1f} s")
        print(
            f"review period opening, teams of {args.team}, batches of {batch_size} "
            "(queueing + cron batches; raw = ORM create of the same reviews without activities)"
        )
        print(
            f"{'engineers':>10} {'reviews':>7} {'batches':>7} {'seconds':>8} {'q/review':>8} "
            f"{'longest s':>9} {'raw s':>7} {'raw q/rv':>8} {'ratio':>6}"
        )
        for size in sorted(args.employees):
            scope = engineers[:size]
            savepoint = cr.savepoint()
            raw_seconds, raw_queries, raw_count = raw_create(env, plan, scope)
            savepoint.rollback()
            savepoint.close()
            env.invalidate_all()
            savepoint = cr.savepoint()
            seconds, queries, longest, batches, created = open_period(
                env, officer, plan, scope, batch_size
            )
            savepoint.rollback()
            savepoint.close()
            env.invalidate_all()
            print(
                f"{size:>10} {created:>7} {batches:>7} {seconds:>8.2f} "
                f"{queries / max(created, 1):>8.2f} {longest:>9.2f} {raw_seconds:>7.2f} "
                f"{raw_queries / max(raw_count, 1):>8.2f} {seconds / raw_seconds:>6.2f}",
                flush=True,
            )
        cr.rollback()


if __name__ == "__main__":
    main()
