# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Benchmark: opening a promotion campaign for thousands of engineers.

Usage (make bench does all of it in a throwaway database):

    python3 tools/bench_campaign.py -c odoo.conf -d DATABASE [--employees 2000 10000]

Builds N graded engineers with users (N the largest size asked), in teams
of 20 under a manager, all of them eligible for the next grade.  For each
size, the first engineers of them:

- a raw ORM create of their promotion evaluations, without activities;
- the whole opening of a campaign for them: the wizard (as an HR officer),
  then the opening cron's batches until its queue is empty, each call in a
  transaction of its own, as Odoo's cron engine runs them.

It prints the seconds and SQL queries per evaluation of the whole opening,
its longest single transaction, and its ratio to the raw create of the
same run; then the daily reminder cron, every one of these evaluations
waiting for an overdue approval of the engineer's manager (a team of 20 per
manager): seconds, queries per approval, longest transaction.  The queries
per evaluation must not grow with the number of engineers.  Nothing is
committed.
"""

import argparse
import time
from datetime import date, timedelta

from bench_common import counted, until_done

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


def raw_create(env, officer, engineers, target):
    """The same evaluations, created by the ORM without a campaign's activities."""
    Evaluation = env["hr.technical.grade.evaluation"].with_user(officer)
    seconds, queries, evaluations = counted(
        env,
        lambda: Evaluation.create(
            [
                {
                    "employee_id": engineer.id,
                    "kind": "promotion",
                    "target_grade_id": target[engineer].id,
                }
                for engineer in engineers
            ]
        ),
    )
    return seconds, queries, len(evaluations)


def open_campaign(env, officer, engineers, name, batch_size):
    """The wizard, then the cron's batches: (seconds, queries, longest, batches, created)."""
    wizard = (
        env["hr.technical.grade.campaign.wizard"]
        .with_user(officer)
        .create({"name": name, "employee_ids": [Command.set(engineers.ids)]})
    )
    queue_seconds, queue_queries, _action = counted(env, wizard.action_confirm)
    Campaign = env["hr.technical.grade.campaign"]
    seconds, queries, longest, batches = until_done(
        env, lambda: Campaign._cron_open_campaigns(batch_size)
    )
    created = env["hr.technical.grade.evaluation"].search_count([("campaign_id.name", "=", name)])
    return (
        queue_seconds + seconds,
        queue_queries + queries,
        max(queue_seconds, longest),
        batches,
        created,
    )


def remind(env, name):
    """The daily reminder cron with every evaluation of campaign ``name`` waiting
    for an overdue approval of the candidate's manager: (seconds, queries,
    longest, approvals)."""
    evaluations = env["hr.technical.grade.evaluation"].search([("campaign_id.name", "=", name)])
    approval = env.ref("hr_technical_grade.mail_activity_evaluation_approval")
    model_id = env["ir.model"]._get_id("hr.technical.grade.evaluation")
    overdue = date.today() - timedelta(days=3)
    env["mail.activity"].with_context(mail_activity_quick_update=True).create(
        [
            {
                "res_model_id": model_id,
                "res_id": evaluation.id,
                "activity_type_id": approval.id,
                "user_id": evaluation.manager_user_id.id,
                "summary": f"Bench approval of {evaluation.employee_id.name}",
                "date_deadline": overdue,
            }
            for evaluation in evaluations
        ]
    )
    env.flush_all()
    Campaign = env["hr.technical.grade.campaign"]
    seconds, queries, longest, _calls = until_done(
        env, Campaign._cron_remind, done=lambda result: result[0]
    )
    return seconds, queries, longest, len(evaluations)


def targets(env, engineers):
    """Each engineer's next grade, read once (the raw create gives it)."""
    standings = engineers._technical_grade_standings(date.today())
    result = {}
    for engineer in engineers:
        current = standings[engineer.id]["grade"]
        ladder = list(current._ladder())
        result[engineer] = ladder[ladder.index(current) + 1]
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--employees", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--batch", type=int, default=None, help="engineers per cron batch")
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(args.database)
    from odoo.addons.hr_technical_grade.models.hr_technical_grade_campaign import BATCH_SIZE

    batch_size = args.batch or BATCH_SIZE
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        start = time.perf_counter()
        engineers, officer = build(env, max(args.employees))
        target = targets(env, engineers)
        print(f"built {len(engineers)} graded engineers in {time.perf_counter() - start:.1f} s")
        print(
            f"campaign opening, batches of {batch_size} "
            "(wizard + cron batches; raw = ORM create without activities)"
        )
        print(
            f"{'engineers':>10} {'evals':>6} {'batches':>7} {'seconds':>8} {'q/eval':>7} "
            f"{'longest s':>9} {'raw s':>7} {'raw q/ev':>8} {'ratio':>6}"
        )
        reminders = []
        for size in sorted(args.employees):
            scope = engineers[:size]
            savepoint = cr.savepoint()
            raw_seconds, raw_queries, raw_count = raw_create(env, officer, scope, target)
            savepoint.rollback()
            savepoint.close()
            savepoint = cr.savepoint()
            seconds, queries, longest, batches, created = open_campaign(
                env, officer, scope, f"Bench {size}", batch_size
            )
            reminders.append(remind(env, f"Bench {size}"))
            savepoint.rollback()
            savepoint.close()
            env.invalidate_all()
            print(
                f"{size:>10} {created:>6} {batches:>7} {seconds:>8.2f} "
                f"{queries / max(created, 1):>7.2f} {longest:>9.2f} {raw_seconds:>7.2f} "
                f"{raw_queries / max(raw_count, 1):>8.2f} {seconds / raw_seconds:>6.2f}",
                flush=True,
            )
        print("daily reminder cron, every evaluation waiting for its overdue manager's approval")
        print(f"{'approvals':>10} {'seconds':>8} {'q/approval':>10} {'longest s':>9}")
        for seconds, queries, longest, approvals in reminders:
            print(
                f"{approvals:>10} {seconds:>8.2f} {queries / max(approvals, 1):>10.2f} "
                f"{longest:>9.2f}"
            )
        cr.rollback()


if __name__ == "__main__":
    main()
