# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The validity of a grade certificate and its recertification (等级复审, seed 000).

A grade may be held for a limited validity of ``months`` months from the day it
was granted (or last recertified).  The certificate is valid through the day
before the same date ``months`` months later; when that month has no such day
(granted on 31 January, one month), it is valid through the last day of that
month, so that a validity is never shorter than its months.

A recertification is prepared ``window_days`` before the expiry.  A
certificate lapses when its expiry has passed without a passed
recertification, and none is in progress; the engineer always has at least
the window between the preparation and the lapse (a validity set after the
fact does not lapse on the day it is prepared).
"""

import calendar
from datetime import date, timedelta

NONE = "none"
VALID = "valid"
EXPIRING = "expiring"
EXPIRED = "expired"


def valid_until(granted, months):
    """The last day a certificate granted on ``granted`` is valid (None: no validity)."""
    if months < 0:
        raise ValueError("a validity cannot be negative")
    if not months or granted is None:
        return None
    index = granted.year * 12 + granted.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last_day = calendar.monthrange(year, month)[1]
    if granted.day > last_day:
        return date(year, month, last_day)
    return date(year, month, granted.day) - timedelta(days=1)


def preparation_day(expiry, window_days):
    """The day a recertification is prepared for a certificate valid until ``expiry``."""
    if window_days < 0:
        raise ValueError("the preparation window cannot be negative")
    return expiry - timedelta(days=window_days)


def due_for_preparation(expiry, today, window_days):
    """Whether a recertification of a certificate valid until ``expiry`` is due today."""
    return expiry is not None and preparation_day(expiry, window_days) <= today


def expiry_state(expiry, today, window_days):
    """``none`` (no validity), ``valid``, ``expiring`` (in the window) or ``expired``."""
    if expiry is None:
        return NONE
    if expiry < today:
        return EXPIRED
    if due_for_preparation(expiry, today, window_days):
        return EXPIRING
    return VALID


def lapse_day(expiry, prepared_on, window_days):
    """The first day a certificate counts as lapsed without a passed recertification.

    The day after the expiry, or, when the recertification was prepared late
    (the validity was set after the fact), the day after the full window
    counted from its preparation.
    """
    last = expiry
    if prepared_on is not None:
        last = max(last, prepared_on + timedelta(days=window_days))
    return last + timedelta(days=1)


def lapsed(expiry, today, prepared_on, window_days, passed=False, in_progress=False):
    """Whether the certificate lapsed on ``today``: past its lapse day, not
    recertified, and no recertification in progress (submitted or approved)."""
    if expiry is None or passed or in_progress:
        return False
    return today >= lapse_day(expiry, prepared_on, window_days)
