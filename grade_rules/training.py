# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The training of new staff and their early confirmation (seed 000, 新员工考核).

"新员工进厂后,如需安排为售后服务人员岗位的,一律进行为期2个月的业务技能培训。
(有1年以上经验的售后人员可在1个月时申请提前转正考核)": a new hire of a ladder
with a training period is trained for ``training_months`` from the start of
the contract, then takes the initial grading; one with at least
``min_experience_years`` of experience may apply for it once
``early_months`` of the training are done.

Months are calendar months: a training started on 31 January for one month
ends on the last day of February (never shorter than its months).
"""

from .consequences import add_months

NO_TRAINING = "no_training"  # the ladder has no training period
NO_EARLY = "no_early"  # the ladder allows no early confirmation
TOO_EARLY = "too_early"  # the early months are not done yet
TRAINING_OVER = "training_over"  # the training has ended: the regular grading is due
EXPERIENCE = "experience"  # not enough experience for an early confirmation


def training_end(start, months):
    """The day the training that started on ``start`` ends (None: no training)."""
    if months < 0:
        raise ValueError("a training period cannot be negative")
    if not months:
        return None
    return add_months(start, months)


def early_confirmation_day(start, training_months, early_months):
    """The first day an early confirmation may be asked (None: never)."""
    if early_months < 0:
        raise ValueError("an early confirmation cannot come after a negative period")
    if not training_months or not early_months or early_months >= training_months:
        return None
    return add_months(start, early_months)


def early_confirmation_problems(
    today, start, training_months, early_months, experience_years, min_experience_years
):
    """Why an early confirmation may not be asked on ``today``, as ``(code, value)``.

    ``value`` is the day the early months end for ``TOO_EARLY``, the
    training's end for ``TRAINING_OVER`` and the years required for
    ``EXPERIENCE``; an empty list means the employee may ask.
    """
    if not training_months:
        return [(NO_TRAINING, None)]
    first = early_confirmation_day(start, training_months, early_months)
    if first is None:
        return [(NO_EARLY, None)]
    end = training_end(start, training_months)
    problems = []
    if today >= end:
        return [(TRAINING_OVER, end)]
    if today < first:
        problems.append((TOO_EARLY, first))
    if experience_years < min_experience_years:
        problems.append((EXPERIENCE, min_experience_years))
    return problems


# The layered and modular training of the Haier variant (seed 000,
# 海尔售后工程师升级方案, 培训体系构建): courses per level (初级/中级/高级),
# their content split into modules each with its own assessment standard, and
# training held online or on site.

ONLINE = "online"
OFFLINE = "offline"
# 线上培训: 远程培训、在线考试、案例分析; 线下培训: 集中培训、实地操作、经验交流.
METHODS = {
    ONLINE: ("remote", "online_exam", "case_analysis"),
    OFFLINE: ("classroom", "on_site", "experience_sharing"),
}

PENDING = "pending"
PASSED = "passed"
FAILED = "failed"
ABSENT = "absent"
DECIDED = (PASSED, FAILED, ABSENT)


def method_fits_mode(mode, method):
    """Whether a training method belongs to its mode (online or on site)."""
    if mode not in METHODS:
        raise ValueError(f"unknown training mode {mode!r}")
    return method in METHODS[mode]


def module_standing(results):
    """The latest decided result of each module, from ``(module, day, result)``.

    A result still pending is no result; of two results of a module, the one
    of the later day counts (a module failed then passed again is passed, and
    the reverse), and on the same day a pass counts over a failure.
    """
    best = {}
    for module, day, result in results:
        if result not in DECIDED:
            continue
        key = (day, result == PASSED)
        if module not in best or key > best[module][0]:
            best[module] = (key, result)
    return {module: result for module, (_key, result) in best.items()}


def modules_to_pass(required, results):
    """The modules of ``required`` (in their order) not passed by ``results``."""
    standing = module_standing(results)
    return [module for module in required if standing.get(module) != PASSED]
