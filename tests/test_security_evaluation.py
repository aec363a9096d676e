# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Regression tests of the security review (2026-11) on grade evaluations.

Each test calls the public API as the role of the probe, as an RPC client
would, and checks the refusal and that nothing changed.
"""

from datetime import date, timedelta

import psycopg2

from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import freeze_time, tagged
from odoo.tools import mute_logger

from .common import TechnicalGradeCase, force_state, form_ratings


class EvaluationSecurityCase(TechnicalGradeCase):
    """An engineer of the team, a colleague, HR; one approval step decided by HR."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Evaluation = cls.env["hr.technical.grade.evaluation"]
        cls.today = date.today()
        cls.engineer_user = cls.user(
            "tg_sec_engineer", "hr_technical_grade.group_technical_grade_user"
        )
        cls.colleague_user = cls.user(
            "tg_sec_colleague", "hr_technical_grade.group_technical_grade_user"
        )
        cls.engineer.write(
            {
                "user_id": cls.engineer_user.id,
                "technical_experience_date": cls.today - timedelta(days=10 * 366),
            }
        )
        cls.colleague.user_id = cls.colleague_user
        # Junior for four years: eligible for intermediate.
        cls.record(cls.engineer, cls.junior, cls.today - timedelta(days=4 * 366))
        cls.record(cls.colleague, cls.intermediate, cls.today - timedelta(days=4 * 366))
        cls.approver = cls.user(
            "tg_sec_approver", "base.group_user,hr_technical_grade.group_technical_grade_officer"
        )
        Step = cls.env["hr.technical.grade.approval.step"]
        Step.search([]).active = False
        cls.step = Step.create(
            {"name": "HR approval", "approver_type": "users", "user_ids": cls.approver.ids}
        )

    def promotion(self, user=None, employee=None, **vals):
        return self.Evaluation.with_user(user or self.hr_officer).create(
            {"employee_id": (employee or self.engineer).id, "kind": "promotion", **vals}
        )

    @staticmethod
    def score(evaluation, passed=True):
        levels = evaluation.template_id.level_ids
        evaluation.sudo().line_ids.write({"level_id": levels[0 if passed else -1].id})
        mark = 90 if passed else 10
        evaluation.sudo().write(
            {
                "theory_score": mark,
                "practical_score": mark,
                "teaching_score": mark,
                "scored": True,
            }
        )
        return evaluation

    def requests_of(self, employee):
        return self.Evaluation.search([("employee_id", "=", employee.id)])


