# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Regression tests of the security review (2026-11) for reviews, approvals,
assessment forms and the Grade Pay report, called as the RPC client would."""

from datetime import date

from psycopg2.errors import CheckViolation

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import PayslipCase, TechnicalGradeCase
from .review_common import ReviewCase

LOCKED = "change only while it is open"
APPROVAL = "hr.technical.grade.approval"


class SecurityReviewCase(ReviewCase):
    def submitted(self, review=None, results=80, reviewers=80):
        review = review or self.open_review()
        review.with_user(self.manager_user).write({"results_score": results, "kpi_checked": True})
        self.score_all(review, reviewers)
        review.with_user(self.manager_user).action_submit()
        return review

    def snapshot(self, review):
        """What a review's result is made of, read from the database."""
        self.env.invalidate_all()
        review = review.sudo()
        return {
            "result": (review.kpi_score, review.score_360, review.final_score, review.band),
            "lines": sorted(
                (line.kpi_id.id, line.occurrences, line.amount, line.value)
                for line in review.line_ids
            ),
            "reviewers": sorted(
                (line.reviewer_id.id, line.role, line.score, line.state)
                for line in review.reviewer_ids
            ),
        }


@tagged("post_install", "-at_install")
class TestReviewEntriesLocked(SecurityReviewCase):
    """#2: the entries of a review in approval or finished change for nobody."""

    def setUp(self):
        super().setUp()
        self.review = self.finish(self.open_review(), results=90, reviewers=90)
        self.assertEqual(self.review.state, "done")
        self.line = self.kpi_line(self.review, "kpi_complaint")

    def test_nobody_changes_the_kpi_entries_of_a_finished_review(self):
        before = self.snapshot(self.review)
        kpi = self.env.ref("hr_technical_grade.kpi_complaint")
        Line = self.env["hr.technical.grade.review.line"]
        for user in (self.manager_user, self.hr_officer):
            with self.assertRefused(UserError, LOCKED):
                self.line.with_user(user).write({"occurrences": 4})
            with self.assertRefused(UserError, LOCKED):
                Line.with_user(user).create(
                    {"review_id": self.review.id, "kpi_id": kpi.id, "occurrences": 3}
                )
        with self.assertRefused(UserError, LOCKED):
            self.line.with_user(self.hr_officer).unlink()
        with self.assertRefused(UserError, LOCKED):
            self.review.with_user(self.hr_officer).write(
                {"line_ids": [Command.update(self.line.id, {"occurrences": 4})]}
            )
        self.assertEqual(self.snapshot(self.review), before)

    def test_nobody_changes_the_360_reviewers_of_a_finished_review(self):
        before = self.snapshot(self.review)
        reviewers = self.review.sudo().reviewer_ids
        officer_lines = reviewers.with_user(self.hr_officer)
        with self.assertRefused(UserError, LOCKED):
            officer_lines[0].write({"score": 10})
        with self.assertRefused(UserError, LOCKED):
            officer_lines.filtered(lambda r: r.role == "peers").unlink()
        with self.assertRefused(UserError, LOCKED):
            self.env["hr.technical.grade.review.reviewer"].with_user(self.hr_officer).create(
                {"review_id": self.review.id, "reviewer_id": self.head.id, "role": "superior"}
            )
        self.assertEqual(self.snapshot(self.review), before)

    def test_entries_of_a_review_in_approval_are_locked_too(self):
        review = self.submitted(self.open_review(day=date(2026, 2, 15)))
        self.assertEqual(review.state, "submitted")
        before = self.snapshot(review)
        line = self.kpi_line(review, "kpi_complaint").with_user(self.hr_officer)
        with self.assertRefused(UserError, LOCKED):
            line.write({"occurrences": 2})
        with self.assertRefused(UserError, LOCKED):
            review.sudo().reviewer_ids[0].with_user(self.hr_officer).write({"score": 0})
        self.assertEqual(self.snapshot(review), before)
        # Sent back, the superior corrects the entries again.
        review.with_user(self.hr_officer).action_return("Recount the complaints")
        self.kpi_line(review, "kpi_complaint").with_user(self.manager_user).occurrences = 2
        self.assertEqual(review.kpi_score, before["result"][0] - 10)


