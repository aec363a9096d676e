# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The approval engine: generic rows, steps by model and domain, one lifecycle."""

import ast
import inspect
from datetime import date, timedelta
from pathlib import Path
from unittest.mock import patch

from odoo import api
from odoo.addons.mail.models.mail_activity import MailActivity
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from ..models.hr_technical_grade_approval_mixin import STATE_MOVE, HrTechnicalGradeApprovalMixin
from .common import TechnicalGradeCase, force_state
from .review_common import ReviewCase

STEP = "hr.technical.grade.approval.step"
REVIEW = "hr.technical.grade.review"
EVALUATION = "hr.technical.grade.evaluation"


def only_from_activity_update(test):
    """Fail ``test`` if an activity is scheduled outside ``activity_update()``."""
    original = MailActivity.create

    @api.model_create_multi
    def checked(records, vals_list):
        callers = [frame.function for frame in inspect.stack()[1:40]]
        test.assertIn("activity_update", callers, "activity scheduled outside activity_update")
        return original(records, vals_list)

    return patch.object(MailActivity, "create", checked)


def recording_moves():
    """Record every (model, from, to) move of a state the engine writes."""
    moves = set()
    original = HrTechnicalGradeApprovalMixin._check_state_written_by_engine

    def recorded(documents, state):
        for document in documents:
            if document.state != state:
                moves.add((document._name, document.state, state))
        return original(documents, state)

    return moves, patch.object(
        HrTechnicalGradeApprovalMixin, "_check_state_written_by_engine", recorded
    )


class TransitionTableMixin:
    """Every move out of the table is refused to a client, HR included, and to
    code writing as superuser without the engine."""

    def assert_moves_out_of_the_table_refused(self, document, officer):
        table = document._state_transitions
        states = [value for value, _label in document._fields["state"].selection]
        for from_state in states:
            for to_state in states:
                if from_state == to_state:
                    continue
                with self.subTest(move=(from_state, to_state)):
                    force_state(document, from_state)
                    attempts = [document.sudo()]
                    # A client may send any context key: it never marks a move.
                    attempts.append(document.sudo().with_context(**{STATE_MOVE: to_state}))
                    if (from_state, to_state) not in table:
                        attempts.append(document.with_user(officer))
                    for attempt in attempts:
                        with self.assertRaises(UserError), self.env.cr.savepoint():
                            attempt.write({"state": to_state})
                        document.invalidate_recordset()
                        self.assertEqual(document.state, from_state)

    def assert_created_in_the_first_state_only(self, Model, vals, officer):
        """A document is created in its first state: neither a value nor a context
        default (which a client may send) starts it further, HR or superuser."""
        with self.assertRaisesRegex(AccessError, "change through its actions only"):
            with self.env.cr.savepoint():
                Model.with_user(officer).with_context(default_state="approved").create(vals)
        with self.assertRaisesRegex(AccessError, "the approval engine moves them on"):
            with self.env.cr.savepoint():
                Model.sudo().create(dict(vals, state="submitted"))
        with self.assertRaisesRegex(AccessError, "the approval engine moves them on"):
            with self.env.cr.savepoint():
                Model.sudo().with_context(default_state="submitted").create(vals)