@tagged("post_install", "-at_install")
class TestEvaluationRequestSecurity(EvaluationSecurityCase):
    # Defect 1: kind=initial skipped every promotion condition
    def test_initial_grading_is_for_ungraded_employees_only(self):
        before = self.requests_of(self.engineer)
        # The probe: the engineer asks to be "initially graded" Expert.
        with self.assertRefused(UserError, "already have a grade history"):
            self.Evaluation.with_user(self.engineer_user).create(
                {
                    "employee_id": self.engineer.id,
                    "kind": "initial",
                    "target_grade_id": self.expert.id,
                    "initial_reason": "transfer",
                }
            )
        # HR neither: the Set Grade wizard's rule.
        with self.assertRefused(UserError, "already have a grade history: Test Engineer"):
            self.Evaluation.with_user(self.hr_officer).create(
                [
                    {"employee_id": employee.id, "kind": "initial", "target_grade_id": grade.id}
                    for employee, grade in (
                        (self.engineer, self.expert),
                        (self.colleague, self.senior),
                    )
                ]
            )
        # Nor by turning a draft promotion into an initial grading.
        draft = self.promotion(self.engineer_user)
        with self.assertRefused(UserError, "already have a grade history"):
            draft.with_user(self.engineer_user).write(
                {"kind": "initial", "target_grade_id": self.expert.id}
            )
        self.assertEqual((draft.kind, draft.target_grade_id), ("promotion", self.intermediate))
        self.assertEqual(self.requests_of(self.engineer), before | draft)

    def test_initial_grading_of_someone_graded_since_is_not_submitted(self):
        newcomer = self.env["hr.employee"].create({"name": "Newcomer"})
        evaluation = self.Evaluation.with_user(self.hr_officer).create(
            {
                "employee_id": newcomer.id,
                "kind": "initial",
                "target_grade_id": self.expert.id,
                "initial_reason": "probation",
            }
        )
        self.assertTrue(evaluation.eligible)
        self.record(newcomer, self.trainee, self.today - timedelta(days=30))
        self.env.invalidate_all()
        self.assertIn(
            "initial grading is for employees without a grade", evaluation.eligibility_problems
        )
        evaluation.with_user(self.hr_officer).write(
            {"override_eligibility": True, "override_reason": "Transferred from the plant"}
        )
        with self.assertRefused(UserError, "No override lifts this"):
            evaluation.with_user(self.hr_officer).action_submit()
        self.assertEqual((evaluation.state, evaluation.approval_ids.ids), ("draft", []))

    def test_promotion_is_one_grade_up_even_with_an_override(self):
        evaluation = self.promotion(
            target_grade_id=self.expert.id,
            override_eligibility=True,
            override_reason="Exceptional",
        )
        with self.assertRefused(UserError, "one grade at a time"):
            evaluation.with_user(self.hr_officer).action_submit()
        self.assertEqual((evaluation.state, evaluation.approval_ids.ids), ("draft", []))
        demotion = self.Evaluation.with_user(self.hr_officer).create(
            {
                "employee_id": self.colleague.id,
                "kind": "demotion",
                "demotion_reason": "discipline",
                "target_grade_id": self.trainee.id,
                "override_eligibility": True,
                "override_reason": "Serious",
            }
        )
        with self.assertRefused(UserError, "one grade down"):
            demotion.with_user(self.hr_officer).action_submit()
        self.assertEqual(demotion.state, "draft")

    def test_apply_checks_the_ladder_again(self):
        evaluation = self.score(self.promotion())
        evaluation.with_user(self.engineer_user).action_submit()
        evaluation.with_user(self.approver).action_approve()
        self.assertEqual(evaluation.state, "approved")
        # Meanwhile HR corrected the grade: trainee -> intermediate would be two steps up.
        self.record(self.engineer, self.trainee, self.today - timedelta(days=30), "correction")
        history = self.engineer.technical_grade_history_ids
        with self.assertRefused(UserError, "one grade at a time"):
            evaluation.with_user(self.hr_officer).action_apply()
        self.assertEqual(evaluation.state, "approved")
        self.assertEqual(self.engineer.technical_grade_history_ids, history)
        # Nor can HR retarget an approved request.
        with self.assertRefused(UserError, "change on the draft only"):
            evaluation.with_user(self.hr_officer).write({"target_grade_id": self.senior.id})
        self.assertEqual(evaluation.target_grade_id, self.intermediate)

    # Defect 6: an engineer turned their draft into a demotion of a colleague
    def test_requester_cannot_retarget_their_draft(self):
        draft = self.promotion(self.engineer_user)
        with self.assertRefused(AccessError, "cannot file a request about Test Colleague"):
            draft.with_user(self.engineer_user).write(
                {
                    "employee_id": self.colleague.id,
                    "kind": "demotion",
                    "demotion_reason": "discipline",
                }
            )
        self.assertEqual((draft.employee_id, draft.kind), (self.engineer, "promotion"))
        self.assertFalse(self.requests_of(self.colleague))
        # What they may file, they may still edit.
        draft.with_user(self.engineer_user).write({"note": "<p>Ready</p>"})

    # Defect 7: HR skipped the chain by writing the state, then applied
    def test_nobody_writes_the_state_or_the_workflow_fields(self):
        evaluation = self.promotion()
        evaluation.with_user(self.engineer_user).action_submit()
        before = evaluation.read(["state", "result", "committee_state", "approval_ids"])[0]
        officer = evaluation.with_user(self.hr_officer)
        for vals in (
            {"state": "approved"},
            {"result": "passed"},
            {"committee_state": "signed"},
            {"history_id": False, "state": "done"},
            {"approval_ids": [Command.clear()]},
        ):
            with self.assertRefused(AccessError, "change through its actions only"):
                officer.write(vals)
        self.assertEqual(
            evaluation.read(["state", "result", "committee_state", "approval_ids"])[0], before
        )
        with self.assertRefused(AccessError, "change through its actions only"):
            self.Evaluation.with_user(self.hr_officer).create(
                {"employee_id": self.colleague.id, "kind": "promotion", "state": "approved"}
            )
        self.assertFalse(self.requests_of(self.colleague))

    def test_apply_needs_every_step_approved(self):
        evaluation = self.score(self.promotion())
        evaluation.with_user(self.engineer_user).action_submit()
        # However the state got there (old data, a bug), the pending step stops it.
        force_state(evaluation, "approved")
        history = self.engineer.technical_grade_history_ids
        with self.assertRefused(UserError, r"not approved by every step \(HR approval\)"):
            evaluation.with_user(self.hr_officer).action_apply()
        self.assertEqual((evaluation.state, evaluation.history_id.id), ("approved", False))
        self.assertEqual(self.engineer.technical_grade_history_ids, history)

    def test_apply_needs_a_pass(self):
        self.step.active = False
        evaluation = self.promotion()
        # With no step, submitting runs the final check all the same.
        with self.assertRefused(UserError, "has not passed"):
            evaluation.with_user(self.hr_officer).action_submit()
        self.assertEqual(evaluation.state, "draft")
        force_state(evaluation, "approved")
        history = self.engineer.technical_grade_history_ids
        with self.assertRefused(UserError, r"has not passed \(result: Pending\)"):
            evaluation.with_user(self.hr_officer).action_apply()
        self.assertEqual(evaluation.state, "approved")
        self.assertEqual(self.engineer.technical_grade_history_ids, history)
        # Scored and passed, it is approved at once and applies.
        force_state(evaluation, "draft")
        self.score(evaluation)
        evaluation.with_user(self.hr_officer).action_submit()
        self.assertEqual(evaluation.state, "approved")
        evaluation.with_user(self.hr_officer).action_apply()
        self.assertEqual(self.engineer.technical_grade_id, self.intermediate)

    # Defect 11: reopening a rejected request deleted its approvals
    def test_reopening_keeps_the_rejected_round(self):
        evaluation = self.score(self.promotion(self.engineer_user))
        evaluation.with_user(self.engineer_user).action_submit()
        evaluation.with_user(self.approver).action_reject("Missing the practical exam report")
        rejected = evaluation.approval_ids
        evaluation.with_user(self.engineer_user).action_draft()
        self.assertFalse(evaluation._current_approvals())
        self.assertFalse(evaluation.current_approval_id)
        # The rejection stays readable, by the applicant too.
        trail = evaluation.with_user(self.engineer_user).previous_approval_ids
        self.assertEqual(trail, rejected)
        self.assertEqual(
            (trail.state, trail.decided_by_id, trail.comment, trail.round),
            ("rejected", self.approver, "Missing the practical exam report", 1),
        )
        # The next submission is a new round; the chain reads it only.
        evaluation.with_user(self.engineer_user).action_submit()
        current = evaluation._current_approvals()
        self.assertEqual((current.state, current.round), ("pending", 2))
        self.assertEqual(evaluation.approval_ids, current | rejected)
        self.assertEqual(evaluation.current_approval_id, current)
        self.assertEqual(evaluation.pending_approver_ids, self.approver)
        evaluation.with_user(self.approver).action_approve()
        self.assertEqual(evaluation.state, "approved")
        self.assertEqual(evaluation.previous_approval_ids, rejected)
        self.assertEqual(rejected.state, "rejected")

    # Defect 14: HR wrote the employee's grade, out of step with the history
    def test_grade_on_the_employee_follows_the_history(self):
        employee = self.engineer.with_user(self.hr_officer)
        with self.assertRefused(AccessError, "read from the grade history"):
            employee.write({"technical_grade_id": self.expert.id})
        with self.assertRefused(AccessError, "read from the grade history"):
            employee.write({"technical_grade_date": self.today})
        self.assertEqual(self.engineer.technical_grade_id, self.junior)
        with self.assertRefused(AccessError, "read from the grade history"):
            self.env["hr.employee"].with_user(self.hr_officer).create(
                {"name": "Self-made Expert", "technical_grade_id": self.expert.id}
            )
        self.assertFalse(self.env["hr.employee"].search([("name", "=", "Self-made Expert")]))
        # Other fields stay HR's to edit.
        employee.write({"technical_experience_date": self.today - timedelta(days=3000)})

    # Defect 17: several open promotion requests per employee
    def test_one_open_request_per_employee_and_kind(self):
        first = self.promotion(self.engineer_user)
        with self.assertRefused(UserError, f"already has an open request .*{first.name}"):
            self.promotion(self.engineer_user)
        with self.assertRefused(UserError, "two requests of the same kind"):
            self.Evaluation.with_user(self.hr_officer).create(
                [{"employee_id": self.colleague.id, "kind": "promotion"}] * 2
            )
        self.assertEqual(self.requests_of(self.engineer), first)
        self.assertFalse(self.requests_of(self.colleague))
        # Another kind may be open at the same time.
        demotion = self.Evaluation.with_user(self.hr_officer).create(
            {"employee_id": self.engineer.id, "kind": "demotion", "demotion_reason": "discipline"}
        )
        # Once withdrawn, a new request may be filed, and the old one not reopened beside it.
        first.with_user(self.engineer_user).action_cancel()
        second = self.promotion(self.engineer_user)
        with self.assertRefused(UserError, f"already has an open request .*{second.name}"):
            first.with_user(self.engineer_user).action_draft()
        self.assertEqual(first.state, "cancel")
        self.assertEqual(self.requests_of(self.engineer), first | second | demotion)

    def test_the_database_keeps_one_open_request(self):
        first = self.promotion()
        first.action_cancel()
        self.promotion()
        self.env.flush_all()
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(psycopg2.errors.ExclusionViolation),
            self.env.cr.savepoint(),
        ):
            self.env.cr.execute(
                "UPDATE hr_technical_grade_evaluation SET state = 'draft' WHERE id = %s",
                [first.id],
            )