@tagged("post_install", "-at_install")
class TestApprovalTrail(SecurityReviewCase):
    """#8 and #11: approvals are written by the approval chain only, and kept."""

    def test_no_group_writes_approvals(self):
        rights = self.env["ir.model.access"].search([("model_id.model", "=", APPROVAL)])
        self.assertTrue(rights)
        self.assertFalse(rights.filtered(lambda a: a.perm_write or a.perm_create or a.perm_unlink))

    def test_officers_neither_forge_nor_delete_approvals(self):
        review = self.submitted()
        review.with_user(self.manager_user).action_approve()
        trail = review.approval_ids
        fields_ = ["state", "approved_by_ids", "decided_by_id", "decided_on", "comment"]
        before = trail.read(fields_)
        pending = review.current_approval_id
        self.assertEqual(pending.approver_ids, self.hr_officer)
        Approval = self.env[APPROVAL]
        for user in (self.hr_officer, self.manager_user):
            with self.assertRefused(AccessError, "only the approval chain writes them"):
                pending.with_user(user).write(
                    {
                        "state": "approved",
                        "approved_by_ids": [Command.link(self.gm_user.id)],
                        "decided_by_id": self.gm_user.id,
                        "decided_on": "2026-11-01 09:00:00",
                    }
                )
            with self.assertRefused(AccessError, "not allowed to delete"):
                pending.with_user(user).unlink()
            with self.assertRefused(AccessError, "only the approval chain writes them"):
                Approval.with_user(user).create(
                    {
                        "res_model": review._name,
                        "res_id": review.id,
                        "name": "Forged step",
                        "approval_mode": "any",
                        "state": "approved",
                    }
                )
        # Not even the server's own code deletes the trail.
        with self.assertRefused(UserError, "never deleted"):
            pending.sudo().unlink()
        self.assertEqual(trail.read(fields_), before)
        self.assertEqual(review.approval_ids, trail)

    def test_sending_a_review_back_keeps_the_round_on_record(self):
        review = self.submitted()
        review.with_user(self.manager_user).action_approve()
        review.with_user(self.hr_officer).action_return("Recount the complaints")
        self.assertEqual(review.state, "draft")
        # The returned round stays readable, with who sent it back and why.
        trail = review.with_user(self.manager_user).approval_ids
        self.assertEqual(len(trail), 4)
        self.assertEqual(trail.mapped("superseded"), [True] * 4)
        self.assertEqual(trail.mapped("state"), ["approved", "rejected", "waiting", "waiting"])
        self.assertEqual(
            (trail[1].decided_by_id, trail[1].comment), (self.hr_officer, "Recount the complaints")
        )
        self.assertFalse(review.current_approval_id)
        self.assertFalse(review.pending_approver_ids)
        # Submitted again: a new round, decided step by step; the old one stays.
        review.with_user(self.manager_user).action_submit()
        current = review.approval_ids - trail
        self.assertEqual(current.mapped("state"), ["pending", "waiting", "waiting", "waiting"])
        self.assertEqual(review.current_approval_id, current[0])
        self.assertEqual(review.pending_approver_ids, self.manager_user)
        for user in (self.manager_user, self.hr_officer, self.plant_user, self.gm_user):
            review.with_user(user).action_approve()
        self.assertEqual(review.state, "done")
        self.assertEqual(current.mapped("state"), ["approved"] * 4)
        self.assertEqual(review.approval_ids.filtered("superseded"), trail)
        self.assertEqual(trail[1].state, "rejected")