@tagged("post_install", "-at_install")
class TestApprovalEngineReviews(ReviewCase, TransitionTableMixin):
    def submitted(self):
        review = self.open_review()
        review.with_user(self.manager_user).write({"results_score": 80, "kpi_checked": True})
        self.score_all(review, 80)
        review.with_user(self.manager_user).action_submit()
        return review

    def reason_wizard(self, user, documents, decision, reason):
        return (
            self.env["hr.technical.grade.approval.reason.wizard"]
            .with_user(user)
            .create(
                {
                    "res_model": documents._name,
                    "res_ids": documents.ids,
                    "decision": decision,
                    "reason": reason,
                }
            )
        )

    def test_every_move_of_a_review_is_in_its_table(self):
        moves, recorder = recording_moves()
        with recorder:
            review = self.submitted()  # draft → submitted
            review.with_user(self.manager_user).action_return("Recount")  # → draft
            review.with_user(self.hr_officer).action_cancel()  # draft → cancel
            review.with_user(self.hr_officer).action_draft()  # cancel → draft
            review.with_user(self.manager_user).action_submit()
            review.with_user(self.hr_officer).action_cancel()  # submitted → cancel
            review.with_user(self.hr_officer).action_draft()
            review.with_user(self.manager_user).action_submit()
            for user in (self.manager_user, self.hr_officer, self.plant_user, self.gm_user):
                review.with_user(user).action_approve()  # the last one: submitted → done
        self.assertEqual(review.state, "done")
        produced = {(old, new) for _model, old, new in moves}
        self.assertEqual({model for model, _old, _new in moves}, {REVIEW})
        # What the code produces is the table, no more and no less.
        self.assertEqual(produced, set(review._state_transitions))

    def test_a_review_moves_only_through_its_table(self):
        self.assert_moves_out_of_the_table_refused(self.open_review(), self.hr_officer)

    def test_a_review_is_created_open(self):
        review = self.open_review()
        vals = {
            "plan_id": review.plan_id.id,
            "employee_id": self.manager.id,
            "period_start": review.period_start,
            "period_end": review.period_end,
        }
        self.assert_created_in_the_first_state_only(self.env[REVIEW], vals, self.hr_officer)

    def test_no_step_is_skipped_to_finish_a_review(self):
        review = self.submitted()
        # Even as superuser, the engine finishes a review only once every step is approved.
        with self.assertRaisesRegex(UserError, "waits for the step"):
            review.sudo()._on_approved()
        self.assertEqual(review.state, "submitted")

    def test_rows_are_keyed_by_model_and_record(self):
        review = self.submitted()
        approvals = review.approval_ids
        self.assertEqual(len(approvals), 4)
        self.assertEqual(set(approvals.mapped("res_model")), {REVIEW})
        self.assertEqual(set(approvals.mapped("res_id")), {review.id})
        self.assertNotIn("review_id", approvals._fields)
        self.assertNotIn("evaluation_id", approvals._fields)
        # Readable with the document, by whoever reads it, and by nobody else.
        mine = review.with_user(self.manager_user).approval_ids
        self.assertEqual(mine, approvals)
        outsider = new_test_user(self.env, login="tg_engine_outsider")
        Approval = self.env["hr.technical.grade.approval"].with_user(outsider)
        self.assertFalse(Approval.search([("id", "in", approvals.ids)]))

    def test_rounds_count_on_reviews_too(self):
        review = self.submitted()
        self.assertEqual(set(review.approval_ids.mapped("round")), {1})
        # The superior is no HR officer: the shared wizard lets them send it back.
        self.assertFalse(
            self.manager_user.has_group("hr_technical_grade.group_technical_grade_officer")
        )
        self.reason_wizard(self.manager_user, review, "send_back", "Recount").action_confirm()
        self.assertEqual(review.state, "draft")
        first_round = review.approval_ids
        self.assertEqual(first_round[0].comment, "Recount")
        self.assertTrue(all(first_round.mapped("superseded")))
        review.with_user(self.manager_user).action_submit()
        current = review.approval_ids - first_round
        self.assertEqual(set(current.mapped("round")), {2})
        self.assertEqual(review.previous_approval_ids, first_round)
        self.assertEqual(review.with_user(self.manager_user).approval_ids, review.approval_ids)

    def test_a_non_hr_approver_rejects_with_a_reason(self):
        review = self.submitted()
        wizard = self.reason_wizard(self.manager_user, review, "reject", "Results unproven")
        wizard.action_confirm()
        # A review is not rejected for good: it goes back to its superior.
        self.assertEqual(review.state, "draft")
        rejected = review.approval_ids.filtered(lambda a: a.state == "rejected")
        self.assertEqual(rejected.decided_by_id, self.manager_user)
        self.assertEqual(rejected.comment, "Results unproven")
        # Not an approver of the current step: refused, wizard or not.
        review.with_user(self.manager_user).action_submit()
        review.with_user(self.manager_user).action_approve()
        with self.assertRaises(UserError):  # not their turn any more
            self.reason_wizard(self.manager_user, review, "reject", "Again").action_confirm()

    def test_field_approver_type(self):
        self.env[STEP].search([("model_id.model", "=", REVIEW)]).active = False
        field = self.env["ir.model.fields"]._get(REVIEW, "superior_user_id")
        self.env[STEP].create(
            {
                "name": "The superior named on the review",
                "model_id": self.env["ir.model"]._get_id(REVIEW),
                "approver_type": "field",
                "user_field_id": field.id,
            }
        )
        review = self.submitted()
        self.assertEqual(review.approval_ids.approver_ids, self.manager_user)
        review.with_user(self.manager_user).action_approve()
        self.assertEqual(review.state, "done")
        with self.assertRaises(ValidationError):
            self.env[STEP].create(
                {
                    "name": "No field",
                    "model_id": self.env["ir.model"]._get_id(REVIEW),
                    "approver_type": "field",
                }
            )

    def test_a_committee_step_of_reviews_is_refused_clearly(self):
        with self.assertRaisesRegex(ValidationError, "committee"):
            self.env[STEP].create(
                {
                    "name": "Committee",
                    "model_id": self.env["ir.model"]._get_id(REVIEW),
                    "approver_type": "committee",
                }
            )
        # One that slipped in (older data) stops the submission with a clear error.
        step = self.env.ref("hr_technical_grade.review_step_plant_manager")
        self.env.cr.execute(
            "UPDATE hr_technical_grade_approval_step SET approver_type = 'committee' WHERE id = %s",
            [step.id],
        )
        step.invalidate_recordset(["approver_type"])
        review = self.open_review()
        review.with_user(self.manager_user).write({"results_score": 80, "kpi_checked": True})
        self.score_all(review, 80)
        with self.assertRaisesRegex(UserError, "committee"):
            review.with_user(self.manager_user).action_submit()

    def test_no_step_finishes_the_review_at_once(self):
        self.env[STEP].search([("model_id.model", "=", REVIEW)]).active = False
        review = self.submitted()
        self.assertEqual(review.state, "done")
        self.assertFalse(review.approval_ids)

    def test_reminders_cover_every_model_of_the_engine(self):
        self.assertIn(REVIEW, self.env["hr.technical.grade.approval.mixin"]._approval_models())
        self.assertIn(EVALUATION, self.env["hr.technical.grade.approval.mixin"]._approval_models())
        review = self.submitted()
        activity = review.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("hr_technical_grade.mail_activity_review_approval")
        )
        self.assertEqual(activity.user_id, self.manager_user)
        activity.date_deadline = date.today() - timedelta(days=2)
        reminded, _left = self.env["hr.technical.grade.approval"]._cron_remind_approvers()
        self.assertEqual(reminded, activity)
        sent = self.env["mail.message"].search(
            [
                ("partner_ids", "in", self.manager_user.partner_id.ids),
                ("subject", "ilike", "Reminder"),
            ]
        )
        self.assertIn(review.name, sent.subject)
        # The campaigns' daily job runs it too.
        activity.technical_grade_reminded_on = date.today() - timedelta(days=1)
        reminded, _campaigns = self.env["hr.technical.grade.campaign"]._cron_remind()
        self.assertEqual(reminded, activity)

    def test_reminders_go_out_in_batches_of_approvers(self):
        review = self.submitted()
        approval_type = self.env.ref("hr_technical_grade.mail_activity_review_approval")
        approvers = self.manager_user | self.plant_user | self.gm_user
        overdue = date.today() - timedelta(days=2)
        self.env["mail.activity"].create(
            [
                {
                    "res_model_id": self.env["ir.model"]._get_id(REVIEW),
                    "res_id": review.id,
                    "activity_type_id": approval_type.id,
                    "user_id": user.id,
                    "date_deadline": overdue,
                }
                for user in approvers - self.manager_user
            ]
        )
        review.activity_ids.filtered(
            lambda a: a.activity_type_id == approval_type
        ).date_deadline = overdue
        Approval = self.env["hr.technical.grade.approval"]
        reminded_users = self.env["res.users"]
        for left in (2, 1, 0):
            reminded, remaining = Approval._cron_remind_approvers(batch_size=1)
            self.assertEqual((len(reminded.user_id), remaining), (1, left))
            self.assertNotIn(reminded.user_id, reminded_users)
            reminded_users |= reminded.user_id
        self.assertEqual(reminded_users, approvers)
        # Everybody was reminded today: the next call finds nobody.
        reminded, remaining = Approval._cron_remind_approvers(batch_size=1)
        self.assertEqual((len(reminded), remaining), (0, 0))

    def test_every_activity_follows_from_activity_update(self):
        with only_from_activity_update(self):
            review = self.open_review()
            review.with_user(self.manager_user).write({"results_score": 30, "kpi_checked": True})
            self.score_all(review, 30)
            review.with_user(self.manager_user).action_submit()
            for user in (self.manager_user, self.hr_officer, self.plant_user, self.gm_user):
                review.with_user(user).action_approve()
            self.assertEqual(review.state, "done")
            review.with_user(self.engineer_user).action_appeal("The results are wrong")
            appeal = self.env.ref("hr_technical_grade.mail_activity_review_appeal")
            self.assertIn(
                self.manager_user,
                review.activity_ids.filtered(lambda a: a.activity_type_id == appeal).user_id,
            )
            review.with_user(self.head_user).action_appeal_decide("Score stands")
            self.assertFalse(review.activity_ids.filtered(lambda a: a.activity_type_id == appeal))


