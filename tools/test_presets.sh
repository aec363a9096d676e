#!/usr/bin/env bash
# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
#
# `make test-presets`: the preset KPI indicators against the modules they read.
#
# None of repair, project, hr_expense and OCA helpdesk_mgmt is a dependency of
# the addon, and the database of `make test` has none of them.  Here a
# throwaway database gets the addon with all four (and their demo data; the
# install log must be free of warnings and errors), then pytest-odoo runs the
# tests tagged kpi_presets_installed (real repair orders, tasks, expenses and
# tickets, and the KPI entries computed from them) and the KPI source tests,
# which then load the presets on the installed modules.  Everywhere else those
# tagged tests are deselected (tools/pytest_test_tags.py), never skipped.
#
# helpdesk_mgmt comes from PyPI (odoo-addon-helpdesk-mgmt 18.0), into
# $BUILD/oca-presets: that folder is on the addons path of this command only.

given_conf=${ODOO_CONF:-}
source "$(dirname "$0")/common.sh"
# A configuration of its own: `make test` may run meanwhile.
ODOO_CONF=${given_conf:-$BUILD/odoo-presets.conf}

ensure_venv
EXTRA_ADDONS_PATH=$(install_preset_addons)
INSTALL_MODULES=${INSTALL_MODULES:-repair,project,hr_expense,helpdesk_mgmt}
OPTIONAL_TEST_TAGS=kpi_presets_installed
export EXTRA_ADDONS_PATH INSTALL_MODULES OPTIONAL_TEST_TAGS
# The preset tests and the KPI source tests, unless the arguments name tests.
named=""
for arg in "$@"; do
    if [[ "$arg" == tests/* ]]; then named=1; fi
done
if [ -z "$named" ]; then
    set -- tests/test_kpi_presets_installed.py tests/test_review_kpi_source.py "$@"
fi
export ODOO_CONF
exec bash "$ROOT/tools/test.sh" "$@"