class CommitteeSecurityCase(EvaluationSecurityCase):
    """The committee is the only step; its chair signs; the notice lasts a week."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.chair = cls.user("tg_sec_chair")
        cls.member = cls.user("tg_sec_member")
        cls.outsider = cls.user("tg_sec_outsider")
        cls.env.ref("hr_technical_grade.committee_default").write(
            {
                "member_ids": [Command.set((cls.chair | cls.member).ids)],
                "chair_id": cls.chair.id,
                "quorum": 2,
            }
        )
        cls.step.active = False
        cls.env.ref("hr_technical_grade.approval_step_committee").active = True
        cls.company.technical_grade_notice_days = 7

    def closed(self):
        evaluation = self.promotion()
        evaluation.sudo().line_ids.write({"level_id": evaluation.template_id.level_ids[0].id})
        evaluation.with_user(self.engineer_user).action_submit()
        for member in (self.chair, self.member):
            evaluation.with_user(member)._record_member_score(
                {"theory": 90, "practical": 90, "teaching": 90}, ratings=form_ratings(evaluation)
            )
        self.assertEqual(evaluation.committee_state, "closed")
        return evaluation

    def sign(self, evaluation, **vals):
        wizard = (
            self.env["hr.technical.grade.committee.sign.wizard"]
            .with_user(self.chair)
            .create({"evaluation_id": evaluation.id, "opinion": "Meets the grade.", **vals})
        )
        return wizard.action_sign()

    def signed(self):
        evaluation = self.closed()
        self.sign(evaluation)
        self.assertEqual((evaluation.committee_state, evaluation.state), ("signed", "approved"))
        return evaluation


@tagged("post_install", "-at_install")
class TestEvaluationCommitteeSecurity(CommitteeSecurityCase):
    # Defect 3: a back-dated signature skipped the public notice
    def test_the_chair_signs_today(self):
        evaluation = self.closed()
        for day in ("2020-01-01", self.today + timedelta(days=3)):
            with self.assertRefused(UserError, "signs on the day of the signature"):
                self.sign(evaluation, date=day)
            self.assertEqual(
                (
                    evaluation.committee_state,
                    evaluation.committee_signed_on,
                    evaluation.notice_end_date,
                ),
                ("closed", False, False),
            )
        self.sign(evaluation)
        self.assertEqual(evaluation.committee_signed_on, self.today)
        self.assertEqual(evaluation.notice_end_date, self.today + timedelta(days=7))
        self.assertTrue(evaluation.notice_open)
        with self.assertRefused(UserError, "under public notice until"):
            evaluation.with_user(self.hr_officer).action_apply()

    # Defect 9: the signed decision, opinion and signer stayed writable
    def test_the_signed_opinion_is_locked(self):
        evaluation = self.signed()
        signature = [
            "committee_decision",
            "committee_opinion",
            "committee_signed_by_id",
            "committee_signed_on",
            "result",
        ]
        before = evaluation.read(signature)[0]
        for vals in (
            {"committee_decision": "failed"},
            {"committee_opinion": "Rewritten by HR after signature"},
            {"committee_signed_by_id": self.hr_officer.id},
            {"committee_signed_on": "2020-01-01"},
        ):
            for records in (evaluation.with_user(self.hr_officer), evaluation.sudo()):
                with self.assertRefused(UserError, "stay as signed"):
                    records.write(vals)
        self.assertEqual(evaluation.read(signature)[0], before)
        self.assertEqual(evaluation.result, "passed")

    # Defect 10: HR shortened the public notice by writing its end
    def test_the_notice_end_is_not_written(self):
        evaluation = self.signed()
        end = evaluation.notice_end_date
        for day in (self.today - timedelta(days=1), False):
            with self.assertRefused(AccessError, "change through its actions only"):
                evaluation.with_user(self.hr_officer).write({"notice_end_date": day})
        self.assertEqual(evaluation.notice_end_date, end)
        self.assertTrue(evaluation.notice_open)

    def test_hr_shortens_the_notice_with_a_reason(self):
        evaluation = self.signed()
        end = evaluation.notice_end_date
        with self.assertRefused(AccessError, "Only HR officers"):
            evaluation.with_user(self.chair).action_shorten_notice(self.today, "Urgent")
        officer = evaluation.with_user(self.hr_officer)
        for reason in ("", "  ", None, 123, ["why"]):
            with self.assertRefused(UserError, "Say why"):
                officer.action_shorten_notice(self.today, reason)
        for day in ("abc", 42, None):
            with self.assertRefused(UserError, "as a date"):
                officer.action_shorten_notice(day, "Urgent")
        for day in (self.today - timedelta(days=1), end + timedelta(days=1)):
            with self.assertRefused(UserError, "can end between today"):
                officer.action_shorten_notice(day, "Urgent")
        self.assertEqual(evaluation.notice_end_date, end)
        new_end = self.today + timedelta(days=2)
        officer.action_shorten_notice(
            new_end.isoformat(), "The plant needs the engineer on site next week."
        )
        self.assertEqual(evaluation.notice_end_date, new_end)
        logged = evaluation.message_ids.filtered(
            lambda m: "The plant needs the engineer on site" in (m.body or "")
        )
        self.assertEqual(logged.author_id, self.hr_officer.partner_id)
        self.assertIn(end.isoformat(), logged.body)
        # A notice that is over cannot be shortened again.
        evaluation.committee_round_id.sudo().notice_end_date = self.today - timedelta(days=1)
        with self.assertRefused(UserError, "not under public notice"):
            officer.action_shorten_notice(self.today, "Again")


@tagged("post_install", "-at_install")
class TestEvaluationReprobe(EvaluationSecurityCase):
    """Found by probing the fixes again over JSON-RPC (2026-11-27)."""

    def test_hr_cannot_switch_an_approval_step_off(self):
        for vals in ({"active": False}, {"name": "Renamed"}):
            with self.assertRefused(AccessError, "not allowed to modify"):
                self.step.with_user(self.hr_officer).write(vals)
        with self.assertRefused(AccessError, "not allowed to delete"):
            self.step.with_user(self.hr_officer).unlink()
        self.assertTrue(self.step.active)
        admin = self.user("tg_sec_admin", "hr_technical_grade.group_technical_grade_admin")
        self.step.with_user(admin).write({"name": "HR confirms"})
        self.assertEqual(self.step.name, "HR confirms")

    def test_the_committee_changes_on_the_draft_only(self):
        evaluation = self.score(self.promotion(self.engineer_user))
        shadow = self.env["hr.technical.grade.committee"].create(
            {
                "name": "Shadow committee",
                "member_ids": [Command.set(self.hr_officer.ids)],
                "chair_id": self.hr_officer.id,
                "quorum": 1,
            }
        )
        evaluation.with_user(self.engineer_user).action_submit()
        with self.assertRefused(UserError, "committee change on the draft only"):
            evaluation.with_user(self.hr_officer).write({"committee_id": shadow.id})
        self.assertNotEqual(evaluation.committee_id, shadow)

    def test_a_new_request_carries_the_defaults_its_form_sends(self):
        """The values Odoo's form sends for a new record are no reason to refuse it."""
        Evaluation = self.Evaluation.with_user(self.engineer_user)
        defaults = Evaluation.default_get(["state", "committee_state", "committee_id"])
        evaluation = Evaluation.create(
            {
                "employee_id": self.engineer.id,
                "kind": "promotion",
                "state": "draft",
                "committee_state": "none",
                "committee_decision": False,
                "committee_id": defaults.get("committee_id"),
            }
        )
        self.assertEqual(evaluation.state, "draft")
        # A value other than the default is still refused.
        with self.assertRefused(AccessError, "Only HR officers change the scores, results"):
            self.Evaluation.with_user(self.engineer_user).create(
                {"employee_id": self.colleague.id, "kind": "promotion", "state": "approved"}
            )


