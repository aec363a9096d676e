# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, models


class MailMessage(models.Model):
    """Messages created directly on the technical grade documents.

    ``mail.message`` is public too: over RPC, a caller who may comment a
    document could create a message there with any author, e.g. an HR
    officer's.  On the documents of the chatter mixin, the author is the
    caller's own, as with ``message_post``.
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