@tagged("post_install", "-at_install")
class TestOpenReviewScores(SecurityReviewCase):
    """#12: nobody reads one reviewer's 360° score out of an open review."""

    def setUp(self):
        super().setUp()
        self.review = self.open_review()
        superior = self.review.sudo().reviewer_ids.filtered(lambda r: r.role == "superior")
        superior = superior.with_user(self.manager_user)
        superior.write({"score": 86})
        superior.action_submit_score()

    def test_the_reviewed_employee_reads_nothing_of_an_open_review(self):
        review = self.review.with_user(self.engineer_user)
        with self.assertRaises(AccessError):
            review.read(["score_360", "reviewers_done", "reviewer_count"])
        with self.assertRaises(AccessError):
            review.read(["final_score"])
        Review = self.env["hr.technical.grade.review"].with_user(self.engineer_user)
        self.assertFalse(Review.search_read([("id", "=", self.review.id)], ["score_360"]))
        self.assertFalse(Review.search([("score_360", ">", 0)]))
        self.assertFalse(Review.read_group([], ["score_360:max"], ["employee_id"]))
        Line = self.env["hr.technical.grade.review.line"].with_user(self.engineer_user)
        self.assertFalse(Line.search([("review_id", "=", self.review.id)]))

    def test_a_reviewed_manager_does_not_read_their_own_open_review(self):
        self.record(self.manager, self.senior, "2024-01-01")
        own = self.open_review(self.manager)
        with self.assertRaises(AccessError):
            own.with_user(self.manager_user).read(["score_360"])
        # ... and still reads the reviews of their team.
        self.assertEqual(self.review.with_user(self.manager_user).reviewers_done, 1)

    def test_the_360_result_appears_once_every_reviewer_scored(self):
        review = self.review.with_user(self.manager_user)
        self.assertEqual((review.reviewers_done, review.reviewer_count), (1, 3))
        self.assertEqual(review.score_360, 0.0, "one reviewer's score is not a result")
        reviewers = self.review.sudo().reviewer_ids
        colleague = reviewers.filtered(lambda r: r.role == "peers").with_user(self.colleague_user)
        colleague.write({"score": 60})
        colleague.action_submit_score()
        self.assertEqual(review.score_360, 0.0)
        trainee = reviewers.filtered(lambda r: r.role == "subordinates")
        trainee = trainee.with_user(self.trainee_user)
        trainee.write({"score": 70})
        trainee.action_submit_score()
        # 40 × 86 + 30 × 60 + 30 × 70
        self.assertAlmostEqual(review.score_360, 73.4)

    def test_the_result_is_the_employees_once_finished(self):
        later = self.open_review(day=date(2026, 2, 15))
        for reviewer in self.review.sudo().reviewer_ids.filtered(lambda r: r.state == "pending"):
            line = reviewer.with_user(reviewer.user_id)
            line.write({"score": 80})
            line.action_submit_score()
        self.review.with_user(self.manager_user).write({"results_score": 70, "kpi_checked": True})
        self.review.with_user(self.manager_user).action_submit()
        for user in (self.manager_user, self.hr_officer, self.plant_user, self.gm_user):
            self.review.with_user(user).action_approve()
        values = self.review.with_user(self.engineer_user).read(
            ["score_360", "final_score", "band", "reviewers_done", "reviewer_count"]
        )[0]
        self.assertAlmostEqual(values["score_360"], 40 * 0.86 + 30 * 0.8 + 30 * 0.8)
        self.assertEqual((values["reviewers_done"], values["reviewer_count"]), (3, 3))
        # My Technical Grade lists the finished review, not the open one.
        public = (
            self.env["hr.employee.public"].with_user(self.engineer_user).browse(self.engineer.id)
        )
        page = public.web_read(
            {"my_review_ids": {"fields": {"final_score": {}, "band": {}, "state": {}}}}
        )[0]
        self.assertEqual([r["id"] for r in page["my_review_ids"]], self.review.ids)
        self.assertNotIn(later.id, [r["id"] for r in page["my_review_ids"]])
        # The review form opens for the employee.
        Review = self.env["hr.technical.grade.review"].with_user(self.engineer_user)
        fields_ = Review.get_views([(False, "form")])["models"][Review._name]["fields"]
        Review.browse(self.review.id).web_read(
            {name: {} for name in fields_ if Review._fields[name].type != "one2many"}
        )


