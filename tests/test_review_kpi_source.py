# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import date
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import freeze_time, tagged

from .review_common import ReviewCase


@tagged("post_install", "-at_install")
class TestKpiFromRecords(ReviewCase):
    """KPI entries computed from the records of a source model (issue 17).

    The source is ``hr.contract`` (a dependency of OCA payroll, always
    installed): the engineer is its employee, its start date places it in the
    period, and the wage is the amount summed.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.monthly = cls.env.ref("hr_technical_grade.review_plan_monthly")
        cls.category = cls.env.ref("hr_technical_grade.kpi_category_maintenance")
        Fields = cls.env["ir.model.fields"]
        cls.contract_model = cls.env["ir.model"]._get("hr.contract")
        cls.employee_field = Fields._get("hr.contract", "employee_id")
        cls.start_field = Fields._get("hr.contract", "date_start")
        cls.wage_field = Fields._get("hr.contract", "wage")
        cls.counted = cls.env["hr.technical.grade.kpi"].create(
            {
                "name": "Service contracts signed",
                "category_id": cls.category.id,
                "rule_kind": "add",
                "per_occurrence": 10,
                **cls.source("[('name', 'like', 'KPI source')]"),
            }
        )
        cls.summed = cls.env["hr.technical.grade.kpi"].create(
            {
                "name": "Service contract value",
                "category_id": cls.category.id,
                "rule_kind": "proportional",
                "per_occurrence": 2,
                "unit_amount": 20000,
                **cls.source(
                    "[('name', 'like', 'KPI source')]",
                    source_measure="sum",
                    source_sum_field_id=cls.wage_field.id,
                ),
            }
        )
        cls.monthly.kpi_ids |= cls.counted | cls.summed

    @classmethod
    def source(cls, domain="[]", **vals):
        return {
            "source_model_id": cls.contract_model.id,
            "source_domain": domain,
            "source_engineer_field_id": cls.employee_field.id,
            "source_date_field_id": cls.start_field.id,
            **vals,
        }

    def contract(self, employee, day, wage=0, name="KPI source contract"):
        return self.env["hr.contract"].create(
            {"name": name, "employee_id": employee.id, "wage": wage, "date_start": day}
        )

    def open_march(self, employees=None):
        return self.monthly.with_user(self.hr_officer)._open_reviews(
            employees or self.engineer, date(2026, 3, 1)
        )

    def line(self, review, kpi):
        return review.line_ids.filtered(lambda line: line.kpi_id == kpi)

    def test_entries_are_computed_when_the_period_opens(self):
        march = self.contract(self.engineer, "2026-03-02", 30000)
        march |= self.contract(self.engineer, "2026-03-31", 20000)
        self.contract(self.engineer, "2026-02-28", 90000)  # the month before
        self.contract(self.engineer, "2026-03-10", 90000, name="Other")  # not counted
        self.contract(self.colleague, "2026-03-15", 5000)
        reviews = self.open_march(self.engineer | self.colleague)
        mine = reviews.filtered(lambda r: r.employee_id == self.engineer)
        counted = self.line(mine, self.counted)
        self.assertTrue(counted.source_computed)
        self.assertEqual((counted.occurrences, counted.adjustment), (2, 20))
        self.assertEqual((counted.source_value, counted.source_count), (2, 2))
        self.assertEqual(counted.source_res_ids, sorted(march.ids))
        self.assertEqual(counted.source_model, "hr.contract")
        self.assertFalse(counted.evidence_missing, "the records are the evidence")
        summed = self.line(mine, self.summed)
        self.assertEqual((summed.amount, summed.adjustment), (50000, 5))
        theirs = reviews - mine
        self.assertEqual(self.line(theirs, self.counted).occurrences, 1)
        self.assertEqual(self.line(theirs, self.summed).amount, 5000)
        # Typed indicators stay typed.
        typed = self.kpi_line(mine, "kpi_complaint")
        self.assertFalse(typed.source_computed)

    def test_one_grouped_query_per_indicator_whatever_the_engineers(self):
        self.contract(self.engineer, "2026-03-02")
        self.contract(self.colleague, "2026-03-03")
        Contract = type(self.env["hr.contract"])
        read_group = Contract._read_group
        with patch.object(Contract, "_read_group", autospec=True, side_effect=read_group) as rg:
            reviews = self.open_march(self.engineer | self.colleague | self.manager)
        self.assertEqual(len(reviews), 3)
        self.assertEqual(rg.call_count, 2, "one query per indicator, not per engineer")

    def test_the_evidence_opens_the_records_counted(self):
        contract = self.contract(self.engineer, "2026-03-02")
        review = self.open_march()
        action = self.line(review, self.counted).action_open_source_records()
        self.assertEqual(action["res_model"], "hr.contract")
        self.assertEqual(self.env["hr.contract"].search(action["domain"]), contract)

    def test_a_correction_needs_a_comment_and_keeps_the_original(self):
        self.contract(self.engineer, "2026-03-02")
        review = self.open_march()
        line = self.line(review, self.counted).with_user(self.manager_user)
        with self.assertRefused(ValidationError, "say why"):
            line.write({"occurrences": 3})
        line.write({"occurrences": 3, "correction_comment": "One contract filed late."})
        self.assertTrue(line.corrected)
        self.assertEqual((line.occurrences, line.source_value, line.adjustment), (3, 1, 30))
        logged = review.sudo().message_ids.filtered(lambda m: "filed late" in (m.body or ""))
        self.assertTrue(logged, "the correction is on record in the review's chatter")
        with self.assertRefused(AccessError, "computation only"):
            line.write({"source_value": 3})
        # Nor at creation, in the values or the context's defaults (probe 2026-12).
        Line = self.env["hr.technical.grade.review.line"].with_user(self.manager_user)
        for vals, context in (
            ({"source_computed": True, "source_count": 99}, {}),
            ({}, {"default_source_res_ids": [1, 2, 3], "default_source_model": "res.users"}),
        ):
            with self.assertRefused(AccessError, "computation only"):
                Line.with_context(**context).create(
                    {"review_id": review.id, "kpi_id": self.counted.id, **vals}
                )

    def test_submission_computes_the_entries_again(self):
        self.contract(self.engineer, "2026-03-02")
        review = self.open_march()
        self.assertEqual(self.line(review, self.counted).occurrences, 1)
        self.contract(self.engineer, "2026-03-20", 20000)
        self.contract(self.engineer, "2026-03-21", 20000)
        summed = self.line(review, self.summed).with_user(self.manager_user)
        summed.write({"amount": 100000, "correction_comment": "A contract signed on paper."})
        review.with_user(self.manager_user).kpi_checked = True
        review.with_user(self.manager_user).action_submit()
        self.assertEqual(review.state, "submitted")
        counted = self.line(review, self.counted)
        self.assertEqual((counted.occurrences, counted.source_value), (3, 3))
        self.assertEqual(
            (summed.amount, summed.source_value), (100000, 40000), "the correction stays"
        )

    def test_an_engineer_never_reads_a_colleagues_numbers(self):
        self.contract(self.colleague, "2026-03-02")
        theirs = self.open_march(self.colleague)
        line = self.line(theirs, self.counted)
        Line = self.env["hr.technical.grade.review.line"].with_user(self.engineer_user)
        self.assertFalse(Line.search([("review_id", "=", theirs.id)]))
        with self.assertRaises(AccessError):
            line.with_user(self.engineer_user).action_open_source_records()

    def test_only_records_later_than_another_date_count(self):
        """As a task closed after its deadline: here a contract starting after its trial end."""
        self.counted.source_late_field_id = self.env["ir.model.fields"]._get(
            "hr.contract", "trial_date_end"
        )
        late = self.contract(self.engineer, "2026-03-10")
        late.trial_date_end = "2026-03-09"
        self.contract(self.engineer, "2026-03-11").trial_date_end = "2026-03-12"
        self.contract(self.engineer, "2026-03-12")  # no date to be later than
        review = self.open_march()
        line = self.line(review, self.counted)
        self.assertEqual((line.occurrences, line.source_res_ids), (1, late.ids))

    def test_a_source_counts_only_what_its_author_may_read(self):
        """Probe 2026-12: HR counted colleagues' private chat messages, read as the
        superuser, and learnt their content by changing the filter."""
        chat = (
            self.env["discuss.channel"]
            .with_user(self.engineer_user)
            .channel_get(self.manager_user.partner_id.ids)
        )
        with freeze_time("2026-03-10 10:00:00"):
            chat.with_user(self.engineer_user).message_post(
                body="I am planning to resign", message_type="comment"
            )
        Fields = self.env["ir.model.fields"]
        vals = {
            "name": "Messages about leaving",
            "category_id": self.category.id,
            "rule_kind": "add",
            "per_occurrence": 1,
            "source_model_id": self.env["ir.model"]._get("mail.message").id,
            "source_domain": "[('body', 'ilike', 'resign')]",
            "source_engineer_field_id": Fields._get("mail.message", "create_uid").id,
            "source_date_field_id": Fields._get("mail.message", "date").id,
        }
        by_hr = self.env["hr.technical.grade.kpi"].with_user(self.hr_officer).create(vals)
        self.assertFalse(
            self.env["mail.message"]
            .with_user(self.hr_officer)
            .search([("body", "ilike", "resign")])
        )
        # The same source shipped or written by an administrator counts it.
        by_admin = self.env["hr.technical.grade.kpi"].create({**vals, "name": "Shipped"})
        self.monthly.kpi_ids |= by_hr | by_admin
        review = self.open_march()
        self.assertEqual(self.line(review, by_admin).occurrences, 1)
        self.assertEqual(self.line(review, by_hr).occurrences, 0)
        self.assertFalse(self.line(review, by_hr).source_res_ids)

    def test_sources_by_user(self):
        """A source may name the engineer by user: here his activities due in the period."""
        activity_model = self.env["ir.model"]._get("mail.activity")
        Fields = self.env["ir.model.fields"]
        kpi = self.env["hr.technical.grade.kpi"].create(
            {
                "name": "Follow-ups due",
                "category_id": self.category.id,
                "rule_kind": "deduct_total",
                "per_occurrence": 1,
                "source_model_id": activity_model.id,
                "source_engineer_field_id": Fields._get("mail.activity", "user_id").id,
                "source_date_field_id": Fields._get("mail.activity", "date_deadline").id,
            }
        )
        self.monthly.kpi_ids |= kpi
        for day in ("2026-03-05", "2026-03-06", "2026-04-01"):
            self.engineer.activity_schedule(
                "mail.mail_activity_data_todo", date_deadline=day, user_id=self.engineer_user.id
            )
        review = self.open_march()
        line = self.line(review, kpi)
        self.assertEqual((line.occurrences, line.adjustment), (2, -2))

    def test_sources_are_checked_when_written(self):
        kpi = self.counted
        Fields = self.env["ir.model.fields"]
        cases = [
            ({"source_engineer_field_id": Fields._get("hr.employee", "parent_id").id}, "not a"),
            ({"source_engineer_field_id": Fields._get("hr.contract", "struct_id").id}, "a user"),
            ({"source_date_field_id": self.wage_field.id}, "date"),
            ({"source_measure": "sum"}, "field summed"),
            (
                {"source_measure": "sum", "source_sum_field_id": self.start_field.id},
                "number",
            ),
            ({"source_domain": "[('no_such_field', '=', 1)]"}, "valid filter"),
            ({"source_domain": "__import__('os')"}, "valid filter"),
            ({"rule_kind": "discretionary"}, "never computed"),
        ]
        for vals, message in cases:
            with self.subTest(vals=vals), self.assertRefused(ValidationError, message):
                kpi.write(vals)

    def test_hr_counts_only_records_it_may_read(self):
        """The officer of the tests has no right on contracts: no source on them."""
        self.assertFalse(self.env["hr.contract"].with_user(self.hr_officer).has_access("read"))
        with self.assertRefused(ValidationError, "may not read"):
            self.counted.with_user(self.hr_officer).source_domain = "[]"
        hr_model = self.env["ir.model"]._get("hr.employee")
        Fields = self.env["ir.model.fields"]
        self.counted.with_user(self.hr_officer).write(
            {
                "source_model_id": hr_model.id,
                "source_domain": "[]",
                "source_engineer_field_id": Fields._get("hr.employee", "parent_id").id,
                "source_date_field_id": Fields._get("hr.employee", "create_date").id,
            }
        )
        self.assertTrue(self.counted.has_source)

    # ------------------------------------------------------------------
    # Several companies
    # ------------------------------------------------------------------

    def test_records_of_another_company_never_count(self):
        """The source is read within the review's company (its engineer's); an
        indicator of one company never enters another company's reviews."""
        company_b = self.env["res.company"].create({"name": "KPI Company B"})
        engineer_b = self.env["hr.employee"].create(
            {"name": "Engineer B", "company_id": company_b.id}
        )
        only_b = self.counted.copy({"name": "B contracts", "company_id": company_b.id})
        self.monthly.kpi_ids |= only_b
        plan_b = self.monthly.copy(
            {
                "name": "B monthly",
                "company_id": company_b.id,
                "kpi_ids": [Command.set((self.counted | only_b).ids)],
            }
        )
        company_a = self.engineer.company_id
        # A contract's company defaults to the creator's: each is set here.
        mine = self.contract(self.engineer, "2026-03-02")
        mine.company_id = company_a
        self.contract(self.engineer, "2026-03-03").company_id = company_b
        theirs = self.contract(engineer_b, "2026-03-04")
        theirs.company_id = company_b
        self.contract(engineer_b, "2026-03-05").company_id = company_a
        review_a = self.open_march()
        review_b = plan_b._open_reviews(engineer_b, date(2026, 3, 1))
        self.assertEqual(review_b.company_id, company_b)
        self.assertFalse(self.line(review_a, only_b), "B's indicator is not A's")
        self.assertEqual(self.line(review_a, self.counted).source_res_ids, mine.ids)
        self.assertEqual(self.line(review_b, self.counted).source_res_ids, theirs.ids)
        self.assertEqual(self.line(review_b, only_b).source_res_ids, theirs.ids)
        # A's HR and superiors do not see B's entries.
        Line = self.env["hr.technical.grade.review.line"]
        for user in (self.hr_officer, self.manager_user):
            self.assertFalse(Line.with_user(user).search([("review_id", "=", review_b.id)]))

    # ------------------------------------------------------------------
    # Review of the source code (regressions)
    # ------------------------------------------------------------------

    def test_superiors_cannot_make_up_entries_computed_from_records(self):
        """An entry created by hand that says "computed from records" would pass
        its made-up records for evidence."""
        review = self.open_march()
        typed = self.env.ref("hr_technical_grade.kpi_complaint")
        self.line(review, typed).sudo().unlink()
        Line = self.env["hr.technical.grade.review.line"].with_user(self.manager_user)
        with self.assertRefused(AccessError, "computation only"):
            Line.create(
                {
                    "review_id": review.id,
                    "kpi_id": typed.id,
                    "occurrences": 1,
                    "source_computed": True,
                    "source_count": 1,
                    "source_res_ids": [1],
                    "source_model": "hr.contract",
                }
            )
        line = Line.create({"review_id": review.id, "kpi_id": typed.id, "occurrences": 1})
        self.assertTrue(line.evidence_missing)

    def test_a_filter_on_what_hr_may_not_read_is_refused(self):
        """The records are read as the superuser: a filter crossing into records
        HR may not read (the wages of contracts) would tell them through the
        counts."""
        hr_model = self.env["ir.model"]._get("hr.employee")
        Fields = self.env["ir.model.fields"]
        vals = {
            "source_model_id": hr_model.id,
            "source_engineer_field_id": Fields._get("hr.employee", "parent_id").id,
            "source_date_field_id": Fields._get("hr.employee", "create_date").id,
        }
        kpi = self.counted.with_user(self.hr_officer)
        with self.assertRefused(ValidationError, "may not read"):
            kpi.write({**vals, "source_domain": "[('contract_id.wage', '>', 5000)]"})
        kpi.write({**vals, "source_domain": "[('department_id', '!=', False)]"})
        self.assertTrue(self.counted.has_source)

    def test_a_filter_broken_later_leaves_the_entries_to_the_superior(self):
        """A module removed later takes a field the filter reads: the period
        opens all the same, that indicator's entries are typed, the others
        computed."""
        self.contract(self.engineer, "2026-03-02", 40000)
        self.env.cr.execute(
            "UPDATE hr_technical_grade_kpi SET source_domain = %s WHERE id = %s",
            ["[('no_longer_there', '=', True)]", self.counted.id],
        )
        self.counted.invalidate_recordset(["source_domain"])
        with self.assertLogs("odoo.addons.hr_technical_grade.models", "WARNING") as logs:
            review = self.open_march()
        self.assertTrue(any("Service contracts signed" in line for line in logs.output))
        self.assertFalse(self.line(review, self.counted).source_computed)
        self.assertEqual(self.line(review, self.summed).amount, 40000)


