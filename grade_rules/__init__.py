# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Business rules of technical grades that need no ORM.

Nothing in this package imports Odoo: models call it with plain values and
turn its exceptions into translated user errors.  The same functions are
tested with plain pytest, without a database.
"""

from .history import (
    ContinuityError,
    Segment,
    check_continuity,
    continuity_problems,
    full_months_between,
    months_in_value,
    plan_change,
    segment_at,
    value_at,
)
from .proration import (
    PayPart,
    calendar_days,
    prorate,
    round_amount,
    split_by_table,
    table_chain,
    total,
)
from .scoring import WeightError, check_weights, weighted_score
from .eligibility import Problem, demotion_problems, promotion_problems
from .committee import combine, excuse_reason
from .quota import Candidate, Ranked, rank_candidates
from .kpi import KpiError, KpiRule, kpi_total, line_adjustment, target_met
from .review import (
    band,
    consecutive_failures,
    group_weights,
    score_360,
    weighted_total,
    yearly_result,
)
from .consequences import (
    STANDBY_MIN_DAYS,
    demotion_runs,
    next_period_start,
    overlay,
    pay_step_end,
    standby_too_short,
)
from .cycle import evaluation_window, next_window_start
from .calibration import guideline_breach, pass_rate, spreads
from .points import PointsError, check_minimums, placement
