# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
# pylint: disable=sql-injection
# Table and column names in this script are its own constants; values go as
# query parameters.
"""The approval engine (18.0.2.0.0): approvals keyed by model and record.

Before the new code loads:

- the table of ``hr.technical.grade.evaluation.approval`` becomes the table
  of ``hr.technical.grade.approval``, its rows kept with their ids (so the
  approvers and approved-by many2many rows stay linked), states, decisions,
  comments, rounds and superseded flags; each row gets ``res_model`` and
  ``res_id`` from its ``evaluation_id`` or ``review_id``;
- the model's ``ir.model`` / ``ir.model.fields`` rows and their external ids
  are renamed, so access rules and views follow;
- approval steps get ``model_id`` from their ``document`` selection and a
  ``domain`` from their ``apply_*`` kinds and ``appointed_only`` flag.

The old columns (``evaluation_id``, ``review_id``, ``document``, ``apply_*``,
``appointed_only``) are dropped by the ORM with their fields at the end of the
update.
"""

import logging

_logger = logging.getLogger(__name__)

OLD_MODEL = "hr.technical.grade.evaluation.approval"
NEW_MODEL = "hr.technical.grade.approval"
OLD_TABLE = "hr_technical_grade_evaluation_approval"
NEW_TABLE = "hr_technical_grade_approval"
KINDS = ("initial", "promotion", "demotion")


def _table_exists(cr, table):
    cr.execute("SELECT 1 FROM pg_class WHERE relname = %s AND relkind = 'r'", [table])
    return bool(cr.fetchone())


def _column_exists(cr, table, column):
    cr.execute(
        "SELECT 1 FROM information_schema.columns WHERE table_name = %s AND column_name = %s",
        [table, column],
    )
    return bool(cr.fetchone())


def _move_approvals(cr):
    if not _table_exists(cr, OLD_TABLE) or _table_exists(cr, NEW_TABLE):
        return
    cr.execute(f"ALTER TABLE {OLD_TABLE} RENAME TO {NEW_TABLE}")
    cr.execute(f"ALTER SEQUENCE IF EXISTS {OLD_TABLE}_id_seq RENAME TO {NEW_TABLE}_id_seq")
    cr.execute(f"ALTER TABLE {NEW_TABLE} DROP CONSTRAINT IF EXISTS {OLD_TABLE}_one_document")
    cr.execute(f"ALTER TABLE {NEW_TABLE} ADD COLUMN res_model varchar, ADD COLUMN res_id int4")
    cr.execute(
        f"""
        UPDATE {NEW_TABLE}
           SET res_model = CASE WHEN evaluation_id IS NOT NULL
                                THEN 'hr.technical.grade.evaluation'
                                ELSE 'hr.technical.grade.review' END,
               res_id = COALESCE(evaluation_id, review_id),
               round = COALESCE(round, 1),
               superseded = COALESCE(superseded, FALSE)
        """
    )
    _logger.info("approval engine: %s approvals keyed by model and record", cr.rowcount)
    # Reviews numbered every submission 1: each chain copy starts at sequence 0,
    # in id order, so the rounds are counted again from the rows themselves.
    cr.execute(
        f"""
        UPDATE {NEW_TABLE} AS approval SET round = numbered.round
          FROM (SELECT id, SUM(CASE WHEN sequence = 0 THEN 1 ELSE 0 END)
                           OVER (PARTITION BY res_model, res_id ORDER BY id) AS round
                  FROM {NEW_TABLE}
                 WHERE review_id IS NOT NULL) AS numbered
         WHERE approval.id = numbered.id AND numbered.round > 0
           AND approval.round IS DISTINCT FROM numbered.round
        """
    )
    _logger.info("approval engine: %s review approvals numbered by round", cr.rowcount)
    # The model keeps its id: fields, relations, access and views follow it.
    cr.execute("UPDATE ir_model SET model = %s WHERE model = %s", [NEW_MODEL, OLD_MODEL])
    cr.execute("UPDATE ir_model_fields SET model = %s WHERE model = %s", [NEW_MODEL, OLD_MODEL])
    cr.execute(
        "UPDATE ir_model_fields SET relation = %s WHERE relation = %s", [NEW_MODEL, OLD_MODEL]
    )
    old_xmlid, new_xmlid = OLD_MODEL.replace(".", "_"), NEW_MODEL.replace(".", "_")
    cr.execute(
        """
        UPDATE ir_model_data
           SET name = regexp_replace(name, %s, %s)
         WHERE module = 'hr_technical_grade'
           AND model IN ('ir.model', 'ir.model.fields')
           AND (name = %s OR name LIKE %s)
        """,
        [
            f"^(model|field)_{old_xmlid}",
            f"\\1_{new_xmlid}",
            f"model_{old_xmlid}",
            f"field\\_{old_xmlid}\\_\\_%",
        ],
    )
    # The constraint naming two models is gone with its check.
    cr.execute(
        "DELETE FROM ir_model_data WHERE model = 'ir.model.constraint' AND name LIKE %s",
        [f"constraint\\_{old_xmlid}\\_one\\_document"],
    )
    cr.execute("DELETE FROM ir_model_constraint WHERE name = %s", [f"{OLD_TABLE}_one_document"])


def _step_domain(apply_initial, apply_promotion, apply_demotion, appointed_only):
    kinds = [
        kind
        for kind, applies in zip(
            KINDS, (apply_initial, apply_promotion, apply_demotion), strict=True
        )
        if applies
    ]
    terms = []
    if len(kinds) == 1:
        terms.append(f"('kind', '=', '{kinds[0]}')")
    elif len(kinds) < len(KINDS):
        terms.append(f"('kind', 'in', {kinds!r})")
    if appointed_only:
        terms.append("('target_grade_id.is_appointed', '=', True)")
    return "[" + ", ".join(terms) + "]"


def _convert_steps(cr):
    table = "hr_technical_grade_approval_step"
    if not _column_exists(cr, table, "document") or _column_exists(cr, table, "model_id"):
        return
    cr.execute(f"ALTER TABLE {table} ADD COLUMN model_id int4, ADD COLUMN domain varchar")
    cr.execute("SELECT model, id FROM ir_model WHERE model LIKE 'hr.technical.grade.%%'")
    model_ids = dict(cr.fetchall())
    cr.execute(
        f"SELECT id, document, apply_initial, apply_promotion, apply_demotion, appointed_only"
        f" FROM {table}"
    )
    for step_id, document, initial, promotion, demotion, appointed in cr.fetchall():
        if document == "review":
            model, domain = "hr.technical.grade.review", "[]"
        else:
            model = "hr.technical.grade.evaluation"
            domain = _step_domain(initial, promotion, demotion, appointed)
        cr.execute(
            f"UPDATE {table} SET model_id = %s, domain = %s WHERE id = %s",
            [model_ids[model], domain, step_id],
        )
        _logger.info("approval engine: step %s applies to %s when %s", step_id, model, domain)


def migrate(cr, version):
    if not version:
        return
    _move_approvals(cr)
    _convert_steps(cr)
