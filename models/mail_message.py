# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, models
from odoo.exceptions import AccessError

# What an author may still change on their own message: their own comment's
# text (Odoo's edit), and the files an activity marked done hands over.
OWN_MESSAGE_FIELDS = frozenset({"attachment_ids"})


class MailMessage(models.Model):
    """Messages on the technical grade documents: in one's own name, kept.

    ``mail.message`` is public too: over RPC, a caller who may comment a
    document could create a message there with any author, e.g. an HR
    officer's.  On the documents of the chatter mixin, the author is the
    caller's own, as with ``message_post``.

    Whoever may write a document may also write and delete its messages in
    Odoo: an HR officer could rewrite what OdooBot logged, or delete the
    tracking of a state change and the note of a reopening.  On these
    documents, the log is kept: a user edits or deletes their own comments
    only (Odoo's edit in the chatter), and hands files to their own message.
    """

    _inherit = "mail.message"

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            chatter = self.env.registry["hr.technical.grade.chatter.mixin"]
            for vals in vals_list:
                model = vals.get("model") or self.env.context.get("default_model")
                if model in self.env and isinstance(self.env[model], chatter):
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

    def _check_log_kept(self, vals):
        """Refuse changing or deleting a message of a technical grade document
        that is not the user's own comment (``vals`` None: deleting)."""
        chatter = self.env.registry["hr.technical.grade.chatter.mixin"]
        partner = self.env.user.partner_id
        for message in self.sudo():
            if message.model not in self.env or not isinstance(self.env[message.model], chatter):
                continue
            own = message.author_id == partner
            if own and message.message_type == "comment":
                continue
            if own and vals is not None and set(vals) <= OWN_MESSAGE_FIELDS:
                continue
            document = self.env["ir.model"]._get(message.model).name
            raise AccessError(
                self.env._(
                    "The history of %(document)s is kept: you may edit or delete your own "
                    "comments only.",
                    document=document,
                )
            )