@tagged("post_install", "-at_install")
class TestWorkflowTodayIgnoresTheClientsTimeZone(CommitteeSecurityCase):
    def test_the_signature_day_is_the_companys(self):
        self.company.resource_calendar_id.tz = "Asia/Shanghai"
        evaluation = self.closed()
        # 09:00 UTC is 17:00 in Shanghai; in Etc/GMT+12 it is still yesterday.
        wizard = (
            self.env["hr.technical.grade.committee.sign.wizard"]
            .with_user(self.chair)
            .with_context(tz="Etc/GMT+12")
            .create({"evaluation_id": evaluation.id, "opinion": "Meets the grade."})
        )
        wizard.action_sign()
        self.assertEqual(evaluation.committee_signed_on, self.today)
        self.assertEqual(evaluation.notice_end_date, self.today + timedelta(days=7))
        self.assertTrue(evaluation.with_context(tz="Etc/GMT+12").notice_open)


@tagged("post_install", "-at_install")
class TestNoticeReadersSeeNoStanding(CommitteeSecurityCase):
    def test_unmet_conditions_are_for_hr_and_the_employee(self):
        # One year in the trade: intermediate asks for two.
        self.engineer.technical_experience_date = self.today - timedelta(days=366)
        evaluation = self.promotion(
            override_eligibility=True, override_reason="Exceptional field record"
        )
        self.assertTrue(evaluation.eligibility_problems)
        evaluation.sudo().line_ids.write({"level_id": evaluation.template_id.level_ids[0].id})
        evaluation.with_user(self.engineer_user).action_submit()
        for member in (self.chair, self.member):
            evaluation.with_user(member)._record_member_score(
                {"theory": 90, "practical": 90, "teaching": 90}, ratings=form_ratings(evaluation)
            )
        self.sign(evaluation)
        self.assertTrue(evaluation.notice_open)
        # Under public notice every employee reads the result, not the standing.
        reader = self.user("tg_sec_reader", "hr_technical_grade.group_technical_grade_user")
        as_outsider = evaluation.with_user(reader)
        self.assertEqual(as_outsider.read(["result"])[0]["result"], "passed")
        self.assertFalse(as_outsider.eligibility_problems)
        self.assertTrue(evaluation.with_user(self.hr_officer).eligibility_problems)
        self.assertTrue(evaluation.with_user(self.engineer_user).eligibility_problems)
        # The notice over, the daily job closes it: the result is no longer public.
        with freeze_time(self.today + timedelta(days=8)):
            self.env["hr.technical.grade.evaluation"]._cron_close_notices()
        self.assertFalse(evaluation.notice_open)
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            evaluation.with_user(reader).read(["result"])


