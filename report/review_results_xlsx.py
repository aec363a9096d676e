# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import models
from odoo.exceptions import AccessError

OFFICER = "hr_technical_grade.group_technical_grade_officer"


class ReviewResultsXlsx(models.AbstractModel):
    """A period's review results: one row per employee, a column per KPI and 360 group."""

    _name = "report.hr_technical_grade.review_results_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Performance Review Results (XLSX)"

    def _columns(self, kpis):
        """``(label, getter, width, kind)`` of each column; kind: text, number or date.

        Each part of the review (KPI, results form, 360° by group), the final
        combined score and band, then the consequences: the pay step one
        level down with its dates, the stand-by days, no raise this cycle and
        the demotion proposal.
        """
        labels = dict(
            self.env["hr.technical.grade.review"]._fields["band"]._description_selection(self.env)
        )
        columns = [
            (self.env._("Employee"), lambda r: r.employee_id.name, 24, "text"),
            (self.env._("Department"), lambda r: r.department_id.display_name, 24, "text"),
            (self.env._("Period"), lambda r: r.period, 10, "text"),
        ]
        for kpi in kpis:
            columns.append(
                (
                    kpi.name,
                    lambda r, kpi=kpi: sum(
                        r.line_ids.filtered(lambda line: line.kpi_id == kpi).mapped("adjustment")
                    ),
                    12,
                    "number",
                )
            )
        columns += [
            (self.env._("KPI Score"), lambda r: r.kpi_score, 10, "number"),
            (self.env._("Results Form Score"), lambda r: r.results_score, 10, "number"),
            (self.env._("Superior"), lambda r: r.superior_score, 10, "number"),
            (self.env._("Peers"), lambda r: r.peers_score, 10, "number"),
            (self.env._("Subordinates"), lambda r: r.subordinates_score, 10, "number"),
            (self.env._("360° Score"), lambda r: r.score_360, 10, "number"),
            (self.env._("Combined Final Score"), lambda r: r.final_score, 10, "number"),
            (self.env._("Band"), lambda r: labels.get(r.band, ""), 12, "text"),
            (self.env._("Pay Step: Grade Paid"), lambda r: _step(r).paid_grade_id.name, 18, "text"),
            (self.env._("Pay Step From"), lambda r: _step(r).date_from, 12, "date"),
            (self.env._("Pay Step To"), self._step_end, 14, "date"),
            (
                self.env._("Pay Step Status"),
                lambda r: _step(r)._state_label() if _step(r) else "",
                12,
                "text",
            ),
            (self.env._("Stand-by Training"), self._standby_dates, 24, "text"),
            (
                self.env._("Stand-by Working Days"),
                lambda r: sum(_standbys(r).mapped("working_days")) if _standbys(r) else None,
                10,
                "number",
            ),
            (self.env._("No Raise This Cycle"), self._no_raise, 14, "text"),
            (
                self.env._("Demotion Proposal"),
                lambda r: r.demotion_evaluation_id.name,
                16,
                "text",
            ),
        ]
        return columns

    def _step_end(self, review):
        """The pay step's last day; open-ended: until the next passed review."""
        step = _step(review)
        if step and not step.date_to:
            return self.env._("the next passed review")
        return step.date_to

    def _standby_dates(self, review):
        return ", ".join(
            self.env._(
                "%(date_from)s – %(date_to)s",
                date_from=standby.date_from.isoformat(),
                date_to=standby.date_to.isoformat(),
            )
            for standby in _standbys(review).sorted("date_from")
        )

    def _no_raise(self, review):
        """Yes, or the exception HR recorded (seed 003: a general raise, post gaps)."""
        if review.state != "done" or not review.no_raise:
            return ""
        if review.raise_exception:
            return self.env._(
                "Except: %(exception)s", exception=review._selection_label("raise_exception")
            )
        return self.env._("Yes")

    def generate_xlsx_report(self, workbook, data, reviews):
        if not self.env.user.has_group(OFFICER):
            raise AccessError(self.env._("Only HR exports the review results."))
        # The 360 group scores are HR's: read them once the right is checked.
        reviews = reviews.sudo().sorted(lambda r: (r.period_start, r.department_id.id, r.id))
        title = workbook.add_format({"bold": True, "font_size": 14})
        header = workbook.add_format(
            {"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True}
        )
        formats = {
            "number": workbook.add_format({"num_format": "0.00"}),
            "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
        }
        kpis = reviews.line_ids.kpi_id.sorted(lambda k: (k.sequence, k.id))
        columns = self._columns(kpis)
        sheet = workbook.add_worksheet(self.env._("Review Results")[:31])
        periods = ", ".join(dict.fromkeys(reviews.mapped("period")))
        sheet.write(
            0, 0, self.env._("Performance Review Results %(periods)s", periods=periods), title
        )
        for col, (label, _getter, width, _kind) in enumerate(columns):
            sheet.write(2, col, label, header)
            sheet.set_column(col, col, width)
        for row, review in enumerate(reviews, start=3):
            for col, (_label, getter, _width, kind) in enumerate(columns):
                value = getter(review)
                if value is None or value is False or value == "":
                    sheet.write_blank(row, col, None)
                elif isinstance(value, str):
                    sheet.write_string(row, col, value)
                elif kind == "date":
                    sheet.write_datetime(row, col, value, formats["date"])
                else:
                    sheet.write_number(row, col, value, formats["number"])
        sheet.freeze_panes(3, 1)


def _step(review):
    """The review's latest pay step (a review opens one at most)."""
    return review.pay_step_ids[:1]


def _standbys(review):
    return review.standby_ids.filtered(lambda s: s.state == "recorded")