@tagged("post_install", "-at_install")
class TestTemplateChecksFromClients(TechnicalGradeCase):
    """#15: no context key a client sends switches the weight check off."""

    KEYS = ("technical_grade_defer_checks", "technical_grade_saving_template")

    def setUp(self):
        super().setUp()
        self.template = (
            self.env["hr.technical.grade.assessment.template"]
            .with_user(self.hr_officer)
            .create(
                {
                    "name": "Client form",
                    "scale_type": "points",
                    "section_ids": [
                        Command.create(
                            {
                                "name": "Section",
                                "criterion_ids": [
                                    Command.create({"name": "C0", "weight": 60}),
                                    Command.create({"name": "C1", "weight": 40}),
                                ],
                            }
                        )
                    ],
                }
            )
        )
        self.section = self.template.section_ids
        self.c0, self.c1 = self.template.criterion_ids

    def test_context_keys_do_not_switch_the_check_off(self):
        Criterion = self.env["hr.technical.grade.assessment.criterion"].with_user(self.hr_officer)
        for key in self.KEYS:
            context = {key: True}
            with self.assertRefused(ValidationError, "total 130 %"):
                self.c0.with_context(**context).write({"weight": 90})
            with self.assertRefused(ValidationError, "total 190 %"):
                Criterion.with_context(**context).create(
                    {"section_id": self.section.id, "name": "C2", "weight": 90}
                )
            with self.assertRefused(ValidationError, "total 60 %"):
                self.c1.with_context(**context).unlink()
            with self.assertRefused(ValidationError, "total 130 %"):
                self.template.with_context(**context).write(
                    {
                        "section_ids": [
                            Command.update(
                                self.section.id,
                                {"criterion_ids": [Command.update(self.c0.id, {"weight": 90})]},
                            )
                        ]
                    }
                )
        self.assertEqual(self.template.criterion_ids.mapped("weight"), [60, 40])

    def test_a_form_still_saves_several_weights_at_once(self):
        self.template.write(
            {
                "section_ids": [
                    Command.update(
                        self.section.id,
                        {
                            "criterion_ids": [
                                Command.update(self.c0.id, {"weight": 30}),
                                Command.update(self.c1.id, {"weight": 50}),
                                Command.create({"name": "C2", "weight": 20}),
                            ]
                        },
                    )
                ]
            }
        )
        self.assertEqual(self.template.criterion_ids.mapped("weight"), [30, 50, 20])
        # A section saves its criteria at once too.
        self.section.write(
            {
                "criterion_ids": [
                    Command.update(self.c0.id, {"weight": 50}),
                    Command.delete(self.c1.id),
                    Command.update(self.template.criterion_ids[-1].id, {"weight": 50}),
                ]
            }
        )
        self.assertEqual(self.template.criterion_ids.mapped("weight"), [50, 50])
        with self.assertRefused(ValidationError, "total 80 %"):
            self.section.write(
                {
                    "criterion_ids": [
                        Command.update(self.c0.id, {"weight": 40}),
                        Command.update(self.template.criterion_ids[-1].id, {"weight": 40}),
                    ]
                }
            )


@tagged("post_install", "-at_install")
class TestKpiEntryBounds(SecurityReviewCase):
    """#18: occurrences and amounts of KPI entries stay within sane bounds."""

    def test_occurrences_and_amounts_are_bounded(self):
        review = self.open_review()
        manager = review.with_user(self.manager_user)
        contracts = self.kpi_line(manager, "kpi_maintenance_contracts")  # proportional
        reports = self.kpi_line(manager, "kpi_commissioning_report")  # add per occurrence
        before = self.snapshot(review)
        with self.assertRefused(ValidationError, "amount goes from 0 to 1,000,000,000"):
            contracts.write({"amount": 1e308})
        with self.assertRefused(ValidationError, "occurrences go from 0 to 1000"):
            reports.write({"occurrences": 2147483647})
        with self.assertRefused(ValidationError, "occurrences go from 0 to 1000"):
            reports.write({"occurrences": 1001})
        self.assertEqual(self.snapshot(review), before)
        reports.write({"occurrences": 1000})
        contracts.write({"amount": 1e9})
        self.assertEqual((reports.occurrences, contracts.amount), (1000, 1e9))
        # The database says so too.
        with mute_logger("odoo.sql_db"), self.assertRefused(CheckViolation, "bounded"):
            self.env.cr.execute(
                "UPDATE hr_technical_grade_review_line SET occurrences = 1001 WHERE id = %s",
                [reports.id],
            )


