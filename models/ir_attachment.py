# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import models
from odoo.exceptions import AccessError

# What changing a file means: its content, its name or where it belongs.
FILE_FIELDS = frozenset(
    {"datas", "raw", "db_datas", "store_fname", "name", "res_model", "res_id", "res_field"}
)


class IrAttachment(models.Model):
    """The files of the messages on the technical grade documents are kept.

    Odoo lets whoever may write a document change or delete its files: an HR
    officer could replace or delete the file an approver handed over when
    marking their activity done.  A file of a message of these documents is
    changed or deleted by the message's author only (Odoo's edit of one's
    own comment).
    """

    _inherit = "ir.attachment"

    def write(self, vals):
        if not self.env.su and FILE_FIELDS & set(vals):
            self._check_message_files_kept()
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self._check_message_files_kept()
        return super().unlink()

    def _check_message_files_kept(self):
        Message = self.env["mail.message"].sudo()
        logged = self.sudo().filtered(
            lambda attachment: Message._is_technical_grade_log(attachment.res_model)
        )
        if not logged:
            return
        others = Message.search(
            [
                ("attachment_ids", "in", logged.ids),
                ("author_id", "!=", self.env.user.partner_id.id),
            ],
            limit=1,
        )
        if others:
            raise AccessError(
                self.env._(
                    "The files of the messages on %(document)s are kept: only the author of a "
                    "message changes its files.",
                    document=self.env["ir.model"]._get(others.model).name,
                )
            )
