#!/usr/bin/env bash
# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
#
# Shared preparation for `make run` and `make test`, sourced by tools/run.sh
# and tools/test.sh.  Everything it builds lives in $BUILD, outside the
# repository (Odoo's translation export walks the addon folder, links and all).
#
#   ensure_postgres   PostgreSQL installed, running, with a login role for Odoo
#   ensure_wkhtmltopdf  wkhtmltopdf for PDF reports (installed when root)
#   ensure_chromium   Chromium for browser tests and screenshots (installed when root)
#   find_odoo         an importable Odoo 18.0, else $ODOO_SRC, else the release
#   install_deps      Python test tools and OCA addons from PyPI
#   write_config      $BUILD/odoo.conf with the addons path and database access
#   prepare_odoo      all of the above, for commands that need Odoo
#
# Settings (environment): PYTHON, ODOO_SRC, PGHOST, PGPORT, DB_USER,
# DB_PASSWORD, HTTP_PORT, BUILD (where Odoo's files go).

set -euo pipefail

ADDON=hr_technical_grade
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD:-${XDG_CACHE_HOME:-$HOME/.cache}/$ADDON/$(printf '%s' "$ROOT" | sha1sum | cut -c1-10)}
PYTHON=${PYTHON:-python3}
PGHOST=${PGHOST:-localhost}
PGPORT=${PGPORT:-5432}
DB_USER=${DB_USER:-odoo}
DB_PASSWORD=${DB_PASSWORD:-odoo}
HTTP_PORT=${HTTP_PORT:-8069}
# The official release, downloaded when no Odoo is found (empty: never download).
ODOO_RELEASE_URL=${ODOO_RELEASE_URL-https://nightly.odoo.com/18.0/nightly/src/odoo_18.0.latest.tar.gz}
# OCA addons from PyPI: payroll (payslips), report_xlsx (XLSX reports).
OCA_ADDONS=("odoo-addon-payroll>=18.0,<18.1" "odoo-addon-report-xlsx>=18.0,<18.1")
# Python packages the tests and reports need beyond Odoo's own requirements.
PY_DEPS=("pytest-odoo>=2.3" "hypothesis" "websocket-client" "xlsxwriter" "openpyxl")

export PGHOST PGPORT
mkdir -p "$BUILD/stamps"

say() { printf '\033[1m[%s]\033[0m %s\n' "$ADDON" "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }
is_root() { [ "$(id -u)" = 0 ]; }

# ---------------------------------------------------------------- PostgreSQL

pg_ready() { command -v pg_isready >/dev/null && pg_isready -q -h "$PGHOST" -p "$PGPORT"; }

ensure_postgres() {
    if ! pg_ready; then
        if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
            is_root || die "PostgreSQL is not installed. Install it (sudo apt-get install postgresql) or point PGHOST/PGPORT at a server, then retry."
            say "installing PostgreSQL from the distribution's packages"
            apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        fi
        is_root || die "PostgreSQL is installed but not running on $PGHOST:$PGPORT. Start it (sudo service postgresql start), then retry."
        local version
        version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
        if ! pg_lsclusters -h 2>/dev/null | grep -q .; then
            pg_createcluster "$version" main >/dev/null
        fi
        say "starting PostgreSQL $version"
        pg_ctlcluster "$version" main start || service postgresql start
        for _ in $(seq 1 30); do pg_ready && break; sleep 1; done
        pg_ready || die "PostgreSQL did not start on $PGHOST:$PGPORT."
    fi
    if ! PGPASSWORD=$DB_PASSWORD psql -U "$DB_USER" -d postgres -tAc 'SELECT 1' >/dev/null 2>&1; then
        is_root || die "cannot log in to PostgreSQL as '$DB_USER'. Create the role: sudo -u postgres createuser --createdb --pwprompt $DB_USER (password '$DB_PASSWORD'), or set DB_USER/DB_PASSWORD."
        say "creating the PostgreSQL role '$DB_USER'"
        su postgres -c "psql -q -c \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN CREATE ROLE \\\"$DB_USER\\\" LOGIN CREATEDB PASSWORD '$DB_PASSWORD'; ELSE ALTER ROLE \\\"$DB_USER\\\" LOGIN CREATEDB PASSWORD '$DB_PASSWORD'; END IF; END \\\$\\\$;\""
    fi
}

# PDF reports are rendered by wkhtmltopdf (Debian's package).
ensure_wkhtmltopdf() {
    command -v wkhtmltopdf >/dev/null && return 0
    if is_root; then
        say "installing wkhtmltopdf (PDF reports) from the distribution's packages"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wkhtmltopdf >/dev/null \
            || say "could not install wkhtmltopdf: PDF reports will not render"
    else
        say "wkhtmltopdf is missing: PDF reports will not render (sudo apt-get install wkhtmltopdf)"
    fi
}

# Browser tests and screenshots drive a headless Chromium (Debian's package).
find_chromium() {
    local name
    for name in google-chrome chromium chromium-browser google-chrome-stable; do
        command -v "$name" && return 0
    done
    return 1
}

ensure_chromium() {
    find_chromium >/dev/null && return 0
    if is_root; then
        say "installing Chromium (browser tests) from the distribution's packages"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
            || say "could not install Chromium: the browser tests will be SKIPPED"
    else
        say "Chromium is missing: the browser tests will be SKIPPED (sudo apt-get install chromium)"
    fi
}

psql_db() { PGPASSWORD=$DB_PASSWORD psql -U "$DB_USER" -d postgres -tAc "$1"; }
db_exists() { [ "$(psql_db "SELECT 1 FROM pg_database WHERE datname = '$1'")" = 1 ]; }
drop_db() {
    psql_db "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$BUILD/data/filestore/$1"
}

# ---------------------------------------------------------------------- Odoo

# Sets ODOO_CMD (the command that runs Odoo) and ODOO_ADDONS (extra addons
# folders of a source tree), or leaves ODOO_CMD empty when none can be had.
ODOO_CMD=()
ODOO_ADDONS=""

odoo_importable() {
    "$PYTHON" -c 'import odoo.cli, odoo.release as r; assert r.version_info[:2] == (18, 0)' 2>/dev/null
}

pip_install() { "$PYTHON" -m pip install -q --disable-pip-version-check "$@"; }

# Install a source tree's requirements once.  Odoo 18 pins cbor2 5.4.2, which
# does not build with a current setuptools on Python 3.11: 5.6.2 does.
install_odoo_requirements() {
    local src=$1 req stamp
    req="$BUILD/odoo-requirements.txt"
    sed -E 's/^cbor2==5\.4\.2.*/cbor2==5.6.2/' "$src/requirements.txt" > "$req"
    stamp="$BUILD/stamps/odoo-req-$(cat "$req" | sha1sum | cut -c1-12)"
    if [ ! -e "$stamp" ]; then
        say "installing Odoo's Python requirements"
        pip_install -r "$req"
        touch "$stamp"
    fi
}

use_source_tree() {
    local src=$1
    [ -f "$src/odoo/release.py" ] || die "$src is not an Odoo source tree (no odoo/release.py)."
    grep -q "version_info = (18, 0," "$src/odoo/release.py" || die "$src is not Odoo 18.0."
    install_odoo_requirements "$src"
    export PYTHONPATH="$src${PYTHONPATH:+:$PYTHONPATH}"
    ODOO_CMD=("$PYTHON" "$src/odoo-bin")
    if [ -d "$src/addons" ]; then ODOO_ADDONS="$src/addons"; fi
}

download_release() {
    local dest="$BUILD/odoo-release" archive="$BUILD/odoo_18.0.latest.tar.gz"
    if [ ! -f "$dest/odoo/release.py" ]; then
        [ -n "$ODOO_RELEASE_URL" ] || return 1
        say "downloading the official Odoo 18.0 release"
        command -v curl >/dev/null || return 1
        curl -fsSL --retry 2 -o "$archive.part" "$ODOO_RELEASE_URL" || return 1
        mv "$archive.part" "$archive"
        rm -rf "$dest" && mkdir -p "$dest"
        tar -xzf "$archive" -C "$dest" --strip-components=1 || return 1
    fi
    echo "$dest"
}

find_odoo() {
    if odoo_importable; then
        ODOO_CMD=("$PYTHON" -m odoo)
    elif [ -n "${ODOO_SRC:-}" ]; then
        use_source_tree "$ODOO_SRC"
    else
        local src
        if src=$(download_release); then
            use_source_tree "$src"
        else
            say "could not download Odoo 18.0 (ODOO_RELEASE_URL=${ODOO_RELEASE_URL:-<empty>})"
            ODOO_CMD=()
        fi
    fi
}

# ---------------------------------------------------------------- Packages

install_deps() {
    local key stamp
    key=$(printf '%s\n' "${OCA_ADDONS[@]}" "${PY_DEPS[@]}" | sha1sum | cut -c1-12)
    stamp="$BUILD/stamps/deps-$key"
    [ -e "$stamp" ] && [ -d "$BUILD/oca/odoo/addons/payroll" ] && return 0
    say "installing Python and OCA dependencies from PyPI"
    pip_install "${PY_DEPS[@]}"
    # OCA wheels declare a dependency on the 'odoo' distribution and install
    # into odoo/addons: keep them in their own folder, on the addons path, so
    # that they never shadow the Odoo in use.
    rm -rf "$BUILD/oca"
    pip_install --no-deps --target "$BUILD/oca" "${OCA_ADDONS[@]}"
    touch "$stamp"
}

# ------------------------------------------------------------------ Config

write_config() {
    # Odoo finds addons by folder name: the repository may be checked out
    # under any name, so it is linked as $BUILD/addons/hr_technical_grade.
    mkdir -p "$BUILD/addons" "$BUILD/data"
    ln -sfn "$ROOT" "$BUILD/addons/$ADDON"
    local addons_path="$BUILD/oca/odoo/addons,$BUILD/addons"
    if [ -n "$ODOO_ADDONS" ]; then addons_path="$ODOO_ADDONS,$addons_path"; fi
    cat > "$BUILD/odoo.conf" <<CONF
[options]
addons_path = $addons_path
data_dir = $BUILD/data
db_host = $PGHOST
db_port = $PGPORT
db_user = $DB_USER
db_password = $DB_PASSWORD
http_port = $HTTP_PORT
http_interface = 127.0.0.1
list_db = True
CONF
}

odoo() { "${ODOO_CMD[@]}" -c "$BUILD/odoo.conf" "$@"; }

# Everything a command that needs Odoo prepares: Odoo, PostgreSQL, the PDF
# renderer, the dependencies and the configuration.
prepare_odoo() {
    find_odoo
    [ ${#ODOO_CMD[@]} -gt 0 ] || die "no Odoo 18.0 found: install it, or set ODOO_SRC to an Odoo 18.0 source tree."
    ensure_postgres
    ensure_wkhtmltopdf
    install_deps
    write_config
}

# Fingerprint of the addon's tracked and new files: a changed addon is updated.
addon_fingerprint() {
    (cd "$ROOT" && { git ls-files -s; git ls-files -o --exclude-standard | xargs -r sha1sum; git diff; } 2>/dev/null) | sha1sum | cut -c1-12
}
