# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import models
from odoo.exceptions import AccessError


class HrTechnicalGradeChatterMixin(models.AbstractModel):
    """The chatter of the technical grade documents: messages in one's own name.

    ``message_post`` is public: over RPC, a caller could name any partner as
    the author of a note on an evaluation or a review, e.g. an HR officer's.
    The web client never does; the documents' own code posts as superuser
    when it names another author (OdooBot).
    """

    _name = "hr.technical.grade.chatter.mixin"
    _inherit = ["mail.thread"]
    _description = "Technical Grade Chatter"

    def message_post(self, *, author_id=None, **kwargs):
        if author_id and not self.env.su and author_id != self.env.user.partner_id.id:
            document = self.env["ir.model"]._get(self._name).name
            raise AccessError(
                self.env._(
                    "Messages on %(document)s are posted in your own name.", document=document
                )
            )
        return super().message_post(author_id=author_id, **kwargs)