@tagged("post_install", "-at_install")
class TestArgumentsChecked(SecurityReviewCase):
    """#19: public methods refuse wrong arguments with a clear message."""

    BAD_TEXTS = (12345, None, ["reason"], {"en_US": "reason"}, "   ")

    def test_appeals_refuse_wrong_reasons_and_scores(self):
        review = self.finish(self.open_review(), results=40, reviewers=40)
        appeal = review.with_user(self.engineer_user)
        for reason in self.BAD_TEXTS:
            with self.assertRefused(UserError, "Say why you appeal"):
                appeal.action_appeal(reason)
        self.assertEqual(review.appeal_state, "none")
        appeal.action_appeal("The complaints were not valid.")
        decide = review.with_user(self.head_user)
        score = review.final_score
        for decision in self.BAD_TEXTS:
            with self.assertRefused(UserError, "Write the decision"):
                decide.action_appeal_decide(decision, 80)
        for new_score in ("abc", 150, -1, True, float("nan"), [80]):
            with self.assertRefused(UserError, "A score is a number from 0 to 100"):
                decide.action_appeal_decide("Complaints withdrawn.", new_score)
        self.assertEqual((review.appeal_state, review.final_score), ("open", score))
        decide.action_appeal_decide("Complaints withdrawn.", 81)
        self.assertEqual((review.appeal_state, review.final_score), ("decided", 81))

    def test_returns_and_rejections_refuse_wrong_reasons(self):
        review = self.submitted()
        for reason in self.BAD_TEXTS:
            with self.assertRefused(UserError, "Say why the review goes back"):
                review.with_user(self.manager_user).action_return(reason)
        self.assertEqual(review.state, "submitted")
        evaluation = (
            self.env["hr.technical.grade.evaluation"]
            .with_user(self.hr_officer)
            .create(
                {
                    "employee_id": self.engineer.id,
                    "kind": "demotion",
                    "demotion_reason": "discipline",
                }
            )
        )
        evaluation.action_submit()
        self.assertEqual(evaluation.current_approval_id.approver_ids, self.manager_user)
        for reason in self.BAD_TEXTS:
            with self.assertRefused(UserError, "Say why the evaluation is rejected"):
                evaluation.with_user(self.manager_user).action_reject(reason)
        self.assertEqual(
            (evaluation.state, evaluation.current_approval_id.state), ("submitted", "pending")
        )

    def test_a_negative_plan_weight_is_named(self):
        plan = self.plan.with_user(self.hr_officer)
        before = (plan.weight_superior, plan.weight_peers, plan.weight_subordinates)
        with self.assertRaises(ValidationError) as refusal, self.env.cr.savepoint():
            plan.write({"weight_superior": -10, "weight_peers": 80})
        message = str(refusal.exception)
        self.assertIn("superior, peers and subordinates cannot be negative", message)
        self.assertNotIn("must total 100", message)
        self.env.invalidate_all()
        self.assertEqual(
            (plan.weight_superior, plan.weight_peers, plan.weight_subordinates), before
        )


