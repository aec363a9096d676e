# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, models
from odoo.exceptions import AccessError

from .mail_message import MESSAGE_MARK, MESSAGE_MARK_KEY


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
        self._check_own_name(author_id, kwargs.get("email_from"))
        if not self.env.su and kwargs.get("date"):
            raise AccessError(
                self.env._("A message is dated when it is posted: it cannot be back-dated.")
            )
        return super().message_post(author_id=author_id, **kwargs)

    def message_notify(self, *, author_id=None, **kwargs):
        self._check_own_name(author_id, kwargs.get("email_from"))
        return super().message_notify(author_id=author_id, **kwargs)

    def _message_create(self, values_list):
        """Messages come from the thread's API: marked so, as ``mail.message``
        checks (a direct create over RPC is refused on these documents)."""
        return super(
            HrTechnicalGradeChatterMixin, self.with_context(**{MESSAGE_MARK_KEY: MESSAGE_MARK})
        )._message_create(values_list)

    @api.model
    def _check_own_name(self, author_id, email_from=None):
        """Refuse a message of a client call in someone else's name.

        Naming another author, or an e-mail address from which the author
        would be looked up, is the code's own business, as superuser.
        """
        if self.env.su:
            return
        user = self.env.user
        if (author_id and author_id != user.partner_id.id) or (
            email_from and email_from not in (user.email, user.email_formatted)
        ):
            document = self.env["ir.model"]._get(self._name).name
            raise AccessError(
                self.env._(
                    "Messages on %(document)s are posted in your own name.", document=document
                )
            )
