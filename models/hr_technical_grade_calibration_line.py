# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from collections import defaultdict

from odoo import api, fields, models, tools
from odoo.tools import SQL

from ..grade_rules import calibration as calibration_rules


class HrTechnicalGradeCalibrationLine(models.Model):
    """The calibration of a campaign (公平、公正、公开), per target grade and department.

    One row per campaign, target grade and department of the candidates
    (cancelled evaluations left out): how many candidates, the mean, lowest
    and highest final score of those scored, how many passed and failed.
    Before the chair signs, a candidate whose committee has closed the
    scoring counts as passed when the final score reaches the pass mark;
    a result or a score the committee adjusted counts as adjusted.

    The flags compare each department with the other departments of the same
    target grade (outliers) and each target grade with the company's
    guideline and the campaign's quota (``grade_rules.calibration``).  Read
    by HR and the committee only (read-only report).
    """

    _name = "hr.technical.grade.calibration.line"
    _description = "Technical Grade Campaign Calibration"
    _auto = False
    _order = "campaign_id, target_grade_id, department_id"
    _rec_name = "target_grade_id"
    # What the view reads: flushed before each search.
    _depends = {
        "hr.technical.grade.evaluation": [
            "campaign_id",
            "company_id",
            "department_id",
            "target_grade_id",
            "state",
            "result",
            "final_score",
            "committee_state",
            "calibrated_result",
            "has_calibrated_score",
        ],
        "res.company": ["technical_grade_pass_mark"],
    }

    campaign_id = fields.Many2one("hr.technical.grade.campaign", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    target_grade_id = fields.Many2one("hr.technical.grade", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    candidate_count = fields.Integer(string="Candidates", readonly=True)
    scored_count = fields.Integer(
        string="Scored", readonly=True, help="Candidates with a final score or a result."
    )
    score_total = fields.Float(readonly=True, digits=(10, 2))
    score_mean = fields.Float(string="Mean Score", readonly=True, digits=(5, 2))
    score_min = fields.Float(string="Lowest Score", readonly=True, digits=(5, 2))
    score_max = fields.Float(string="Highest Score", readonly=True, digits=(5, 2))
    passed_count = fields.Integer(string="Passed", readonly=True)
    failed_count = fields.Integer(string="Failed", readonly=True)
    adjusted_count = fields.Integer(
        string="Adjusted", readonly=True, help="Candidates whose result or score was adjusted."
    )
    pass_rate = fields.Float(string="Pass Rate (%)", compute="_compute_flags", digits=(5, 2))
    others_mean = fields.Float(
        string="Mean of the Other Departments",
        compute="_compute_flags",
        digits=(5, 2),
        help="Mean final score of the scored candidates of the other departments for the "
        "same target grade.",
    )
    score_gap = fields.Float(
        string="Gap to the Others",
        compute="_compute_flags",
        digits=(5, 2),
        help="This department's mean score minus the mean of the other departments.",
    )
    is_outlier = fields.Boolean(
        string="Outlier",
        compute="_compute_flags",
        help="The department's mean score sits more than the company's outlier gap above "
        "the mean of the other departments.",
    )
    grade_candidate_count = fields.Integer(
        string="Grade Candidates", compute="_compute_flags", help="All departments together."
    )
    grade_passed_count = fields.Integer(
        string="Grade Passed", compute="_compute_flags", help="All departments together."
    )
    grade_pass_rate = fields.Float(
        string="Grade Pass Rate (%)", compute="_compute_flags", digits=(5, 2)
    )
    has_quota = fields.Boolean(compute="_compute_flags")
    quota = fields.Integer(
        compute="_compute_flags", help="The campaign's quota of the target grade."
    )
    max_pass_rate = fields.Float(
        string="Maximum Pass Rate (%)",
        compute="_compute_flags",
        digits=(5, 2),
        help="The company's guideline (0: none).",
    )
    guideline_breach = fields.Boolean(
        string="Beyond the Guideline",
        compute="_compute_flags",
        help="More candidates of the target grade passed than the campaign's quota, or "
        "their pass rate exceeds the company's maximum.",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE VIEW %s AS (
                SELECT
                    MIN(candidate.id) AS id,
                    candidate.campaign_id AS campaign_id,
                    candidate.company_id AS company_id,
                    candidate.target_grade_id AS target_grade_id,
                    candidate.department_id AS department_id,
                    COUNT(*) AS candidate_count,
                    COUNT(*) FILTER (WHERE candidate.is_scored) AS scored_count,
                    COALESCE(
                        SUM(candidate.final_score) FILTER (WHERE candidate.is_scored), 0
                    ) AS score_total,
                    ROUND(
                        AVG(candidate.final_score) FILTER (WHERE candidate.is_scored)::numeric, 2
                    ) AS score_mean,
                    MIN(candidate.final_score) FILTER (WHERE candidate.is_scored) AS score_min,
                    MAX(candidate.final_score) FILTER (WHERE candidate.is_scored) AS score_max,
                    COUNT(*) FILTER (WHERE candidate.is_passed) AS passed_count,
                    COUNT(*) FILTER (
                        WHERE candidate.is_scored AND NOT candidate.is_passed
                    ) AS failed_count,
                    COUNT(*) FILTER (WHERE candidate.is_adjusted) AS adjusted_count
                FROM (
                    SELECT
                        evaluation.id,
                        evaluation.campaign_id,
                        evaluation.company_id,
                        evaluation.target_grade_id,
                        evaluation.department_id,
                        COALESCE(evaluation.final_score, 0) AS final_score,
                        (
                            evaluation.result IN ('passed', 'failed')
                            OR evaluation.committee_state IN ('closed', 'signed')
                            OR COALESCE(evaluation.has_calibrated_score, FALSE)
                        ) AS is_scored,
                        (
                            evaluation.result = 'passed'
                            OR (
                                evaluation.result = 'pending'
                                AND evaluation.committee_state = 'closed'
                                AND COALESCE(evaluation.final_score, 0)
                                    >= COALESCE(company.technical_grade_pass_mark, 0)
                            )
                        ) AS is_passed,
                        (
                            evaluation.calibrated_result IS NOT NULL
                            OR COALESCE(evaluation.has_calibrated_score, FALSE)
                        ) AS is_adjusted
                    FROM hr_technical_grade_evaluation evaluation
                    JOIN res_company company ON company.id = evaluation.company_id
                    WHERE evaluation.campaign_id IS NOT NULL
                        AND evaluation.state != 'cancel'
                ) candidate
                GROUP BY
                    candidate.campaign_id,
                    candidate.company_id,
                    candidate.target_grade_id,
                    candidate.department_id
            )
                """,
                SQL.identifier(self._table),
            )
        )

    @api.depends_context("uid")
    def _compute_flags(self):
        """The flags of the lines, compared with every line of their target grade.

        The sibling lines are read in one search (as superuser: the flags are
        the campaign's facts, whoever reads them); the rules are
        ``grade_rules.calibration``.
        """
        lines = self.sudo()
        siblings = defaultdict(lines.browse)
        for line in lines.search([("campaign_id", "in", lines.campaign_id.ids)]):
            siblings[line.campaign_id, line.target_grade_id] |= line
        quotas = {
            (quota.campaign_id, quota.grade_id): quota.quota
            for quota in lines.campaign_id.quota_ids
        }
        facts = {}
        for (campaign, grade), group in siblings.items():
            company = campaign.company_id
            spreads = calibration_rules.spreads(
                [
                    calibration_rules.Group(line.id, line.scored_count, line.score_total)
                    for line in group
                ],
                company.technical_grade_calibration_outlier_points,
            )
            candidates = sum(group.mapped("candidate_count"))
            passed = sum(group.mapped("passed_count"))
            quota = quotas.get((campaign, grade))
            max_rate = company.technical_grade_calibration_max_pass_rate
            breach = calibration_rules.guideline_breach(passed, candidates, quota, max_rate)
            for line in group:
                facts[line.id] = (spreads[line.id], candidates, passed, quota, max_rate, breach)
        for line in self:
            spread, candidates, passed, quota, max_rate, breach = facts[line.id]
            line.pass_rate = float(
                calibration_rules.pass_rate(line.passed_count, line.candidate_count) or 0
            )
            line.others_mean = float(spread.others_mean or 0)
            line.score_gap = float(spread.gap or 0)
            line.is_outlier = spread.outlier
            line.grade_candidate_count = candidates
            line.grade_passed_count = passed
            line.grade_pass_rate = float(calibration_rules.pass_rate(passed, candidates) or 0)
            line.has_quota = quota is not None
            line.quota = quota or 0
            line.max_pass_rate = max_rate
            line.guideline_breach = breach
