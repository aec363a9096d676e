#!/usr/bin/env bash
# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
#
# `make screenshots`: the PNGs of static/description/, in English and Chinese.
#
# A throwaway database gets the addon with its demo data and Chinese, is
# served on SCREENSHOT_PORT (8099, beside a `make run` on 8069), and
# tools/screenshots.py photographs the main screens in headless Chromium.
# The server is stopped and the database dropped afterwards.
source "$(dirname "$0")/common.sh"

PORT=${SCREENSHOT_PORT:-8099}
prepare_odoo
ensure_chromium
find_chromium >/dev/null || die "Chromium is needed for screenshots (sudo apt-get install chromium)."
# Chinese screens need a CJK font, or Chromium draws empty boxes.
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
    if is_root; then
        say "installing a Chinese font (fonts-wqy-microhei) from the distribution's packages"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-microhei >/dev/null
    else
        say "no Chinese font: the Chinese screenshots will show boxes (sudo apt-get install fonts-wqy-microhei)"
    fi
fi

DB="${ADDON}_screenshots_$$"
log="$BUILD/screenshots-$DB.log"
server=""
cleanup() {
    if [ -n "$server" ]; then
        kill "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
    fi
    drop_db "$DB"
}
trap cleanup EXIT

say "installing $ADDON with demo data, then Chinese, in the throwaway database $DB"
odoo -d "$DB" -i "$ADDON" --stop-after-init --log-level=warn > "$log" 2>&1 \
    || { tail -n 40 "$log"; die "installing $ADDON failed (full log: $log)"; }
# Data shipped as noupdate (the ladder's grade names) takes its Chinese names
# only when the terms are overwritten.
odoo -d "$DB" --load-language=zh_CN -u "$ADDON" --i18n-overwrite --stop-after-init \
    --log-level=warn >> "$log" 2>&1 \
    || { tail -n 40 "$log"; die "loading Chinese failed (full log: $log)"; }
if curl -fs -o /dev/null "http://127.0.0.1:$PORT/web/login"; then
    die "port $PORT is taken: set SCREENSHOT_PORT to a free port"
fi
say "serving $DB on http://127.0.0.1:$PORT"
# Started directly (not through a function), so that $! is Odoo's own PID.
"${ODOO_CMD[@]}" -c "$BUILD/odoo.conf" -d "$DB" --db-filter="^$DB\$" --http-port="$PORT" \
    --log-level=warn >> "$log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
    curl -fs -o /dev/null "http://127.0.0.1:$PORT/web/login" && break
    kill -0 "$server" 2>/dev/null || die "Odoo stopped (log: $log)"
    sleep 1
done
"$PY" "$ROOT/tools/screenshots.py" --url "http://127.0.0.1:$PORT" --db "$DB"
