# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

import pathlib
import shutil
import time
import unittest
from contextlib import contextmanager
from datetime import date, timedelta
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, TransactionCase, new_test_user
from odoo.tests.common import ChromeBrowser

# How long a browser start may take, and how many starts are tried, before a
# browser test gives up.  Odoo waits ten seconds once; a busy CI machine with
# two cores has been seen to need more for its first Chromium of the run.
BROWSER_START_SECONDS = 60
BROWSER_START_ATTEMPTS = 3

# A Monday in the middle of the fourth quarter.
FROZEN_NOW = "2026-11-16 09:00:00"


def force_state(documents, state):
    """Put ``documents`` in ``state`` past the approval engine, as old data or a bug would.

    Only a test does this: it hands the engine's own mark (a Python object no
    client can send) to a superuser write, to check what holds however a
    document got to its state.
    """
    from ..models.hr_technical_grade_approval_mixin import STATE_MOVE, StateMove

    documents.sudo().with_context(**{STATE_MOVE: StateMove(documents, state)}).write(
        {"state": state}
    )


def load_chinese(env):
    """Activate Simplified Chinese with this addon's translations."""
    env["res.lang"]._activate_lang("zh_CN")
    env["ir.module.module"]._load_module_terms(["hr_technical_grade"], ["zh_CN"], overwrite=True)


def form_ratings(evaluation, best=True):
    """A committee member's ratings of every criterion of the evaluation's form:
    the best level (or the lowest) everywhere."""
    template = evaluation.sudo().template_id
    levels = template.level_ids
    if not levels:
        return {}
    level = levels[0] if best else levels[-1]
    return {criterion.id: level.id for criterion in template.section_ids.criterion_ids}


class TechnicalGradeCase(TransactionCase):
    """Fixtures shared by the Odoo tests: the shipped ladder and a small team.

    Today is frozen mid-month, so that fixtures counted from today (months in
    grade, years of experience, periods) give the same results on every day
    of the year, month ends and leap days included.
    """

    freeze_time = FROZEN_NOW

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.ref("base.main_company")
        ref = cls.env.ref
        # Promotions are filed at any time here, as in a company that turns the
        # yearly cycle off (a company setting, not a context key): the yearly
        # cycle has its own tests (test_yearly_cycle.py), the campaign tests
        # and the tours run with it on.
        cls.company.technical_grade_promotion_in_campaign = False
        cls.trainee = ref("hr_technical_grade.grade_trainee")
        cls.junior = ref("hr_technical_grade.grade_junior")
        cls.intermediate = ref("hr_technical_grade.grade_intermediate")
        cls.senior = ref("hr_technical_grade.grade_senior")
        cls.expert = ref("hr_technical_grade.grade_expert")
        cls.History = cls.env["hr.technical.grade.history"]
        cls.hr_officer = new_test_user(
            cls.env,
            login="tg_test_officer",
            groups="base.group_user,hr_technical_grade.group_technical_grade_officer",
        )
        Employee = cls.env["hr.employee"]
        cls.department = cls.env["hr.department"].create({"name": "Test After-Sales"})
        cls.engineer = Employee.create(
            {"name": "Test Engineer", "department_id": cls.department.id}
        )
        cls.colleague = Employee.create(
            {"name": "Test Colleague", "department_id": cls.department.id}
        )

    @classmethod
    def user(cls, login, groups="base.group_user"):
        return new_test_user(cls.env, login=login, groups=groups)

    @classmethod
    def record(cls, employee, grade, day, change_type="initial", reason="test"):
        """Record a grade change through the model API, as the wizard does."""
        return cls.History._record_grade_change(
            [
                {
                    "employee_id": employee.id,
                    "grade_id": grade.id,
                    "date_from": date.fromisoformat(day) if isinstance(day, str) else day,
                    "change_type": change_type,
                    "reason": reason,
                }
            ]
        )

    def run_opening_cron(self, batch_size=200):
        """Run the campaign opening cron until its queue is empty, as Odoo's
        cron engine would (one call per batch; the engine commits between)."""
        Campaign = self.env["hr.technical.grade.campaign"]
        for _batch in range(1000):
            Campaign._cron_open_campaigns(batch_size)
            if not Campaign.search_count([("is_opening", "=", True)]):
                return
        raise AssertionError("the opening cron does not finish")

    @contextmanager
    def assertRefused(self, exception, message):
        """Expect ``exception`` matching ``message``; undo what the block wrote."""
        with self.assertRaisesRegex(exception, message), self.env.cr.savepoint():
            yield
        self.env.invalidate_all()