@tagged("post_install", "-at_install")
class TestObjectionsAreAnsweredByHr(CommitteeSecurityCase):
    """Re-probe 2026-12: objections forged as answered, answers in another's name."""

    def test_an_objection_is_filed_open_in_its_authors_name(self):
        evaluation = self.signed()
        Objection = self.env["hr.technical.grade.objection"].with_user(self.outsider)
        for vals in (
            {"state": "answered", "answer": "Settled."},
            {"answer": "Settled."},
            {"answered_by_id": self.hr_officer.id},
            {"answered_on": "2026-01-01 09:00:00"},
        ):
            with self.assertRefused(AccessError, "answered by HR through its Answer button"):
                Objection.create({"evaluation_id": evaluation.id, "objection": "No.", **vals})
        self.assertFalse(Objection.sudo().search([("evaluation_id", "=", evaluation.id)]))
        # The starting values the form sends back are fine.
        objection = Objection.create(
            {
                "evaluation_id": evaluation.id,
                "objection": "The practical exam was not held.",
                "state": "open",
                "author_id": self.outsider.id,
            }
        )
        self.assertEqual((objection.state, objection.author_id), ("open", self.outsider))

    def test_hr_answers_through_the_button_only(self):
        evaluation = self.signed()
        objection = (
            self.env["hr.technical.grade.objection"]
            .with_user(self.outsider)
            .create({"evaluation_id": evaluation.id, "objection": "Not held."})
        )
        officer = objection.with_user(self.hr_officer)
        for vals in (
            {"state": "answered"},
            {"answered_by_id": self.approver.id},
            {"answered_on": "2026-01-01 09:00:00"},
            {"author_id": self.hr_officer.id},
        ):
            with self.assertRefused(AccessError, "answered by HR through its Answer button"):
                officer.write(vals)
        self.assertEqual(objection.state, "open")
        officer.answer = "It was held on the 3rd."
        officer.action_answer()
        self.assertEqual((objection.state, objection.answered_by_id), ("answered", self.hr_officer))
        with self.assertRefused(UserError, "already answered"):
            objection.with_user(self.approver).action_answer()
        self.assertEqual(objection.answered_by_id, self.hr_officer)
        with self.assertRefused(AccessError, "answered by HR through its Answer button"):
            officer.write({"state": "open"})
        self.assertEqual(objection.state, "answered")


