# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import models


class HrTechnicalGradeActivityMixin(models.AbstractModel):
    """The one helper through which documents put activities in the inbox.

    Each document model has one ``activity_update()`` that says, from its
    state, who must act now; this helper schedules, closes and drops the
    activities accordingly.
    """

    _name = "hr.technical.grade.activity.mixin"
    _description = "Technical Grade Inbox Activities"

    def _sync_activities(self, activity_type, wanted, feedback=None):
        """Schedule, close and drop the activities of one type on each document.

        ``wanted`` maps a document id to ``{user: summary}``: whoever must
        act now (a summary may also be a dict of ``activity_schedule``
        arguments, e.g. with its ``date_deadline``).  Others' activities of
        that type are marked done (with ``feedback``) or, without feedback,
        removed.
        """
        xmlid = activity_type
        activity_type = self.env.ref(xmlid)
        for document in self.sudo():
            users = wanted.get(document.id, {})
            activities = document.activity_ids.filtered(
                lambda act: act.activity_type_id == activity_type
            )
            for activity in activities.filtered(lambda act, u=users: act.user_id not in u):
                if feedback:
                    activity.action_feedback(feedback=feedback)
                else:
                    activity.unlink()
            scheduled = activities.exists().user_id
            for user, summary in users.items():
                if user not in scheduled:
                    values = summary if isinstance(summary, dict) else {"summary": summary}
                    document.activity_schedule(xmlid, user_id=user.id, **values)