class NewStaffMixin:
    """Contracts of new staff and the initial gradings prepared for them.

    The test class sets ``responsible``, the HR officer of the contracts.
    """

    def contract(self, employee, start, trial_end=False, state="open", end=False):
        return self.env["hr.contract"].create(
            {
                "name": f"{employee.name} {start}",
                "employee_id": employee.id,
                "date_start": start,
                "date_end": end,
                "trial_date_end": trial_end,
                "wage": 5000,
                "state": state,
                "hr_responsible_id": self.responsible.id,
            }
        )

    def initial(self, employee):
        """The initial gradings of ``employee``."""
        return self.env["hr.technical.grade.evaluation"].search(
            [("employee_id", "=", employee.id), ("kind", "=", "initial")]
        )


class TrainingCase(TechnicalGradeCase):
    """The shipped modules and courses of the layered training, and HR's trainings.

    The demo writes the modules' standards and passes Basic Knowledge against
    its own: Basic Knowledge keeps a standard, the others start without.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.basics = ref("hr_technical_grade.training_module_basics")
        cls.diagnosis = ref("hr_technical_grade.training_module_diagnosis")
        cls.repair = ref("hr_technical_grade.training_module_repair")
        cls.service = ref("hr_technical_grade.training_module_service")
        cls.junior_course = ref("hr_technical_grade.training_course_junior")
        cls.intermediate_course = ref("hr_technical_grade.training_course_intermediate")
        (cls.diagnosis | cls.repair | cls.service).standard = False
        cls.basics.standard = cls.basics.standard or "Written test."
        cls.Session = cls.env["hr.technical.grade.training.session"].with_user(cls.hr_officer)

    @contextmanager
    def refused(self):
        """Expect the block to be refused (access, user or validation error); undo it."""
        try:
            with self.env.cr.savepoint():
                yield
        except (AccessError, UserError, ValidationError):
            self.env.invalidate_all()
            return
        self.fail("not refused")

    def session(self, course=None, employees=None, **values):
        """A training planned by HR (the junior course by default) and its attendees."""
        return self.Session.create(
            {
                "name": "Test training",
                "course_id": (course or self.junior_course).id,
                "employee_ids": [Command.set((employees or self.engineer).ids)],
                **values,
            }
        )


class CommitteeCase(TechnicalGradeCase):
    """A promotion of the engineer (junior, eligible) before the committee alone.

    Subclasses set ``candidate_user`` (the engineer's user) and the committee.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The committee is the only step, to look at it alone.
        steps = cls.env["hr.technical.grade.approval.step"].search([])
        steps.filtered(lambda s: s.approver_type != "committee").active = False
        today = date.today()
        cls.record(cls.engineer, cls.junior, today - timedelta(days=4 * 365))
        cls.engineer.technical_experience_date = today - timedelta(days=10 * 366)
        cls.committee = cls.env.ref("hr_technical_grade.committee_default")

    def before_committee(self):
        evaluation = (
            self.env["hr.technical.grade.evaluation"]
            .with_user(self.hr_officer)
            .create({"employee_id": self.engineer.id, "kind": "promotion"})
        )
        evaluation.with_user(self.candidate_user).action_submit()
        return evaluation


class PayslipCase(TechnicalGradeCase):
    """Payslips of the technical grade structure, one contract per employee."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.structure = cls.env.ref("hr_technical_grade.payroll_structure_technical_grade")

    def setUp(self):
        super().setUp()
        self.contracts = {}

    def payslip(
        self, employee, date_from="2026-06-01", date_to="2026-06-30", structure=None, compute=True
    ):
        contract = self.contracts.get(employee)
        if not contract:
            contract = self.contracts[employee] = self.env["hr.contract"].create(
                {
                    "name": f"Contract {employee.name}",
                    "employee_id": employee.id,
                    "wage": 0,
                    "date_start": "2020-01-01",
                    "struct_id": (structure or self.structure).id,
                    "state": "open",
                }
            )
        slip = self.env["hr.payslip"].create(
            {
                "employee_id": employee.id,
                "contract_id": contract.id,
                "struct_id": (structure or self.structure).id,
                "date_from": date_from,
                "date_to": date_to,
            }
        )
        if compute:
            slip.compute_sheet()
        return slip

    @staticmethod
    def amounts(slip):
        return {line.code: line.total for line in slip.line_ids}


def _patient_spawn(browser, cmd):
    """Start Chromium and read its DevTools port, like Odoo, but patiently.

    A start that writes no port in time is killed and tried again with a
    clean profile, so no stray Chromium outlives the test.
    """
    port_file = pathlib.Path(browser.user_data_dir, "DevToolsActivePort")
    for attempt in range(1, BROWSER_START_ATTEMPTS + 1):
        proc = browser._chrome_without_limit(cmd)
        deadline = time.monotonic() + BROWSER_START_SECONDS
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.1)
            if port_file.is_file() and port_file.stat().st_size > 5:
                with port_file.open(encoding="utf-8") as f:
                    return proc, int(f.readline())
        browser._logger.warning(
            "Chromium gave no DevTools port (start %s of %s, exit code %s)",
            attempt,
            BROWSER_START_ATTEMPTS,
            proc.poll(),
        )
        proc.kill()
        proc.wait(15)
        shutil.rmtree(browser.user_data_dir, ignore_errors=True)
        pathlib.Path(browser.user_data_dir).mkdir(parents=True, exist_ok=True)
    raise unittest.SkipTest(
        f"Failed to detect chrome devtools port after {BROWSER_START_ATTEMPTS} starts "
        f"of {BROWSER_START_SECONDS}s."
    )


class BrowserCase(HttpCase):
    """Browser tests whose Chromium start survives a busy machine."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.startClassPatcher(patch.object(ChromeBrowser, "_spawn_chrome", _patient_spawn))


class PdfCase(HttpCase):
    """Renders real PDFs with wkhtmltopdf.

    wkhtmltopdf asks the server for the report's asset bundles.  Under an
    ``HttpCase`` the server answers on the test's own cursor, so the request
    never waits on the test's uncommitted transaction, under pytest-odoo and
    under Odoo's own runner alike.  Mix it in before the fixtures' class.
    """

    def render_pdf(self, report_ref, records, user=None):
        if not shutil.which("wkhtmltopdf"):
            self.skipTest("wkhtmltopdf is not installed: the PDF itself was not rendered")
        Report = self.env["ir.actions.report"]
        if user:
            Report = Report.with_user(user)
        pdf, kind = Report.with_context(force_report_rendering=True)._render_qweb_pdf(
            report_ref, records.ids
        )
        self.assertEqual((kind, pdf[:4]), ("pdf", b"%PDF"))
        return pdf


class CampaignCase(TechnicalGradeCase):
    """A department with engineers in every situation a campaign meets."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Campaigns run in a company that decides promotions in them.
        cls.company.technical_grade_promotion_in_campaign = True
        today = date.today()
        cls.today = today
        cls.candidate_user = new_test_user(
            cls.env,
            login="tg_campaign_candidate",
            groups="hr_technical_grade.group_technical_grade_user",
        )
        cls.manager_user = new_test_user(cls.env, login="tg_campaign_manager")
        Employee = cls.env["hr.employee"]
        cls.manager = Employee.create({"name": "Campaign Manager", "user_id": cls.manager_user.id})
        cls.head_user = new_test_user(cls.env, login="tg_campaign_head")
        cls.department.manager_id = Employee.create(
            {"name": "Campaign Head", "user_id": cls.head_user.id}
        )
        # Eligible: junior for four years, ten years in the trade.
        cls.engineer.write(
            {
                "user_id": cls.candidate_user.id,
                "parent_id": cls.manager.id,
                "technical_experience_date": today - timedelta(days=10 * 366),
            }
        )
        cls.record(cls.engineer, cls.junior, today - timedelta(days=4 * 366))
        # Not eligible: a trainee for a month.
        cls.record(cls.colleague, cls.trainee, today - timedelta(days=30))

        def graded(name, grade, years, department=cls.department):
            employee = Employee.create(
                {
                    "name": name,
                    "department_id": department.id,
                    "parent_id": cls.manager.id,
                    "technical_experience_date": today - timedelta(days=10 * 366),
                }
            )
            if grade:
                cls.record(employee, grade, today - timedelta(days=years * 366))
            return employee

        # Eligible for senior, no user: only the manager is told.
        cls.senior_candidate = graded("Senior Candidate", cls.intermediate, 3)
        cls.top = graded("Top Expert", cls.expert, 5)
        cls.ungraded = graded("Not Graded", None, 0)
        cls.busy = graded("Busy Engineer", cls.junior, 4)
        cls.elsewhere = cls.env["hr.department"].create({"name": "Elsewhere"})
        cls.outsider = graded("Outsider", cls.junior, 4, cls.elsewhere)
        cls.env["hr.technical.grade.evaluation"].create(
            {"employee_id": cls.busy.id, "kind": "promotion"}
        )

    def open_campaign(self, campaign=None, **vals):
        wizard_vals = {
            "name": "Q4 Test Campaign",
            "department_ids": [(6, 0, self.department.ids)],
            "deadline": self.today + timedelta(days=20),
        }
        if campaign:
            wizard_vals["campaign_id"] = campaign.id
        wizard_vals.update(vals)
        wizard = (
            self.env["hr.technical.grade.campaign.wizard"]
            .with_user(self.hr_officer)
            .create(wizard_vals)
        )
        action = wizard.action_confirm()
        self.run_opening_cron()
        return self.env["hr.technical.grade.campaign"].browse(action["params"]["next"]["res_id"])

    @staticmethod
    def score(evaluation, theory=90, passed=True):
        levels = evaluation.template_id.level_ids
        evaluation.line_ids.write({"level_id": levels[0 if passed else -1].id})
        evaluation.write(
            {
                "theory_score": theory if passed else 0,
                "practical_score": 90 if passed else 0,
                "teaching_score": 90 if passed else 0,
                "scored": True,
            }
        )
        return evaluation
