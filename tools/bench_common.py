# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""What the benchmarks share: timing a call, and running a cron to its end."""

import time


def counted(env, function):
    """``function()`` in a fresh cache, flushed: (seconds, queries, result)."""
    env.invalidate_all()
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    result = function()
    env.flush_all()
    return time.perf_counter() - start, env.cr.sql_log_count - queries, result


def until_done(env, call, done=bool):
    """Call ``call()`` as the cron engine would, each call a transaction of its
    own, until ``done(result)`` is false: (seconds, queries, longest, calls that
    did some work)."""
    seconds = queries = longest = 0
    calls = 0
    while True:
        spent, count, result = counted(env, call)
        seconds += spent
        queries += count
        longest = max(longest, spent)
        if not done(result):
            return seconds, queries, longest, calls
        calls += 1
