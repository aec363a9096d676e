#!/usr/bin/env bash
# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
#
# `make test`: every test of the addon.
#
# With Odoo 18.0: a throwaway database gets the addon with its demo data (the
# install log must be free of warnings and errors), then pytest-odoo runs all
# tests in tests/ (the Odoo tests and the plain rule tests) against it, and
# the database is dropped.  Without Odoo: the plain rule tests run, and one
# loud line says the Odoo tests were skipped.
#
# Browser tests (HttpCase tours) need Chromium and websocket-client: Chromium
# is installed when missing and running as root.  Without a browser they are
# skipped and reported in one loud "SKIPPED: N browser tests" line, never as
# passed; with a browser, a skipped browser test fails the run
# (tools/pytest_browser_tests.py).

source "$(dirname "$0")/common.sh"

PYTEST_ARGS=("$@")
cd "$ROOT"

run_pure_tests_only() {
    say "installing the test tools into $VENV"
    pip_install "pytest" "hypothesis" "polib"
    # The addon's own __init__.py imports Odoo: the rule tests run from a copy
    # of what they read (the rules package, the catalogs, the test files),
    # laid out as the package they import relatively from.
    local pure
    pure=$(mktemp -d)
    trap 'rm -rf "$pure"' EXIT
    mkdir -p "$pure/$ADDON/tests"
    touch "$pure/$ADDON/__init__.py"
    cp -r "$ROOT/grade_rules" "$ROOT/i18n" "$pure/$ADDON/"
    cp "$ROOT"/tests/__init__.py "$ROOT"/tests/rules_case.py "$ROOT"/tests/test_rules_*.py "$pure/$ADDON/tests/"
    set +e
    (cd "$pure" && "$PY" -m pytest -p no:odoo -p no:cacheprovider --rootdir="$pure" "$ADDON/tests" "${PYTEST_ARGS[@]}")
    local rc=$?
    set -e
    echo
    echo "SKIPPED: Odoo tests (no Odoo 18.0 found: put a source tree in $ODOO_CACHE_SRC or set ODOO_SRC)"
    echo
    exit $rc
}

# The set-up's own tests (tools/tests): the release download against a local
# HTTP server, in throwaway folders.
run_setup_tests() {
    say "testing the set-up (tools/tests)"
    "$PY" -m unittest discover --start-directory "$ROOT/tools/tests" --top-level-directory "$ROOT/tools/tests"
}

ensure_venv
run_setup_tests
find_odoo
if [ ${#ODOO_CMD[@]} -eq 0 ]; then
    run_pure_tests_only
fi
prepare_test_run

DB="${ADDON}_test_$$"
trap 'drop_db "$DB"' EXIT
install_cleanly "$DB"
say "installed cleanly; running the tests with pytest-odoo"

# Tests are collected through the addon's link, so that pytest-odoo imports
# them as odoo.addons.hr_technical_grade.tests.*: paths given as arguments
# (tests/test_x.py) are taken through the link too.
targets=()
args=()
for arg in "${PYTEST_ARGS[@]}"; do
    if [[ "$arg" != -* && -e "$ROOT/${arg%%::*}" ]]; then
        targets+=("$BUILD/addons/$ADDON/$arg")
    else
        args+=("$arg")
    fi
done
[ ${#targets[@]} -gt 0 ] || targets=("$BUILD/addons/$ADDON/tests")
set +e
PYTHONPATH="$ROOT/tools${PYTHONPATH:+:$PYTHONPATH}" \
"$PY" -m pytest -p no:cacheprovider -p pytest_browser_tests -p pytest_test_tags -rs \
    --odoo-config="$ODOO_CONF" --odoo-database="$DB" --odoo-http \
    "${targets[@]}" "${args[@]}"
rc=$?
set -e
exit $rc
