# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import Command, api, models
from odoo.exceptions import AccessError

# The mark of a message created through the thread's own API
# (``_message_create``: message_post, message_notify, tracking, logs); a
# client cannot send this object in a context.
MESSAGE_MARK_KEY = "hr_technical_grade_thread_message"
MESSAGE_MARK = object()
# What an author may still change on their own message: the text, files and
# recipients of their own comment (Odoo's edit in the chatter); on the
# messages the workflow logs in their name, files handed over (an activity
# marked done with files), never taken away.
OWN_COMMENT_FIELDS = frozenset({"body", "attachment_ids", "partner_ids"})
OWN_LOG_FIELDS = frozenset({"attachment_ids"})


class MailMessage(models.Model):
    """Messages on the technical grade documents: in one's own name, kept.

    ``mail.message`` is public: over RPC, a caller who may comment a document
    could create a message there with any author, date or tracking, e.g. an
    HR officer's, or a "Planned → Done" that never happened.  On the
    documents of the chatter mixin, messages come from the thread's API only
    (``message_post`` and the like, in the caller's own name).

    Whoever may write a document may also write and delete its messages in
    Odoo: an HR officer could rewrite what OdooBot logged, or delete the
    tracking of a state change and the note of a reopening.  On these
    documents, the log is kept: a user edits or deletes the text of their own
    comments only (Odoo's edit in the chatter).
    """

    _inherit = "mail.message"

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                model = vals.get("model") or self.env.context.get("default_model")
                if not self._is_technical_grade_log(model):
                    continue
                if self.env.context.get(MESSAGE_MARK_KEY) is not MESSAGE_MARK:
                    raise AccessError(
                        self.env._(
                            "Messages on %(document)s are posted from its chatter.",
                            document=self.env["ir.model"]._get(model).name,
                        )
                    )
                self.env[model]._check_own_name(
                    vals.get("author_id") or self.env.context.get("default_author_id"),
                    vals.get("email_from") or self.env.context.get("default_email_from"),
                )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._check_log_kept(vals)
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self._check_log_kept(None)
        return super().unlink()

    @api.model
    def _is_technical_grade_log(self, model):
        chatter = self.env.registry["hr.technical.grade.chatter.mixin"]
        return bool(model) and model in self.env and isinstance(self.env[model], chatter)

    def _check_log_kept(self, vals):
        """Refuse changing or deleting a message of a technical grade document
        other than the text of the user's own comment (``vals`` None: deleting)."""
        partner = self.env.user.partner_id
        for message in self.sudo():
            if not self._is_technical_grade_log(message.model):
                continue
            own = message.author_id == partner
            comment = message.message_type == "comment"
            if own and comment and (vals is None or set(vals) <= OWN_COMMENT_FIELDS):
                continue
            if own and vals is not None and set(vals) <= OWN_LOG_FIELDS:
                if message._only_adds_attachments(vals.get("attachment_ids") or []):
                    continue
            raise AccessError(
                self.env._(
                    "The history of %(document)s is kept: you may edit or delete the text of "
                    "your own comments only.",
                    document=self.env["ir.model"]._get(message.model).name,
                )
            )

    def _only_adds_attachments(self, commands):
        """Whether ``commands`` on the message's files only add files."""
        kept = set(self.attachment_ids.ids)
        for command in commands:
            if isinstance(command, int):
                continue
            if command[0] == Command.LINK:
                continue
            if command[0] == Command.SET and kept <= set(command[2]):
                continue
            return False
        return True