@tagged("post_install", "-at_install")
class TestEmptyCallsGiveNoDatabaseError(CommitteeSecurityCase):
    """Re-probe 2026-12: an RPC call on no record sent ``IN ()`` to PostgreSQL."""

    def test_apply_and_close_scoring_on_no_evaluation(self):
        Evaluation = self.env["hr.technical.grade.evaluation"]
        with mute_logger("odoo.sql_db"):
            self.assertTrue(Evaluation.with_user(self.hr_officer).browse().action_apply())
            Evaluation.with_user(self.chair).browse().action_close_scoring()
        with self.assertRefused(AccessError, "Only HR officers apply"):
            Evaluation.with_user(self.engineer_user).browse().action_apply()

    def test_pay_of_a_period_given_as_anything_but_dates(self):
        employee = self.engineer.with_user(self.hr_officer)
        for date_from, date_to in ((5, 6), ("abc", "2026-11-30"), ("2026-11-01", None)):
            with self.assertRefused(UserError, "pay period as dates"):
                employee.get_technical_grade_pay(date_from, date_to)
        with self.assertRefused(UserError, "resource.calendar record"):
            employee.get_technical_grade_pay("2026-11-01", "2026-11-30", 1)
        pay = employee.sudo().get_technical_grade_pay("2026-11-01", "2026-11-30")
        self.assertTrue(pay["graded"])


