# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Two cron workers opening the same campaign at the same moment (issue 16).

Real cursors in two threads, as two cron workers of one or two servers
sharing the database: the data they work on is committed, and removed again
after the test.
"""

import threading
from datetime import date, timedelta
from unittest.mock import patch

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import DummyRLock, Registry
from odoo.tests import TransactionCase, tagged

CAMPAIGN = "hr.technical.grade.campaign"
EVALUATION = "hr.technical.grade.evaluation"
WAIT = 60  # seconds a thread waits for the other at most


@tagged("post_install", "-at_install")
class TestTwoCronWorkers(TransactionCase):
    def setUp(self):
        super().setUp()
        self.made = {}
        self.addCleanup(self.remove_committed)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            today = date.today()
            department = env["hr.department"].create({"name": "Two cron workers"})
            self.made["department"] = department.id
            employees = env["hr.employee"].create(
                [
                    {
                        "name": f"Two workers engineer {i}",
                        "department_id": department.id,
                        "technical_experience_date": today - timedelta(days=10 * 366),
                    }
                    for i in range(6)
                ]
            )
            self.made["employees"] = employees.ids
            env["hr.technical.grade.history"]._record_grade_change(
                [
                    {
                        "employee_id": employee.id,
                        "grade_id": env.ref("hr_technical_grade.grade_junior").id,
                        "date_from": today - timedelta(days=4 * 366),
                        "change_type": "initial",
                        "reason": "two workers",
                    }
                    for employee in employees
                ]
            )
            wizard = env["hr.technical.grade.campaign.wizard"].create(
                {"name": "Two workers campaign", "department_ids": [(6, 0, department.ids)]}
            )
            action = wizard.action_confirm()
            self.made["campaign"] = action["params"]["next"]["res_id"]

    def remove_committed(self):
        made = self.made
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            campaign_ids = [made["campaign"]] if made.get("campaign") else []
            employee_ids = made.get("employees", [])
            evaluations = (
                env[EVALUATION]
                .with_context(active_test=False)
                .search([("employee_id", "in", employee_ids)])
            )
            for model, ids in ((EVALUATION, evaluations.ids), (CAMPAIGN, campaign_ids)):
                if not ids:
                    continue
                env["mail.activity"].search(
                    [("res_model", "=", model), ("res_id", "in", ids)]
                ).unlink()
                cr.execute(
                    "DELETE FROM mail_message WHERE model = %s AND res_id = ANY(%s)", [model, ids]
                )
                cr.execute(
                    "DELETE FROM mail_followers WHERE res_model = %s AND res_id = ANY(%s)",
                    [model, ids],
                )
            if evaluations:
                cr.execute(
                    "DELETE FROM hr_technical_grade_evaluation WHERE id = ANY(%s)",
                    [evaluations.ids],
                )
            if campaign_ids:
                cr.execute(
                    "DELETE FROM hr_technical_grade_campaign WHERE id = ANY(%s)", [campaign_ids]
                )
            if employee_ids:
                cr.execute(
                    "DELETE FROM hr_technical_grade_history WHERE employee_id = ANY(%s)",
                    [employee_ids],
                )
                env.invalidate_all()
                env["hr.employee"].browse(employee_ids).unlink()
            if made.get("department"):
                env["hr.department"].browse(made["department"]).unlink()

    def test_a_second_worker_never_takes_the_batch_of_the_first(self):
        entered, release = threading.Event(), threading.Event()
        Campaign = type(self.env[CAMPAIGN])
        open_queued = Campaign._open_queued

        def held_open_queued(campaign, queued):
            # The first worker holds its batch until the second has run.
            if threading.current_thread().name == "worker-a":
                entered.set()
                release.wait(WAIT)
            return open_queued(campaign, queued)

        results = {}

        def worker():
            name = threading.current_thread().name
            try:
                with self.registry.cursor() as cr:
                    env = api.Environment(cr, SUPERUSER_ID, {})
                    results[name] = env[CAMPAIGN]._cron_open_campaigns(3)
            except Exception as error:  # reported by the assertions below
                results[name] = error

        # Under Odoo's own runner the tests run while the main thread holds
        # the registry lock, which a worker's first environment takes: the
        # lock is a dummy meanwhile, as HttpCase does for its server threads.
        with (
            patch.object(Campaign, "_open_queued", held_open_queued),
            patch.object(Registry, "_lock", DummyRLock()),
        ):
            first = threading.Thread(target=worker, name="worker-a")
            second = threading.Thread(target=worker, name="worker-b")
            first.start()
            if not entered.wait(WAIT):
                first.join(WAIT)
                self.fail(f"The first worker took no batch: {results}")
            second.start()
            second.join(WAIT)
            release.set()
            first.join(WAIT)
            self.assertEqual(results, {"worker-a": 3, "worker-b": 0})
            # The rest, by two workers at once.
            for _round in range(5):
                workers = [threading.Thread(target=worker, name=f"worker-{i}") for i in "cd"]
                for thread in workers:
                    thread.start()
                for thread in workers:
                    thread.join(WAIT)
                if not any(results[f"worker-{i}"] for i in "cd"):
                    break
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            campaign = env[CAMPAIGN].browse(self.made["campaign"])
            self.assertFalse(campaign.is_opening)
            employees = env["hr.employee"].browse(self.made["employees"])
            self.assertEqual(sorted(campaign.evaluation_ids.employee_id.ids), sorted(employees.ids))
            self.assertEqual(len(campaign.evaluation_ids), 6, "one evaluation per engineer")
            self.assertFalse(campaign.skipped_ids)
