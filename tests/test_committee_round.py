# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The committee round: a model of its own, written by its workflow only,
read with its evaluation; a restart opens a new round and keeps the old one."""

import importlib.util
from datetime import timedelta
from pathlib import Path

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import form_ratings
from .test_security_evaluation import CommitteeSecurityCase

MIGRATIONS = Path(__file__).parent.parent / "migrations" / "18.0.2.2.0"


def load_migration(name):
    spec = importlib.util.spec_from_file_location(name.replace("-", "_"), MIGRATIONS / name)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestCommitteeRound(CommitteeSecurityCase):
    def score_all(self, evaluation, mark=90):
        for member in (self.chair, self.member):
            evaluation.with_user(member)._record_member_score(
                {"theory": mark, "practical": mark, "teaching": mark},
                ratings=form_ratings(evaluation),
            )

    def test_the_round_is_written_by_its_workflow_only(self):
        evaluation = self.signed()
        committee_round = evaluation.committee_round_id
        self.assertEqual(
            (committee_round.state, committee_round.decision, committee_round.signed_by_id),
            ("signed", "passed", self.chair),
        )
        self.assertEqual(evaluation.committee_round_ids, committee_round)
        Round = self.env["hr.technical.grade.committee.round"]
        for user in (self.hr_officer, self.chair, self.engineer_user):
            as_user = committee_round.with_user(user)
            for vals in (
                {"state": "closed"},
                {"decision": "failed"},
                {"notice_end_date": self.today - timedelta(days=1)},
                {"superseded": True},
            ):
                with self.assertRefused(AccessError, "written by its workflow only|not allowed"):
                    as_user.write(vals)
            with self.assertRefused(AccessError, "written by its workflow only|not allowed"):
                Round.with_user(user).create(
                    {"evaluation_id": evaluation.id, "committee_id": evaluation.committee_id.id}
                )
            with self.assertRefused(AccessError, "not allowed"):
                as_user.unlink()
        # Nor through the evaluation, HR included.
        for vals in ({"committee_round_id": False}, {"committee_round_ids": [(5, 0, 0)]}):
            with self.assertRefused(AccessError, "change through its actions only"):
                evaluation.with_user(self.hr_officer).write(vals)
        self.assertEqual(
            (committee_round.state, committee_round.decision, evaluation.committee_round_id),
            ("signed", "passed", committee_round),
        )
        # Signed, it stays as signed, even for the workflow.
        with self.assertRefused(UserError, "stay as signed"):
            committee_round.sudo().write({"decision": "failed"})

    def test_a_round_is_read_with_its_evaluation(self):
        evaluation = self.promotion()
        evaluation.with_user(self.engineer_user).action_submit()
        committee_round = evaluation.committee_round_id
        self.assertEqual(committee_round.state, "scoring")
        Round = self.env["hr.technical.grade.committee.round"]
        domain = [("evaluation_id", "=", evaluation.id)]
        for user in (self.hr_officer, self.chair, self.member, self.engineer_user):
            self.assertEqual(Round.with_user(user).search(domain), committee_round)
            committee_round.with_user(user).read(["state"])
        # An outsider reads neither the evaluation nor its round, before the notice.
        self.assertFalse(Round.with_user(self.outsider).search(domain))
        with self.assertRaises(AccessError):
            committee_round.with_user(self.outsider).read(["state"])
        # The candidate reads the round, never the members' scores.
        with self.assertRaises(AccessError):
            committee_round.with_user(self.engineer_user).read(["score_ids"])
        self.score_all(evaluation)
        self.sign(evaluation)
        # Under public notice, everyone reads the result and its round.
        self.env.invalidate_all()
        self.assertTrue(committee_round.notice_open)
        self.assertEqual(Round.with_user(self.outsider).search(domain), committee_round)
        self.assertEqual(
            committee_round.with_user(self.outsider).read(["decision"])[0]["decision"], "passed"
        )
        # The daily job closes the notice of the round and of the evaluation.
        committee_round.sudo().notice_end_date = self.today - timedelta(days=1)
        committee_round.sudo().notice_open = True
        evaluation.sudo().notice_open = True
        committee_round.flush_recordset()
        evaluation.flush_recordset()
        self.env["hr.technical.grade.evaluation"]._cron_close_notices()
        self.env.invalidate_all()
        self.assertFalse(committee_round.notice_open)
        self.assertFalse(evaluation.notice_open)

    def test_a_restart_opens_a_new_round_and_keeps_the_old_one(self):
        evaluation = self.closed()
        first = evaluation.committee_round_id
        first_scores = first.sudo().score_ids
        self.assertEqual(first_scores.mapped("state"), ["scored", "scored"])
        self.assertEqual(evaluation.theory_score, 90.0)
        # HR sends it back before the chair signs: the round ends, kept on record.
        evaluation.with_user(self.hr_officer).action_send_back("The practical exam is missing.")
        self.assertEqual((evaluation.state, evaluation.committee_state), ("draft", "none"))
        self.assertFalse(evaluation.committee_round_id)
        self.assertTrue(first.superseded)
        self.assertEqual(first.state, "closed")
        self.assertEqual(first.sudo().score_ids, first_scores)
        self.assertEqual(first_scores.mapped("theory_score"), [90.0, 90.0])
        # Its scores stay as they were given.
        with self.assertRefused(UserError, "earlier committee round"):
            first_scores[0].sudo().theory_score = 10
        # Submitted again: a new round, with new score lines to fill.
        evaluation.with_user(self.engineer_user).action_submit()
        second = evaluation.committee_round_id
        self.assertNotEqual(second, first)
        self.assertEqual((second.sequence, second.state, second.superseded), (2, "scoring", False))
        self.assertEqual(evaluation.committee_state, "scoring")
        self.assertEqual(second.sudo().score_ids.mapped("state"), ["pending", "pending"])
        self.assertEqual(evaluation.sudo().score_ids, second.sudo().score_ids)
        self.assertTrue(evaluation.with_user(self.member).can_score)
        # The first round's scores do not count in the new one.
        self.assertFalse(evaluation._committee_form_scores())
        with self.assertRefused(UserError, "not being scored"):
            first.with_user(self.chair).action_close_scoring()
        self.score_all(evaluation, mark=80)
        self.sign(evaluation)
        self.assertEqual((evaluation.state, evaluation.theory_score), ("approved", 80.0))
        self.assertEqual(evaluation.committee_round_ids, second | first)
        # The earlier round stays readable, as it was, to whoever reads the evaluation.
        for user in (self.hr_officer, self.engineer_user, self.chair):
            rounds = evaluation.with_user(user).committee_round_ids
            self.assertEqual(rounds, second | first)
            self.assertEqual(
                first.with_user(user).read(["state", "superseded"])[0]["state"], "closed"
            )
        seen = (
            self.env["hr.technical.grade.evaluation.score"]
            .with_user(self.member)
            .search([("round_id", "=", first.id)])
        )
        self.assertEqual(seen, first_scores)
        self.assertEqual(seen.mapped("theory_score"), [90.0, 90.0])

    def test_the_upgrade_makes_one_round_of_the_committee_data(self):
        """migrations/18.0.2.2.0 on an evaluation put back into the old shape."""
        evaluation = self.signed()
        objection = (
            self.env["hr.technical.grade.objection"]
            .with_user(self.outsider)
            .create({"evaluation_id": evaluation.id, "objection": "Not held."})
        )
        committee_round = evaluation.committee_round_id
        scores = committee_round.sudo().score_ids
        expected = committee_round.read(
            ["state", "opinion", "decision", "signed_by_id", "signed_on", "notice_end_date"]
        )[0]
        del expected["id"]
        self.env.flush_all()
        cr = self.env.cr
        # The old shape: the committee's columns on the evaluation, no round.
        cr.execute(
            """
            ALTER TABLE hr_technical_grade_evaluation
                ADD COLUMN IF NOT EXISTS committee_opinion text,
                ADD COLUMN IF NOT EXISTS committee_decision varchar,
                ADD COLUMN IF NOT EXISTS committee_signed_by_id integer,
                ADD COLUMN IF NOT EXISTS committee_signed_on date,
                ADD COLUMN IF NOT EXISTS notice_end_date date;
            ALTER TABLE hr_technical_grade_evaluation_score ALTER COLUMN round_id DROP NOT NULL;
            UPDATE hr_technical_grade_evaluation e
               SET committee_opinion = r.opinion, committee_decision = r.decision,
                   committee_signed_by_id = r.signed_by_id, committee_signed_on = r.signed_on,
                   notice_end_date = r.notice_end_date, committee_round_id = NULL
              FROM hr_technical_grade_committee_round r
             WHERE r.id = e.committee_round_id AND e.id = %(evaluation)s;
            UPDATE hr_technical_grade_evaluation_score SET round_id = NULL
             WHERE evaluation_id = %(evaluation)s;
            UPDATE hr_technical_grade_evaluation_score_line SET round_id = NULL
             WHERE evaluation_id = %(evaluation)s;
            UPDATE hr_technical_grade_objection SET round_id = NULL
             WHERE evaluation_id = %(evaluation)s;
            DELETE FROM hr_technical_grade_committee_round WHERE evaluation_id = %(evaluation)s;
            """,
            {"evaluation": evaluation.id},
        )
        self.env.invalidate_all()
        self.assertFalse(evaluation.committee_round_ids)
        load_migration("pre-10-committee-round.py").migrate(cr, "18.0.2.1.0")
        load_migration("post-10-committee-round.py").migrate(cr, "18.0.2.1.0")
        self.env.invalidate_all()
        migrated = evaluation.committee_round_id
        self.assertTrue(migrated)
        self.assertEqual(evaluation.committee_round_ids, migrated)
        got = migrated.read(list(expected))[0]
        del got["id"]
        self.assertEqual(got, expected)
        self.assertEqual((migrated.sequence, migrated.superseded), (1, False))
        self.assertTrue(migrated.notice_open)
        self.assertEqual(migrated.sudo().score_ids, scores)
        self.assertEqual(scores.line_ids.round_id, migrated)
        self.assertEqual(migrated.objection_ids, objection)
        self.assertEqual(evaluation.committee_state, "signed")
        self.assertEqual(evaluation.result, "passed")
        cr.execute(
            "SELECT is_nullable FROM information_schema.columns "
            "WHERE table_name = 'hr_technical_grade_evaluation_score' AND column_name = 'round_id'"
        )
        self.assertEqual(cr.fetchone()[0], "NO")