@tagged("post_install", "-at_install")
class TestKpiPresets(ReviewCase):
    """Preset indicators turn on only with their module (repair, project, hr_expense,
    OCA helpdesk_mgmt); none of them is a dependency of the addon."""

    def load(self):
        return (
            self.env["hr.technical.grade.kpi"]
            .with_user(self.hr_officer)
            .with_context(preset_silent=True)
            .action_load_presets()
        )

    def test_only_the_presets_of_installed_modules_are_created_once(self):
        created = self.load().sudo()
        modules = set(
            self.env["ir.module.module"].search([("state", "=", "installed")]).mapped("name")
        )
        for kpi in created:
            self.assertIn(kpi.source_model, self.env)
            self.assertTrue(kpi.has_source, kpi.name)
        from ..grade_rules.kpi_presets import PRESETS

        for preset in PRESETS:
            if preset["module"] not in modules:
                self.assertNotIn(preset["key"], created.mapped("source_preset"))
        self.assertFalse(self.load(), "a preset is created once")

    def test_a_preset_of_a_missing_model_or_field_is_left_out(self):
        from ..grade_rules import kpi_presets

        presets = (
            {
                "key": "contracts",
                "model": "hr.contract",
                "domain": "[]",
                "engineer": "employee_id",
                "date": "date_start",
                "rule_kind": "add",
                "category": "kpi_category_general",
            },
            {
                "key": "missing_field",
                "model": "hr.contract",
                "domain": "[]",
                "requires": ("no_such_field",),
                "engineer": "employee_id",
                "date": "date_start",
                "rule_kind": "add",
                "category": "kpi_category_general",
            },
            {
                "key": "missing_model",
                "model": "no.such.model",
                "domain": "[]",
                "engineer": "user_id",
                "date": "date",
                "rule_kind": "add",
                "category": "kpi_category_general",
            },
        )
        Kpi = type(self.env["hr.technical.grade.kpi"])
        names = {"contracts": "Contracts", "missing_field": "X", "missing_model": "Y"}
        with (
            patch.object(kpi_presets, "PRESETS", presets),
            patch.object(Kpi, "_preset_names", lambda self: names),
        ):
            created = self.load()
        self.assertEqual(created.mapped("source_preset"), ["contracts"])
        self.assertEqual(created.sudo().source_model, "hr.contract")

    def test_engineers_do_not_load_presets(self):
        with self.assertRefused(UserError, "HR loads"):
            self.env["hr.technical.grade.kpi"].with_user(self.engineer_user).action_load_presets()

    def test_project_presets_count_closed_and_late_tasks(self):
        """project is no dependency: where it is installed, the presets are
        loaded on its tasks; elsewhere they are read against the source of
        Odoo's project module, so that no preset names a field tasks lack."""
        import ast
        from pathlib import Path

        from odoo.modules.module import get_module_path

        from ..grade_rules.kpi_presets import PRESETS

        presets = {p["key"]: p for p in PRESETS if p["module"] == "project"}
        self.assertEqual(set(presets), {"task_closed", "task_late"})
        if "project.task" in self.env:
            created = self.load().sudo()
            late = created.filtered(lambda k: k.source_preset == "task_late")
            self.assertEqual(late.source_late_field_id.name, "date_deadline")
            self.assertEqual(late.source_engineer_field_id.name, "user_ids")
            self.assertEqual(late.source_date_field_id.name, "date_last_stage_update")
            return
        source = Path(get_module_path("project"), "models", "project_task.py").read_text()
        declared = {
            target.id
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Attribute)
            and isinstance(node.value.func.value, ast.Name)
            and node.value.func.value.id == "fields"
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        self.assertEqual(presets["task_late"]["late"], "date_deadline")
        self.assertEqual(presets["task_late"]["engineer"], "user_ids")
        # Odoo fills date_end only on a folded stage, never on the Done mark.
        self.assertEqual(presets["task_closed"]["date"], "date_last_stage_update")
        self.assertIn("task.date_last_stage_update = now", source)
        for preset in presets.values():
            for name in (preset["engineer"], preset["date"], preset.get("late")):
                if name:
                    self.assertIn(name, declared, preset["key"])
            self.assertIn("'1_done'", source)
            self.assertIn("1_done", preset["domain"])
