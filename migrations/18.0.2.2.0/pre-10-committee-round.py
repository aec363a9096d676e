# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
# pylint: disable=sql-injection
# Table and column names in this script are its own constants; values go as
# query parameters.
"""The committee round becomes a model of its own (18.0.2.2.0): keep its data.

The committee's stage, opinion, decision, signature and public notice were
columns of the evaluation; they become the current round's, and the
evaluation's fields of the same names read it.  Before the ORM updates the
tables, the old values of every evaluation that went before the committee
are copied aside, into ``hr_technical_grade_committee_round_legacy``, which
the post-migration turns into rounds and then drops.
"""

LEGACY = "hr_technical_grade_committee_round_legacy"
COLUMNS = (
    "committee_id",
    "committee_state",
    "committee_opinion",
    "committee_decision",
    "committee_signed_by_id",
    "committee_signed_on",
    "notice_end_date",
    "notice_open",
)


def _column_exists(cr, table, column):
    cr.execute(
        "SELECT 1 FROM information_schema.columns WHERE table_name = %s AND column_name = %s",
        (table, column),
    )
    return bool(cr.fetchone())


def _table_exists(cr, table):
    cr.execute("SELECT 1 FROM information_schema.tables WHERE table_name = %s", (table,))
    return bool(cr.fetchone())


def migrate(cr, version):
    if not version or _table_exists(cr, LEGACY):
        return
    if not all(_column_exists(cr, "hr_technical_grade_evaluation", c) for c in COLUMNS):
        return
    columns = ", ".join(f"e.{column}" for column in COLUMNS)
    cr.execute(
        f"""
        CREATE TABLE {LEGACY} AS
        SELECT e.id AS evaluation_id, {columns}
          FROM hr_technical_grade_evaluation e
         WHERE COALESCE(e.committee_state, 'none') != 'none'
            OR EXISTS (SELECT 1 FROM hr_technical_grade_evaluation_score s
                        WHERE s.evaluation_id = e.id)
            OR EXISTS (SELECT 1 FROM hr_technical_grade_objection o
                        WHERE o.evaluation_id = e.id)
        """
    )
