#!/usr/bin/env bash
# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
#
# `make run`: serve a demo database with the addon on http://localhost:8069.
# The first run installs what is missing; later runs reuse it and update the
# addon only when its files changed.

source "$(dirname "$0")/common.sh"

DB=${DB:-hr_technical_grade_demo}

prepare_odoo

stamp="$BUILD/stamps/run-$DB"
args=()
if ! db_exists "$DB"; then
    say "creating the demo database '$DB' (a few minutes, once)"
    odoo -d "$DB" -i "$ADDON" --stop-after-init --log-level=warn
    addon_fingerprint > "$stamp"
elif [ "$(cat "$stamp" 2>/dev/null)" != "$(addon_fingerprint)" ]; then
    say "the addon changed since the last run: updating it"
    args=(-u "$ADDON")
    addon_fingerprint > "$stamp"
fi

say "Odoo on http://localhost:$HTTP_PORT  database: $DB"
say "log in as admin / admin; demo users (password = login): tg_hr (HR officer), tg_engineer (engineer), tg_lead and tg_lead2 (team leads, superiors), tg_head (service head: department head, committee), tg_mvp and tg_hrvp (vice presidents), tg_gm (general manager, committee chair), tg_quality, tg_production and tg_rnd (committee), tg_market (market and customer service: evaluation material)"
odoo -d "$DB" --db-filter="^$DB\$" "${args[@]}"
