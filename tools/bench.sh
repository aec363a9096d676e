#!/usr/bin/env bash
# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
#
# `make bench`: the benchmarks (payslip batch, opening a campaign, opening a
# review period, filling KPI entries from records), in a throwaway database.
# BENCH_EMPLOYEES gives the sizes of the campaign and review period openings
# (default "2000 10000"; the largest is built once per benchmark, which takes a
# few minutes for 10,000 engineers); BENCH_KPI_EMPLOYEES and BENCH_KPI_RECORDS
# those of the KPI entries filled from records (default "500 2000" engineers
# and 50,000 source records).

source "$(dirname "$0")/common.sh"

prepare_odoo

DB="${ADDON}_bench_$$"
# The payroll benchmark commits what it creates: it runs on a copy.
PAYROLL_DB="${ADDON}_bench_payroll_$$"
trap 'drop_db "$DB"; drop_db "$PAYROLL_DB"' EXIT
say "installing $ADDON (without demo data) in $DB"
odoo -d "$DB" -i "$ADDON" --without-demo=all --stop-after-init --log-level=warn
psql_db "CREATE DATABASE \"$PAYROLL_DB\" TEMPLATE \"$DB\"" >/dev/null
"$PY" "$ROOT/tools/bench_payroll.py" -c "$BUILD/odoo.conf" -d "$PAYROLL_DB"
# shellcheck disable=SC2086 # the sizes are words
"$PY" "$ROOT/tools/bench_campaign.py" -c "$BUILD/odoo.conf" -d "$DB" \
    --employees ${BENCH_EMPLOYEES:-2000 10000}
# shellcheck disable=SC2086 # the sizes are words
"$PY" "$ROOT/tools/bench_reviews.py" -c "$BUILD/odoo.conf" -d "$DB" \
    --employees ${BENCH_EMPLOYEES:-2000 10000}
# shellcheck disable=SC2086 # the sizes are words
"$PY" "$ROOT/tools/bench_kpi_sources.py" -c "$BUILD/odoo.conf" -d "$DB" \
    --employees ${BENCH_KPI_EMPLOYEES:-500 2000} --records ${BENCH_KPI_RECORDS:-50000}
