#!/usr/bin/env bash
# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
#
# `make test-odoo`: every test of the addon under Odoo's own runner, as OCA CI
# and most integrators run an addon:
#
#   odoo -d DB -i hr_technical_grade --test-enable --test-tags /hr_technical_grade
#
# on a fresh database with demo data (TEST_TAGS=/hr_technical_grade:TestX runs
# fewer).  The at_install tests (the plain rule
# tests among them) run right after the addon is installed, the post_install
# ones (browser tours included) at the end.  Prints one closing line
# "odoo-runner: N passed, N failed, N skipped"; a browser test skipped while
# Chromium and websocket-client are there fails the run, as under `make test`.

source "$(dirname "$0")/common.sh"

prepare_test_run

DB="${ADDON}_odoo_test_$$"
trap 'drop_db "$DB"' EXIT
drop_db "$DB"
log="$BUILD/odoo-tests-$DB.log"
say "installing $ADDON with demo data and running its tests with Odoo's runner in $DB"
say "log: $log"
set +e
odoo -d "$DB" -i "$ADDON" --test-enable --test-tags "${TEST_TAGS:-/$ADDON}" --stop-after-init \
    --log-level=info --log-handler=odoo.tests.stats:WARNING > "$log" 2>&1
rc=$?
set -e

# "N failed, N error(s) of N tests when loading database 'DB'"
report=$(grep -oE '[0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests when loading database' "$log" | tail -n 1)
if [ -z "$report" ]; then
    tail -n 60 "$log"
    die "Odoo's runner gave no test report (exit $rc; full log: $log)"
fi
read -r failed errors ran < <(sed -E 's/^([0-9]+) failed, ([0-9]+) error\(s\) of ([0-9]+) tests.*/\1 \2 \3/' <<< "$report")
skipped=$(grep -cE ' (INFO|WARNING) [^ ]+ odoo\.[^ ]+: skipped ' "$log" || true)
# Failures and errors, with their tracebacks, as Odoo logged them.
grep -E ' (ERROR|CRITICAL) ' "$log" | grep -v "Running as user 'root'" | head -n 40 || true
if [ "$skipped" -gt 0 ]; then
    grep -E ' (INFO|WARNING) [^ ]+ odoo\.[^ ]+: skipped ' "$log" | sed -E 's/^.*: skipped /  skipped /' | sort | uniq -c | head -n 20
fi
if [ "$ran" -eq 0 ]; then
    rc=1
    say "Odoo's runner ran no test"
fi
if [ "$skipped" -gt 0 ] && find_chromium >/dev/null \
    && "$PY" -c 'import websocket' 2>/dev/null \
    && grep -E ': skipped ' "$log" | grep -qiE 'chrome|browser|websocket'; then
    rc=1
    say "FAILED: Chromium and websocket-client are installed, yet browser tests were skipped"
fi
[ "$((failed + errors))" -eq 0 ] || rc=1
echo
echo "odoo-runner: $((ran - failed - errors - skipped)) passed, $((failed + errors)) failed, $skipped skipped"
exit "$rc"
