# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
# pylint: disable=sql-injection
# Table and column names in this script are its own constants; values go as
# query parameters.
"""The committee round becomes a model of its own (18.0.2.2.0): one round each.

Every evaluation that went before the committee gets one round, its first,
with the stage, opinion, decision, signature and public notice the
evaluation had (copied aside by the pre-migration); it becomes the
evaluation's current round.  The members' score lines, their ratings and
the objections are linked to it.  An evaluation back at "not before the
committee" that still had score lines or objections gets a superseded round
holding them.  Nothing is recomputed: the scores and results stay as they
were signed.
"""

import logging

_logger = logging.getLogger(__name__)

LEGACY = "hr_technical_grade_committee_round_legacy"


def _table_exists(cr, table):
    cr.execute("SELECT 1 FROM information_schema.tables WHERE table_name = %s", (table,))
    return bool(cr.fetchone())


def migrate(cr, version):
    if not version or not _table_exists(cr, LEGACY):
        return
    cr.execute(
        f"""
        INSERT INTO hr_technical_grade_committee_round (
            evaluation_id, sequence, company_id, committee_id, state, opinion, decision,
            signed_by_id, signed_on, notice_end_date, notice_open, superseded,
            create_uid, create_date, write_uid, write_date
        )
        SELECT l.evaluation_id, 1, e.company_id,
               COALESCE(l.committee_id, (
                   SELECT c.id FROM hr_technical_grade_committee c
                    WHERE c.company_id = e.company_id OR c.company_id IS NULL
                 ORDER BY c.company_id NULLS LAST, c.id LIMIT 1
               )),
               CASE WHEN l.committee_state IN ('scoring', 'closed', 'signed')
                    THEN l.committee_state ELSE 'scoring' END,
               l.committee_opinion, l.committee_decision, l.committee_signed_by_id,
               l.committee_signed_on, l.notice_end_date,
               COALESCE(l.notice_open, FALSE)
                   AND COALESCE(l.committee_state, 'none') != 'none',
               COALESCE(l.committee_state, 'none') = 'none',
               1, now() AT TIME ZONE 'UTC', 1, now() AT TIME ZONE 'UTC'
          FROM {LEGACY} l
          JOIN hr_technical_grade_evaluation e ON e.id = l.evaluation_id
         WHERE NOT EXISTS (
                SELECT 1 FROM hr_technical_grade_committee_round r
                 WHERE r.evaluation_id = l.evaluation_id
               )
     RETURNING id, evaluation_id, superseded
        """
    )
    rows = cr.fetchall()
    _logger.info("%s committee round(s) created from the evaluations' committee data", len(rows))
    for round_id, evaluation_id, superseded in rows:
        if superseded:
            _logger.warning(
                "evaluation %s was not before the committee but kept scores or objections: "
                "they are kept in its superseded committee round %s",
                evaluation_id,
                round_id,
            )
    cr.execute(
        """
        UPDATE hr_technical_grade_evaluation e
           SET committee_round_id = r.id
          FROM hr_technical_grade_committee_round r
         WHERE r.evaluation_id = e.id AND NOT r.superseded AND e.committee_round_id IS NULL
        """
    )
    cr.execute(
        """
        UPDATE hr_technical_grade_evaluation_score s
           SET round_id = r.id
          FROM hr_technical_grade_committee_round r
         WHERE r.evaluation_id = s.evaluation_id AND s.round_id IS NULL
        """
    )
    cr.execute(
        """
        UPDATE hr_technical_grade_evaluation_score_line l
           SET round_id = s.round_id
          FROM hr_technical_grade_evaluation_score s
         WHERE s.id = l.score_id AND l.round_id IS DISTINCT FROM s.round_id
        """
    )
    cr.execute(
        """
        UPDATE hr_technical_grade_objection o
           SET round_id = r.id
          FROM hr_technical_grade_committee_round r
         WHERE r.evaluation_id = o.evaluation_id AND o.round_id IS NULL
        """
    )
    cr.execute("SELECT 1 FROM hr_technical_grade_evaluation_score WHERE round_id IS NULL LIMIT 1")
    if cr.fetchone():
        _logger.warning("committee score lines without a round remain: round_id stays nullable")
    else:
        cr.execute(
            "ALTER TABLE hr_technical_grade_evaluation_score ALTER COLUMN round_id SET NOT NULL"
        )
    cr.execute(f"DROP TABLE {LEGACY}")