@tagged("post_install", "-at_install")
class TestWithdrawnResultIsNotPublished(CommitteeSecurityCase):
    """Re-probe 2026-12: a cancelled evaluation stayed under public notice."""

    def test_a_cancelled_result_leaves_the_public_notice(self):
        evaluation = self.signed()
        reader = self.user("tg_sec_notice_reader", "hr_technical_grade.group_technical_grade_user")
        self.assertEqual(evaluation.with_user(reader).read(["result"])[0]["result"], "passed")
        evaluation.with_user(self.hr_officer).action_cancel()
        self.assertEqual(evaluation.state, "cancel")
        self.assertFalse(evaluation.notice_open)
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            evaluation.with_user(reader).read(["result"])
        with self.assertRefused(UserError, "not under public notice"):
            self.env["hr.technical.grade.objection"].with_user(reader).create(
                {"evaluation_id": evaluation.id, "objection": "Too late."}
            )

    def test_the_daily_job_closes_the_notice_of_a_result_withdrawn_before(self):
        """A result cancelled under an older version kept its notice open."""
        evaluation = self.signed()
        evaluation.with_user(self.hr_officer).action_cancel()
        evaluation.flush_recordset()
        self.env.cr.execute(
            "UPDATE hr_technical_grade_evaluation SET notice_open = TRUE WHERE id = %s",
            [evaluation.id],
        )
        self.env.invalidate_all()
        self.assertTrue(evaluation.notice_open)
        self.env["hr.technical.grade.evaluation"]._cron_close_notices()
        self.env.invalidate_all()
        self.assertFalse(evaluation.notice_open)