@tagged("post_install", "-at_install")
class TestApprovalEngineEvaluations(TechnicalGradeCase, TransitionTableMixin):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.engineer_user = new_test_user(
            cls.env,
            login="tg_engine_engineer",
            groups="hr_technical_grade.group_technical_grade_user",
        )
        cls.manager_user = new_test_user(cls.env, login="tg_engine_manager")
        Employee = cls.env["hr.employee"]
        cls.manager = Employee.create({"name": "Engine Manager", "user_id": cls.manager_user.id})
        cls.engineer.write({"user_id": cls.engineer_user.id, "parent_id": cls.manager.id})
        today = date.today()
        cls.engineer.technical_experience_date = today - timedelta(days=5 * 366)
        cls.record(cls.engineer, cls.trainee, today - timedelta(days=4 * 365))
        cls.record(cls.engineer, cls.junior, today - timedelta(days=2 * 366), "promotion")
        cls.env[STEP].search([]).active = False
        cls.manager_step = cls.env[STEP].create(
            {
                "name": "Superior",
                "model_id": cls.env["ir.model"]._get_id(EVALUATION),
                "approver_type": "manager",
            }
        )
        cls.demotion_step = cls.env[STEP].create(
            {
                "name": "HR for demotions",
                "model_id": cls.env["ir.model"]._get_id(EVALUATION),
                "domain": "[('kind', '=', 'demotion')]",
                "approver_type": "users",
                "user_ids": [(6, 0, cls.hr_officer.ids)],
            }
        )

    def promotion(self, passed=True):
        evaluation = (
            self.env[EVALUATION]
            .with_user(self.hr_officer)
            .create({"employee_id": self.engineer.id, "kind": "promotion"})
        )
        levels = evaluation.template_id.level_ids
        evaluation.line_ids.write({"level_id": levels[0 if passed else -1].id})
        evaluation.write(
            {
                "theory_score": 90 if passed else 10,
                "practical_score": 90 if passed else 10,
                "teaching_score": 90 if passed else 10,
                "scored": True,
            }
        )
        return evaluation

    def test_every_move_of_an_evaluation_is_in_its_table(self):
        hr, manager = self.hr_officer, self.manager_user
        moves, recorder = recording_moves()
        with recorder:
            evaluation = self.promotion()
            evaluation.with_user(hr).action_submit()  # draft → submitted
            evaluation.with_user(manager).action_send_back("Redo")  # submitted → draft
            evaluation.with_user(hr).action_submit()
            evaluation.with_user(manager).action_approve()  # submitted → approved
            evaluation.with_user(hr).action_send_back("Redo")  # approved → draft
            evaluation.with_user(hr).action_submit()
            evaluation.with_user(manager).action_approve()
            evaluation.with_user(hr).action_reject("No")  # approved → rejected
            evaluation.with_user(hr).action_draft()  # rejected → draft
            evaluation.with_user(hr).action_submit()
            evaluation.with_user(manager).action_reject("No")  # submitted → rejected
            evaluation.with_user(hr).action_cancel()  # rejected → cancel
            evaluation.with_user(hr).action_draft()  # cancel → draft
            evaluation.with_user(hr).action_cancel()  # draft → cancel
            evaluation.with_user(hr).action_draft()
            evaluation.with_user(hr).action_submit()
            evaluation.with_user(hr).action_cancel()  # submitted → cancel
            evaluation.with_user(hr).action_draft()
            evaluation.with_user(hr).action_submit()
            evaluation.with_user(manager).action_approve()
            evaluation.with_user(hr).action_cancel()  # approved → cancel
            evaluation.with_user(hr).action_draft()
            evaluation.with_user(hr).action_submit()
            evaluation.with_user(manager).action_approve()
            evaluation.with_user(hr).action_apply()  # approved → done
        self.assertEqual(evaluation.state, "done")
        produced = {(old, new) for _model, old, new in moves}
        self.assertEqual({model for model, _old, _new in moves}, {EVALUATION})
        self.assertEqual(produced, set(evaluation._state_transitions))

    def test_an_evaluation_moves_only_through_its_table(self):
        self.assert_moves_out_of_the_table_refused(self.promotion(), self.hr_officer)

    def test_an_evaluation_is_created_as_a_draft(self):
        vals = {"employee_id": self.engineer.id, "kind": "promotion"}
        self.assert_created_in_the_first_state_only(self.env[EVALUATION], vals, self.hr_officer)

    def test_no_step_is_skipped_to_approve_an_evaluation(self):
        evaluation = self.promotion()
        evaluation.with_user(self.hr_officer).action_submit()
        with self.assertRaisesRegex(UserError, "waits for the step"):
            evaluation.sudo()._on_approved()
        self.assertEqual(evaluation.state, "submitted")

    def test_the_override_is_fixed_once_submitted(self):
        evaluation = self.promotion()
        officer = evaluation.with_user(self.hr_officer)
        officer.write({"override_eligibility": True, "override_reason": "Exceptional project"})
        officer.action_submit()
        for vals in (
            {"override_reason": "Another reason"},
            {"override_eligibility": False},
        ):
            with self.assertRaisesRegex(UserError, "eligibility override stays"):
                officer.write(vals)
        self.assertEqual(evaluation.override_reason, "Exceptional project")

    def test_the_effective_date_changes_once_submitted_only_with_a_reason(self):
        evaluation = self.promotion()
        officer = evaluation.with_user(self.hr_officer)
        officer.write({"effective_date": date.today() + timedelta(days=30)})
        officer.action_submit()
        # Probe H5: in approval, the approvers decide on the date they see; HR
        # moves it (back-dates it) only with a reason, on record.
        with self.assertRaisesRegex(UserError, "effective date stays as the approvers see it"):
            officer.write({"effective_date": date.today() - timedelta(days=90)})
        first = date.today() + timedelta(days=40)
        officer.action_change_effective_date(first, "The team needs him from then")
        self.assertEqual(evaluation.effective_date, first)
        evaluation.with_user(self.manager_user).action_approve()
        self.assertEqual(evaluation.state, "approved")
        with self.assertRaisesRegex(UserError, "effective date stays as the approvers see it"):
            officer.write({"effective_date": date.today() + timedelta(days=60)})
        Wizard = self.env["hr.technical.grade.approval.reason.wizard"]
        new = date.today() + timedelta(days=61)
        with self.assertRaisesRegex(AccessError, "Only HR officers change the effective date"):
            Wizard.with_user(self.manager_user).create(
                {
                    "res_model": EVALUATION,
                    "res_ids": evaluation.ids,
                    "decision": "effective_date",
                    "new_date": new,
                    "reason": "Budget",
                }
            ).action_confirm()
        with self.assertRaisesRegex(UserError, "Say why the effective date changes"):
            officer.action_change_effective_date(new, "  ")
        action = officer.action_open_change_effective_date()
        self.assertEqual(action["context"]["default_decision"], "effective_date")
        Wizard.with_user(self.hr_officer).with_context(**action["context"]).create(
            {"new_date": new, "reason": "Budget moved to next quarter"}
        ).action_confirm()
        self.assertEqual(evaluation.effective_date, new)
        logged = evaluation.message_ids.filtered(
            lambda message: "Budget moved to next quarter" in (message.body or "")
        )
        self.assertEqual(len(logged), 1)
        self.assertIn(f"{first} → {new}", logged.body)
        self.assertEqual(logged.author_id, self.hr_officer.partner_id)

    def test_steps_apply_by_model_and_domain(self):
        evaluation = self.promotion()
        evaluation.with_user(self.hr_officer).action_submit()
        self.assertEqual(evaluation.approval_ids.step_id, self.manager_step)
        self.assertEqual(evaluation.approval_ids.res_model, EVALUATION)
        self.assertEqual(evaluation.approval_ids.res_id, evaluation.id)
        self.assertEqual(evaluation.approval_ids.round, 1)
        with self.assertRaises(ValidationError):
            self.demotion_step.domain = "[('no_such_field', '=', 1)]"

    def test_shipped_steps_say_kinds_and_appointed_grades_as_domains(self):
        gm = self.env.ref("hr_technical_grade.approval_step_general_manager")
        self.assertEqual(gm.model_id.model, EVALUATION)
        self.assertIn("target_grade_id.is_appointed", gm.domain)
        self.assertNotIn("document", gm._fields)
        self.assertNotIn("appointed_only", gm._fields)

    def test_final_check_holds_without_any_step(self):
        self.env[STEP].search([]).active = False
        failed = self.promotion(passed=False)
        with self.assertRaisesRegex(UserError, "has not passed"):
            failed.with_user(self.hr_officer).action_submit()
        self.assertEqual(failed.state, "draft")
        self.assertFalse(failed.approval_ids)
        failed.with_user(self.hr_officer).action_cancel()
        passed = self.promotion()
        passed.with_user(self.hr_officer).action_submit()
        self.assertEqual(passed.state, "approved")

    def test_a_non_hr_approver_rejects_an_evaluation_with_a_reason(self):
        evaluation = self.promotion()
        evaluation.with_user(self.hr_officer).action_submit()
        self.env["hr.technical.grade.approval.reason.wizard"].with_user(self.manager_user).create(
            {"res_model": EVALUATION, "res_ids": evaluation.ids, "reason": "Not ready yet"}
        ).action_confirm()
        self.assertEqual(evaluation.state, "rejected")
        self.assertEqual(evaluation.approval_ids.decided_by_id, self.manager_user)
        self.assertEqual(evaluation.approval_ids.comment, "Not ready yet")
        # Reopened and submitted again: a second round, the first kept.
        evaluation.with_user(self.hr_officer).action_draft()
        evaluation.with_user(self.hr_officer).action_submit()
        self.assertEqual(sorted(evaluation.approval_ids.mapped("round")), [1, 2])
        self.assertEqual(evaluation.previous_approval_ids.comment, "Not ready yet")

    def test_approvals_and_their_document_are_never_deleted(self):
        draft = self.promotion()
        draft.unlink()  # never submitted: nothing to keep
        evaluation = self.promotion()
        evaluation.with_user(self.hr_officer).action_submit()
        approvals = evaluation.approval_ids
        with self.assertRaises(UserError):
            approvals.unlink()
        with self.assertRaises(UserError):
            approvals.with_context(approval_document_unlink=True).sudo().unlink()
        evaluation.with_user(self.hr_officer).action_reject("No")
        evaluation.with_user(self.hr_officer).action_draft()
        with self.assertRefused(UserError, "stay on record"):
            evaluation.unlink()
        evaluation.with_user(self.hr_officer).action_cancel()
        with self.assertRefused(UserError, "stay on record"):
            evaluation.sudo().unlink()
        self.assertEqual(approvals.exists(), approvals)
        self.assertEqual(approvals.comment, "No")

    def test_steps_left_undecided_close_with_their_document(self):
        """Withdrawn or rejected, a document waits for nobody: the steps of its
        round that had not decided read Not Decided; decisions stay as made."""
        second = self.env[STEP].create(
            {
                "name": "HR after the superior",
                "model_id": self.env["ir.model"]._get_id(EVALUATION),
                "approver_type": "users",
                "user_ids": [(6, 0, self.hr_officer.ids)],
                "sequence": 50,
            }
        )
        withdrawn = self.promotion()
        withdrawn.with_user(self.hr_officer).action_submit()
        self.assertEqual(withdrawn.approval_ids.mapped("state"), ["pending", "waiting"])
        withdrawn.with_user(self.manager_user).action_approve()
        withdrawn.with_user(self.hr_officer).action_cancel()
        self.assertEqual(withdrawn.approval_ids.mapped("state"), ["approved", "cancelled"])
        self.assertEqual(withdrawn.approval_ids[1].step_id, second)
        rejected = self.promotion()
        rejected.with_user(self.hr_officer).action_submit()
        rejected.with_user(self.hr_officer).action_reject("Not this year")
        self.assertEqual(rejected.approval_ids.mapped("state"), ["rejected", "cancelled"])
        # Reopened and submitted again, a new round waits; the first stays closed.
        rejected.with_user(self.hr_officer).action_draft()
        rejected.with_user(self.hr_officer).action_submit()
        self.assertEqual(rejected.previous_approval_ids.mapped("state"), ["rejected", "cancelled"])
        self.assertEqual(
            rejected.approval_ids.filtered(lambda a: not a.superseded).mapped("state"),
            ["pending", "waiting"],
        )

    def test_wizard_refuses_other_models(self):
        wizard = self.env["hr.technical.grade.approval.reason.wizard"].create(
            {"res_model": "res.partner", "res_ids": [1], "reason": "x"}
        )
        with self.assertRaises(UserError):
            wizard.action_confirm()


