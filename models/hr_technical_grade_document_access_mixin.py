# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from collections import defaultdict

from odoo import api, models
from odoo.tools import SQL


class HrTechnicalGradeDocumentAccessMixin(models.AbstractModel):
    """Records that are read with the document they belong to.

    An approval is read whoever may read its evaluation or review, a
    committee round whoever may read its evaluation, and nobody else, as
    ``mail.activity`` does for its documents: reading one and searching them
    both ask the documents' own access rules, a batch of records at once
    (one check per document model).  Models say where their document is:
    ``_document_id_field`` (a many2one or an integer column) and either
    ``_document_model`` (one model) or ``_document_model_field`` (a char
    column naming it).
    """

    _name = "hr.technical.grade.document.access.mixin"
    _description = "Technical Grade Record Read with its Document"

    _document_model = None
    _document_model_field = None
    _document_id_field = None

    def _document_ids_by_model(self):
        """``{model: {record id: document id}}`` of the records, read as superuser."""
        by_model = defaultdict(dict)
        for record in self.sudo():
            model = (
                record[self._document_model_field]
                if self._document_model_field
                else self._document_model
            )
            document = record[self._document_id_field]
            by_model[model][record.id] = getattr(document, "id", document)
        return by_model

    def _check_access(self, operation):
        """Read a record when its document can be read; the rest as the model says."""
        result = super()._check_access(operation)
        if not self or operation != "read" or self.env.su:
            return result
        records = self - result[0] if result else self
        forbidden_ids = []
        for model, documents in records._document_ids_by_model().items():
            denied = self.env[model].browse(set(documents.values()))._check_access("read")
            if denied:
                denied_ids = set(denied[0].ids)
                forbidden_ids += [
                    record_id
                    for record_id, document_id in documents.items()
                    if document_id in denied_ids
                ]
        if not forbidden_ids:
            return result
        forbidden = self.browse(forbidden_ids)
        if result:
            return (result[0] + forbidden, result[1])
        return (forbidden, lambda: forbidden._make_access_error(operation))

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        """Only the records of documents the user may read."""
        if self.env.su:
            return super()._search(domain, offset, limit, order)
        query = super()._search(domain, offset, limit, order)
        model_column = (
            SQL.identifier(self._table, self._document_model_field)
            if self._document_model_field
            else SQL("%s", self._document_model)
        )
        rows = self.env.execute_query(
            query.select(
                SQL.identifier(self._table, "id"),
                model_column,
                SQL.identifier(self._table, self._document_id_field),
            )
        )
        document_ids = defaultdict(set)
        for __, model, document_id in rows:
            document_ids[model].add(document_id)
        readable = {
            model: set(self.env[model].browse(ids).exists()._filtered_access("read")._ids)
            for model, ids in document_ids.items()
            if model in self.env
        }
        return self.browse(
            id_ for id_, model, document_id in rows if document_id in readable.get(model, ())
        )._as_query(order)