@tagged("post_install", "-at_install")
class TestCommitteeWizardsShowReadableEvaluations(CommitteeSecurityCase):
    """Re-probe 2026-12: a member read any evaluation through a wizard's related fields."""

    def test_a_member_opens_the_wizards_of_evaluations_they_read_only(self):
        draft = self.promotion(employee=self.colleague)  # HR's draft: not before the committee
        with self.assertRaises(AccessError):
            draft.with_user(self.member).read(["final_score"])
        for model, vals in (
            ("hr.technical.grade.score.wizard", {"theory_score": 90}),
            ("hr.technical.grade.committee.sign.wizard", {"opinion": "Peek"}),
        ):
            with self.subTest(model=model), self.assertRefused(AccessError, "top-secret|access"):
                self.env[model].with_user(self.member).create({"evaluation_id": draft.id, **vals})
        # The evaluation before the committee: its members score it from the wizard.
        evaluation = self.promotion()
        evaluation.with_user(self.engineer_user).action_submit()
        self.assertEqual(evaluation.committee_state, "scoring")
        wizard = (
            self.env["hr.technical.grade.score.wizard"]
            .with_user(self.member)
            .create({"evaluation_id": evaluation.id, "theory_score": 90})
        )
        self.assertEqual(wizard.employee_id, self.engineer)


@tagged("post_install", "-at_install")
class TestContextDefaultsAndAuthors(EvaluationSecurityCase):
    """Probe 2026-12: what a client puts in the context's defaults is sent too,
    and a message on a document is in the caller's own name, however sent."""

    def test_context_defaults_pass_no_check_of_hr(self):
        Evaluation = self.Evaluation.with_user(self.engineer_user)
        for defaults in (
            {"default_override_eligibility": True, "default_override_reason": "probe"},
            {"default_kind": "recertification"},
            {"default_cycle_reason": "outside the campaign"},
            {"default_theory_score": 100},
            {"default_state": "approved"},
        ):
            with self.subTest(defaults=defaults), self.assertRaises(AccessError):
                Evaluation.with_context(**defaults).create(
                    {"employee_id": self.engineer.id, "kind": defaults.get("default_kind")}
                    if "default_kind" in defaults
                    else {"employee_id": self.engineer.id, "kind": "promotion"}
                )
        self.assertFalse(self.requests_of(self.engineer))
        # The form's own defaults still go through, and HR may send any.
        request = Evaluation.with_context(default_employee_id=self.engineer.id).create(
            {"kind": "promotion"}
        )
        self.assertEqual(request.employee_id, self.engineer)
        self.assertFalse(request.override_eligibility)

    def test_messages_are_posted_in_ones_own_name(self):
        request = self.promotion(user=self.engineer_user)
        mine = request.with_user(self.engineer_user)
        hr_partner = self.hr_officer.partner_id
        with self.assertRaises(AccessError):
            mine.message_post(body="approved by HR", email_from=self.hr_officer.email_formatted)
        with self.assertRaises(AccessError):
            mine.message_notify(body="probe", author_id=hr_partner.id, partner_ids=hr_partner.ids)
        with self.assertRaises(AccessError):
            self.env["mail.message"].with_user(self.engineer_user).create(
                {
                    "model": request._name,
                    "res_id": request.id,
                    "body": "forged",
                    "author_id": hr_partner.id,
                    "message_type": "comment",
                }
            )
        self.assertFalse(request.message_ids.filtered(lambda m: m.author_id == hr_partner))
        # In one's own name, as the chatter does, it is posted.
        message = mine.message_post(body="my note")
        self.assertEqual(message.author_id, self.engineer_user.partner_id)