@tagged("post_install", "-at_install")
class TestActivitiesFromOnePlace(TechnicalGradeCase):
    def test_no_model_schedules_an_activity_outside_activity_update(self):
        """Activities are created by the engine's helper, from ``activity_update`` only.

        ``activity_schedule``, ``activity_feedback`` or a ``create`` on
        ``mail.activity``, in the models and the wizards.
        """
        root = Path(__file__).resolve().parent.parent
        callers = set()

        def creates_activities(node):
            value = node.func.value
            while isinstance(value, (ast.Attribute, ast.Call)):
                value = value.func if isinstance(value, ast.Call) else value.value
            return (
                node.func.attr == "create"
                and isinstance(value, ast.Subscript)
                and isinstance(value.slice, ast.Constant)
                and value.slice.value == "mail.activity"
            )

        for path in [*root.glob("models/*.py"), *root.glob("wizards/*.py")]:
            tree = ast.parse(path.read_text())
            for function in ast.walk(tree):
                if not isinstance(function, ast.FunctionDef):
                    continue
                for node in ast.walk(function):
                    if (
                        isinstance(node, ast.Call)
                        and isinstance(node.func, ast.Attribute)
                        and (
                            node.func.attr in ("activity_schedule", "activity_feedback")
                            or creates_activities(node)
                        )
                    ):
                        callers.add((path.name, function.name))
        self.assertEqual(
            callers,
            {("hr_technical_grade_activity_mixin.py", "_sync_activities")},
        )
