# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import fields, models

# What ``_sync_activities(refresh=True)`` compares to tell an activity is stale.
REFRESHED = ("summary", "date_deadline")


class HrTechnicalGradeActivityMixin(models.AbstractModel):
    """The one helper through which documents put activities in the inbox.

    Each document model has one ``activity_update()`` that says, from its
    state, who must act now; this helper schedules, closes and drops the
    activities accordingly.
    """

    _name = "hr.technical.grade.activity.mixin"
    _description = "Technical Grade Inbox Activities"

    def _sync_activities(self, activity_type, wanted, feedback=None, refresh=False):
        """Schedule, close and drop the activities of one type on each document.

        ``wanted`` maps a document id to ``{user: summary}``: whoever must
        act now (a summary may also be a dict of ``activity_schedule``
        arguments, e.g. with its ``date_deadline``; a value of that dict
        may be a function without arguments, called only when the activity
        is scheduled or refreshed).  Others' activities of that type are
        marked done (with ``feedback``) or, without feedback, removed.  With
        ``refresh``, an activity kept whose summary or deadline differs from
        the wanted ones is rewritten.

        The new activities are created together, in one batch (what
        ``activity_schedule`` would do for each), without an assignment
        e-mail each unless the company asks for them
        (``technical_grade_activity_mail``).
        """
        xmlid = activity_type
        activity_type = self.env.ref(xmlid)
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = []
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
            kept = activities.exists()
            for user, summary in users.items():
                values = summary if isinstance(summary, dict) else {"summary": summary}
                mine = kept.filtered(lambda act, u=user: act.user_id == u)
                if not mine:
                    vals_list.append(
                        {
                            # What ``activity_schedule`` would write.
                            "activity_type_id": activity_type.id,
                            "summary": activity_type.summary,
                            "automated": True,
                            "note": activity_type.default_note,
                            "date_deadline": fields.Date.context_today(self),
                            "res_model_id": model_id,
                            "res_id": document.id,
                            "user_id": user.id,
                            **self._activity_values(values),
                        }
                    )
                elif refresh and any(
                    act[name] != values.get(name, act[name]) for act in mine for name in REFRESHED
                ):
                    mine.write(self._activity_values(values))
        if vals_list:
            # One batch for all the documents, whatever their users.
            self.sudo()._activity_quiet().env["mail.activity"].create(vals_list)

    def _activity_values(self, values):
        """``values`` with their functions called, and a deadline as a date."""
        values = {name: value() if callable(value) else value for name, value in values.items()}
        if values.get("date_deadline"):
            values["date_deadline"] = fields.Date.to_date(values["date_deadline"])
        return values

    def _activity_quiet(self):
        """The documents, in a context that sends no assignment e-mail, unless
        their company (or the current one) asks for one per activity."""
        companies = self.env.company
        if "company_id" in self._fields:
            companies |= self.sudo().company_id
        if any(companies.mapped("technical_grade_activity_mail")):
            return self
        return self.with_context(mail_activity_quick_update=True)