@tagged("post_install", "-at_install")
class TestGradePayNames(TechnicalGradeCase):
    """#20: the Grade Pay report names its lines in the reader's language."""

    def test_line_names_are_text_in_the_readers_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        structure = self.env.ref("hr_technical_grade.payroll_structure_technical_grade")
        self.record(self.engineer, self.junior, "2025-01-01")
        contract = self.env["hr.contract"].create(
            {
                "name": "Contract",
                "employee_id": self.engineer.id,
                "wage": 0,
                "date_start": "2020-01-01",
                "struct_id": structure.id,
                "state": "open",
            }
        )
        slip = self.env["hr.payslip"].create(
            {
                "employee_id": self.engineer.id,
                "contract_id": contract.id,
                "struct_id": structure.id,
                "date_from": "2026-06-01",
                "date_to": "2026-06-30",
            }
        )
        slip.compute_sheet()
        allowance = slip.line_ids.filtered(lambda line: line.code == "TG_ALW")
        allowance.update_field_translations("name", {"zh_CN": "技术等级津贴"})
        engineer_user = self.user("tg_sec_paid", "hr_technical_grade.group_technical_grade_user")
        self.engineer.user_id = engineer_user
        self.env.flush_all()
        Report = self.env["hr.technical.grade.allowance"].with_user(engineer_user)
        rows = Report.search_read(
            [("component", "=", "allowance")], ["name", "display_name", "amount"]
        )
        self.assertEqual(
            [(r["name"], r["display_name"], r["amount"]) for r in rows],
            [("Grade Allowance", "Grade Allowance", 500.0)],
        )
        rows = Report.with_context(lang="zh_CN").search_read(
            [("component", "=", "allowance")], ["name", "display_name"]
        )
        self.assertEqual([(r["name"], r["display_name"]) for r in rows], [("技术等级津贴",) * 2])


@tagged("post_install", "-at_install")
class TestReviewWorkflowFields(SecurityReviewCase):
    """States, results and appeals of a review are the workflow's, HR included."""

    def test_nobody_writes_the_state_or_the_result(self):
        review = self.open_review()
        for vals in (
            {"state": "done"},
            {"final_score": 95},
            {"band": "excellent"},
            {"score_override": 95, "score_overridden": True},
            {"appeal_state": "decided"},
            {"done_date": "2020-01-01"},
        ):
            for user in (self.hr_officer, self.manager_user):
                with self.subTest(vals=vals, user=user.login):
                    with self.assertRefused(AccessError, "change through its actions only"):
                        review.with_user(user).write(vals)
        self.assertEqual(review.state, "draft")
        with self.assertRefused(AccessError, "change through its actions only"):
            self.env["hr.technical.grade.review"].with_user(self.hr_officer).create(
                {
                    "plan_id": review.plan_id.id,
                    "employee_id": review.employee_id.id,
                    "period_start": review.period_start,
                    "period_end": review.period_end,
                    "state": "done",
                }
            )

    def test_a_finished_review_keeps_its_scores_hr_records_its_decision(self):
        review = self.finish(self.open_review(), results=90, reviewers=90)
        before = self.snapshot(review)
        with self.assertRefused(AccessError, "stay as submitted"):
            review.with_user(self.hr_officer).write({"results_score": 10})
        with self.assertRefused(AccessError, "stay as submitted"):
            review.with_user(self.hr_officer).write({"results_comment": "Rewritten"})
        self.assertEqual(self.snapshot(review), before)
        review.with_user(self.hr_officer).write({"hr_decision_note": "Discussed with the team"})
        self.assertEqual(review.hr_decision_note, "Discussed with the team")


@tagged("post_install", "-at_install")
class TestScoringConfigurationOfFinishedReviews(SecurityReviewCase):
    """A finished review keeps its result when its plan or indicators change."""

    def test_plan_weights_and_indicator_rules_are_fixed_once_used(self):
        review = self.finish(self.open_review(), results=90, reviewers=90)
        before = self.snapshot(review)
        plan = review.plan_id.with_user(self.hr_officer)
        with self.assertRefused(UserError, "results stay as approved"):
            plan.write({"weight_kpi": 10, "weight_results": 60, "weight_360": 30})
        with self.assertRefused(UserError, "results stay as approved"):
            plan.write({"kpi_start_score": 50})
        kpi = self.env.ref("hr_technical_grade.kpi_complaint").with_user(self.hr_officer)
        with self.assertRefused(UserError, "results stay as approved"):
            kpi.write({"per_occurrence": 1})
        self.assertEqual(self.snapshot(review), before)
        # Wording and the sheet's order stay editable.
        plan.write({"name": "Monthly KPI review (2026)"})
        kpi.write({"sequence": 99})


