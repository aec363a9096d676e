# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import fields, models
from odoo.tools import SQL

OFFICER = "hr_technical_grade.group_technical_grade_officer"


class HrTechnicalGradeBatchOpeningMixin(models.AbstractModel):
    """A document that opens its records for many engineers in cron batches.

    The document queues its engineers in a queue model (one row per engineer,
    pointing at the document through ``_opening_queue_field``) and wakes its
    cron up; each call of the cron takes the next batch of one document whose
    row it locks without waiting (``SKIP LOCKED``): two cron workers never
    take the same batch, nor the same document at once.  The records of a
    batch are written, and its queue rows deleted, in the transaction Odoo's
    cron engine commits after each call; a batch that fails leaves its rows
    queued and is retried.  When the queue of a document is empty, its
    chatter says so, with counts only.

    Models say what differs through ``_open_queued()`` (open the records of
    a batch) and ``_opening_summary()`` (the closing message).
    """

    _name = "hr.technical.grade.batch.opening.mixin"
    _description = "Technical Grade Opening in Cron Batches"

    # The queue model and its many2one to the document.
    _opening_queue_model = None
    _opening_queue_field = None

    is_opening = fields.Boolean(
        string="Opening", readonly=True, copy=False, help="Engineers are still queued."
    )
    opened_by_id = fields.Many2one(
        "res.users",
        readonly=True,
        copy=False,
        help="The officer who opened it last: the batches run with their rights.",
    )
    opening_total = fields.Integer(
        string="Engineers to Process", readonly=True, copy=False, groups=OFFICER
    )
    opening_done_count = fields.Integer(
        compute="_compute_opening_progress", string="Engineers Processed", groups=OFFICER
    )
    opening_progress = fields.Float(compute="_compute_opening_progress", groups=OFFICER)

    def _opening_queue(self):
        return self.env[self._opening_queue_model].sudo()

    def _compute_opening_progress(self):
        field = self._opening_queue_field
        left_of = dict(
            self._opening_queue()._read_group(
                [(field, "in", self.ids)], groupby=[field], aggregates=["__count"]
            )
        )
        for document in self:
            total = document.opening_total
            left = left_of.get(document, 0) if document.is_opening else 0
            document.opening_done_count = total - left
            document.opening_progress = 100.0 * (total - left) / total if total else 100.0

    def _cron_open_next_batch(self, batch_size):
        """Open the next batch of queued engineers of one document being opened.

        Returns how many engineers were processed, after telling the cron
        engine how many remain (``_notify_progress``), so that it calls again.
        """
        Queue = self._opening_queue()
        field = self._opening_queue_field
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE is_opening ORDER BY id LIMIT 1 "
                "FOR NO KEY UPDATE SKIP LOCKED",
                SQL.identifier(self._table),
            )
        )
        row = self.env.cr.fetchone()
        done = 0
        if row:
            document = self.sudo().browse(row[0])
            user = document.opened_by_id or self.env.user
            queued = Queue.search([(field, "=", document.id)], limit=batch_size)
            if queued:
                processed = document.with_user(user)._open_queued(queued)
                processed.unlink()
                done = len(processed)
            if not Queue.search_count([(field, "=", document.id)], limit=1):
                document.with_user(user)._finish_opening()
        remaining = Queue.search_count([])
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        return done

    def _open_queued(self, queued):
        """Open the records of the queue rows ``queued`` (with the opener's
        rights); returns the queue rows processed, which are deleted."""
        raise NotImplementedError()

    def _finish_opening(self):
        """The opening is over: say so in the chatter, with counts only."""
        self.ensure_one()
        self.sudo().is_opening = False
        # Posted by the opener; by OdooBot when the opener has no e-mail
        # address (else the message, and the batch with it, would fail on
        # every retry).
        author = self.env.user.partner_id
        if not author.email:
            author = self.env.ref("base.partner_root")
        self.sudo().message_post(author_id=author.id, body=self._opening_summary())

    def _opening_summary(self):
        """The closing message of the opening, for every reader: counts only."""
        raise NotImplementedError()
