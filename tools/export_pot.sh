#!/usr/bin/env bash
# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
#
# `make pot`: export i18n/hr_technical_grade.pot from a throwaway database and
# merge it into every i18n/*.po (new strings arrive untranslated).

source "$(dirname "$0")/common.sh"

prepare_odoo
command -v msgmerge >/dev/null || { is_root && apt-get install -y -qq gettext >/dev/null; } || die "msgmerge is missing: install gettext."

DB="${ADDON}_pot_$$"
trap 'drop_db "$DB"' EXIT
odoo -d "$DB" -i "$ADDON" --without-demo=all --stop-after-init --log-level=warn
LOG="$BUILD/export-pot.log"
odoo -d "$DB" --modules="$ADDON" --i18n-export="$ROOT/i18n/$ADDON.pot" --stop-after-init --log-level=warn 2>&1 | tee "$LOG"
# A file whose terms cannot be extracted is skipped with an error, not a
# failure: its strings would silently leave the .pot.
if grep -q "Failed to extract terms" "$LOG"; then
    die "some files' terms could not be extracted (see $LOG): the .pot would miss their strings."
fi
for po in "$ROOT"/i18n/*.po; do
    [ -e "$po" ] || continue
    msgmerge --quiet --update --no-fuzzy-matching --backup=none "$po" "$ROOT/i18n/$ADDON.pot"
done
say "exported i18n/$ADDON.pot"