@tagged("post_install", "-at_install")
class TestReviewConsequencesReprobe(ReviewCase):
    """Re-probe 2026-12: the GM office, pay steps and stand-by training."""

    def failed(self):
        review = self.open_review(day=date(2026, 10, 1))
        self.kpi_line(review.with_user(self.manager_user), "kpi_complaint").write(
            {"occurrences": 20, "evidence": "Complaint record"}
        )
        review = self.finish(review, results=10, reviewers=10)
        self.assertEqual((review.state, review.band), ("done", "fail"))
        return review

    def test_the_gm_office_decides_the_appeal_handed_to_it(self):
        """The GM office needs no approval step of its own to read what it decides."""
        office = self.user("tg_rv_gm_office")
        self.company.technical_grade_gm_office_user_ids = office
        review = self.failed()
        as_office = review.with_user(office)
        with self.assertRaises(AccessError):
            as_office.read(["final_score"])
        review.with_user(self.engineer_user).action_appeal("Unfair.")
        with self.assertRaises(AccessError):
            as_office.read(["final_score"])
        review.with_user(self.head_user).action_appeal_escalate("The team disagrees.")
        self.env.invalidate_all()
        self.assertEqual(as_office.read(["appeal_state"])[0]["appeal_state"], "escalated")
        self.assertTrue(as_office.line_ids.read(["kpi_id"]))
        as_office.action_appeal_decide("Score stands.")
        self.assertEqual(review.appeal_state, "decided")
        self.assertEqual(review.appeal_gm_decision, "Score stands.")
        # Others of the company read no more than before.
        with self.assertRaises(AccessError):
            review.with_user(self.colleague_user).read(["final_score"])

    def test_a_pay_step_ends_on_a_day_given_as_a_date(self):
        step = self.failed().pay_step_ids.with_user(self.hr_officer)
        for day in (123, "abc", "2027-02-30", {"day": 1}, [2027, 1, 31]):
            with self.assertRefused(UserError, "last day of the pay step"):
                step.action_end(day, "Improved.")
        self.assertEqual((step.state, step.date_to), ("running", False))

    def test_a_cancelled_standby_keeps_its_reason(self):
        review = self.failed()
        standby = (
            self.env["hr.technical.grade.standby"]
            .with_user(self.hr_officer)
            .create(
                {
                    "employee_id": self.engineer.id,
                    "review_id": review.id,
                    "date_from": "2026-12-07",
                    "date_to": "2026-12-09",
                }
            )
        )
        standby.action_cancel("Training postponed")
        with self.assertRefused(UserError, "stays as it was cancelled"):
            standby.action_cancel("Another reason")
        self.assertEqual((standby.state, standby.cancel_reason), ("cancel", "Training postponed"))


@tagged("post_install", "-at_install")
class TestStandbyKeepsThePaidDays(ReviewCase, PayslipCase):
    """Re-probe 2026-12: stand-by recorded inside a pay period already confirmed."""

    def test_standby_is_recorded_for_days_not_paid_yet(self):
        review = self.open_review(day=date(2026, 10, 1))
        review = self.finish(review, results=10, reviewers=10)
        self.assertEqual(review.band, "fail")
        self.payslip(self.engineer, "2026-11-01", "2026-11-30").action_payslip_done()
        Standby = self.env["hr.technical.grade.standby"].with_user(self.hr_officer)
        vals = {"employee_id": self.engineer.id, "review_id": review.id}
        for date_from, date_to in (("2026-11-23", "2026-11-25"), ("2026-11-30", "2026-12-02")):
            with self.assertRefused(ValidationError, "is confirmed"):
                Standby.create({**vals, "date_from": date_from, "date_to": date_to})
        standby = Standby.create({**vals, "date_from": "2026-12-07", "date_to": "2026-12-09"})
        with self.assertRefused(ValidationError, "is confirmed"):
            standby.write({"date_from": "2026-11-27"})
        self.assertEqual(str(standby.date_from), "2026-12-07")
