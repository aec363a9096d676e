#!/usr/bin/env bash
# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
#
# Shared preparation for the make targets, sourced by tools/*.sh.
#
# Two folders, both outside the repository (Odoo's translation export walks
# the addon folder, links and all):
#
#   $CACHE  ~/.cache/hr_technical_grade, shared by every clone: the Odoo 18.0
#           source tree ($CACHE/odoo-18.0, filled by the release download or
#           by hand) and nothing else.
#   $BUILD  one per clone ($CACHE/build-<hash of the clone's path>), or any
#           folder named by BUILD: the project's own virtual environment
#           ($BUILD/venv), the OCA addons, odoo.conf, the filestore, logs.
#           Removing it undoes everything the project installed in Python.
#
# Functions:
#   ensure_venv         $BUILD/venv from $PYTHON, with --system-site-packages
#   ensure_system       Debian packages a command needs (installed when root)
#   ensure_postgres     PostgreSQL running, with a login role for Odoo
#   find_odoo           $ODOO_SRC, else an Odoo of $PYTHON, else the cache
#                       tree, else the release download
#   install_deps        Python test tools and OCA addons from PyPI, in the venv
#   install_preset_addons  the OCA addons of `make test-presets` ($BUILD/oca-presets)
#   write_config        $BUILD/odoo.conf with the addons path and database
#                       (and EXTRA_ADDONS_PATH, when set)
#   prepare_odoo        all of the above, for commands that need Odoo
#
# Nothing is ever pip-installed into $PYTHON itself: every pip install goes
# through the virtual environment's own interpreter ($PY).
#
# Settings (environment): PYTHON, ODOO_SRC, ODOO_RELEASE_URL, PGHOST, PGPORT,
# DB_USER, DB_PASSWORD, HTTP_PORT, BUILD, XDG_CACHE_HOME, ODOO_CONF.

set -euo pipefail

ADDON=hr_technical_grade
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/$ADDON
ODOO_CACHE_SRC=$CACHE/odoo-18.0
BUILD=${BUILD:-$CACHE/build-$(printf '%s' "$ROOT" | sha1sum | cut -c1-10)}
PYTHON=${PYTHON:-python3}
VENV=$BUILD/venv
# The configuration the commands write and run with (test_presets.sh has its
# own, so that `make test` may run meanwhile).
ODOO_CONF=${ODOO_CONF:-$BUILD/odoo.conf}
PY=$VENV/bin/python
PGHOST=${PGHOST:-localhost}
PGPORT=${PGPORT:-5432}
DB_USER=${DB_USER:-odoo}
DB_PASSWORD=${DB_PASSWORD:-odoo}
HTTP_PORT=${HTTP_PORT:-8069}
# The official release, downloaded into $ODOO_CACHE_SRC when no Odoo is found
# (empty: never download).
ODOO_RELEASE_URL=${ODOO_RELEASE_URL-https://nightly.odoo.com/18.0/nightly/src/odoo_18.0.latest.tar.gz}
# OCA addons from PyPI: payroll (payslips), report_xlsx (XLSX reports).
OCA_ADDONS=("odoo-addon-payroll>=18.0,<18.1" "odoo-addon-report-xlsx>=18.0,<18.1")
# OCA addons of the optional preset tests (`make test-presets`), in their own
# folder: never on the addons path of the other commands.
PRESET_OCA_ADDONS=("odoo-addon-helpdesk-mgmt>=18.0,<18.1")
# Python packages the tests and reports need beyond Odoo's own requirements.
PY_DEPS=("pytest-odoo>=2.3" "hypothesis" "websocket-client" "xlsxwriter" "openpyxl")
# Debian packages that building Odoo's requirements needs (python-ldap,
# psycopg2 where no wheel fits), and the programs the commands run.
BUILD_PACKAGES=(build-essential libldap2-dev libsasl2-dev libpq-dev)

export PGHOST PGPORT
mkdir -p "$BUILD/stamps"

say() { printf '\033[1m[%s]\033[0m %s\n' "$ADDON" "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }
is_root() { [ "$(id -u)" = 0 ]; }

# ------------------------------------------------------------ System packages

# The Debian packages of a list that are not installed.
missing_packages() {
    command -v dpkg-query >/dev/null || return 0
    local pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' \
            || printf '%s\n' "$pkg"
    done
}

APT_UPDATED=""
apt_install() {
    if [ -z "$APT_UPDATED" ]; then
        apt-get update -qq
        APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# ensure_system WHY PACKAGE...: install the missing ones when root; otherwise
# one line with the command to run, and a non-zero exit.
ensure_system() {
    local why=$1
    shift
    local missing
    mapfile -t missing < <(missing_packages "$@")
    [ ${#missing[@]} -gt 0 ] || return 0
    is_root || die "$why needs Debian packages that are missing; run: sudo apt-get install -y ${missing[*]}"
    say "installing ${missing[*]} ($why) from the distribution's packages"
    apt_install "${missing[@]}"
}

# ---------------------------------------------------------------- Python

# The project's own virtual environment.  --system-site-packages keeps an
# Odoo installed for $PYTHON usable; pip installs into the venv only.
ensure_venv() {
    if [ ! -x "$PY" ]; then
        command -v "$PYTHON" >/dev/null || die "no Python interpreter '$PYTHON' (set PYTHON)."
        say "creating the virtual environment $VENV from $PYTHON"
        "$PYTHON" -m venv --system-site-packages "$VENV" \
            || die "could not create a virtual environment (on Debian: sudo apt-get install -y python3-venv)."
    fi
}

pip_install() { "$PY" -m pip install -q --disable-pip-version-check "$@"; }

# ---------------------------------------------------------------- PostgreSQL

pg_ready() { command -v pg_isready >/dev/null && pg_isready -q -h "$PGHOST" -p "$PGPORT"; }
pg_is_local() { case "$PGHOST" in localhost | 127.0.0.1 | ::1 | /*) return 0 ;; *) return 1 ;; esac; }

# psql as the postgres superuser through the local socket: peer
# authentication holds there, where TCP asks for a password.
psql_as_postgres() {
    su postgres -s /bin/sh -c "unset PGHOST PGHOSTADDR PGUSER PGPASSWORD PGDATABASE; psql -X -q -v ON_ERROR_STOP=1 -p $PGPORT" <<< "$1"
}

ensure_postgres() {
    if ! pg_ready; then
        pg_is_local || die "PostgreSQL does not answer on $PGHOST:$PGPORT."
        if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || ! command -v pg_isready >/dev/null; then
            ensure_system "PostgreSQL" postgresql
        fi
        is_root || die "PostgreSQL is not running on $PGHOST:$PGPORT; run: sudo pg_ctlcluster $(ls /usr/lib/postgresql | sort -V | tail -n 1) main start"
        local version
        version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
        if ! pg_lsclusters -h 2>/dev/null | awk '{print $1, $2}' | grep -qx "$version main"; then
            say "creating the PostgreSQL $version cluster 'main'"
            pg_createcluster --port="$PGPORT" "$version" main >/dev/null
        fi
        say "starting PostgreSQL $version"
        pg_ctlcluster "$version" main start 2>/dev/null || service postgresql start
        for _ in $(seq 1 30); do pg_ready && break; sleep 1; done
        pg_ready || die "PostgreSQL did not start on $PGHOST:$PGPORT."
    fi
    if ! PGPASSWORD=$DB_PASSWORD psql -X -U "$DB_USER" -d postgres -tAc 'SELECT 1' >/dev/null 2>&1; then
        is_root && pg_is_local \
            || die "cannot log in to PostgreSQL as '$DB_USER'; run: sudo -u postgres createuser --createdb --pwprompt $DB_USER (password '$DB_PASSWORD'), or set DB_USER and DB_PASSWORD."
        say "creating the PostgreSQL role '$DB_USER'"
        psql_as_postgres "DO \$\$ BEGIN
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
                CREATE ROLE \"$DB_USER\" LOGIN CREATEDB PASSWORD '$DB_PASSWORD';
            ELSE
                ALTER ROLE \"$DB_USER\" LOGIN CREATEDB PASSWORD '$DB_PASSWORD';
            END IF; END \$\$;"
        PGPASSWORD=$DB_PASSWORD psql -X -U "$DB_USER" -d postgres -tAc 'SELECT 1' >/dev/null \
            || die "the role '$DB_USER' was created, but cannot log in over $PGHOST:$PGPORT."
    fi
}

# PDF reports are rendered by wkhtmltopdf (Debian's package).
ensure_wkhtmltopdf() {
    command -v wkhtmltopdf >/dev/null || ensure_system "PDF reports" wkhtmltopdf
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
    find_chromium >/dev/null || ensure_system "the browser tests" chromium
}

psql_db() { PGPASSWORD=$DB_PASSWORD psql -X -U "$DB_USER" -d postgres -tAc "$1"; }
db_exists() { [ "$(psql_db "SELECT 1 FROM pg_database WHERE datname = '$1'")" = 1 ]; }
drop_db() {
    psql_db "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$BUILD/data/filestore/$1"
}

# ---------------------------------------------------------------------- Odoo

# Sets ODOO_CMD (the command that runs Odoo) and ODOO_ADDONS (the addons
# folder of a source tree), or leaves ODOO_CMD empty when none can be had.
ODOO_CMD=()
ODOO_ADDONS=""

is_odoo_18_tree() {
    [ -f "$1/odoo/release.py" ] && grep -q "version_info = (18, 0," "$1/odoo/release.py"
}

odoo_importable() {
    "$1" -c 'import odoo.cli, odoo.release as r; assert r.version_info[:2] == (18, 0)' 2>/dev/null
}

# Install a source tree's requirements into the venv once.  Odoo 18 pins
# cbor2 5.4.2, which does not build with a current setuptools on Python
# 3.11: 5.6.2 does.
install_odoo_requirements() {
    local src=$1 req stamp
    req="$BUILD/odoo-requirements.txt"
    sed -E 's/^cbor2==5\.4\.2.*/cbor2==5.6.2/' "$src/requirements.txt" > "$req"
    stamp="$BUILD/stamps/odoo-req-$(sha1sum < "$req" | cut -c1-12)"
    if [ ! -e "$stamp" ]; then
        ensure_system "building Odoo's Python requirements" "${BUILD_PACKAGES[@]}"
        say "installing Odoo's Python requirements into $VENV"
        pip_install -r "$req"
        touch "$stamp"
    fi
}

use_source_tree() {
    local src=$1
    [ -f "$src/odoo/release.py" ] || die "$src is not an Odoo source tree (no odoo/release.py)."
    is_odoo_18_tree "$src" || die "$src is not Odoo 18.0."
    install_odoo_requirements "$src"
    export PYTHONPATH="$src${PYTHONPATH:+:$PYTHONPATH}"
    ODOO_CMD=("$PY" "$src/odoo-bin")
    if [ -d "$src/addons" ]; then ODOO_ADDONS="$src/addons"; fi
}

# The release archive, extracted into the shared cache folder: a tree put
# there by hand counts as downloaded.
download_release() {
    local dest=$ODOO_CACHE_SRC
    if ! is_odoo_18_tree "$dest"; then
        [ -n "$ODOO_RELEASE_URL" ] || return 1
        command -v curl >/dev/null || ensure_system "downloading Odoo" curl ca-certificates
        say "downloading Odoo 18.0 from $ODOO_RELEASE_URL into $dest"
        mkdir -p "$CACHE"
        local tmp
        tmp=$(mktemp -d "$CACHE/download.XXXXXX")
        if ! curl -fsSL --retry 2 -o "$tmp/odoo.tar.gz" "$ODOO_RELEASE_URL" \
            || ! mkdir "$tmp/tree" || ! tar -xzf "$tmp/odoo.tar.gz" -C "$tmp/tree" --strip-components=1 \
            || ! is_odoo_18_tree "$tmp/tree"; then
            rm -rf "$tmp"
            return 1
        fi
        rm -rf "$dest"
        mv "$tmp/tree" "$dest"
        rm -rf "$tmp"
    fi
    echo "$dest"
}

find_odoo() {
    ensure_venv
    if [ -n "${ODOO_SRC:-}" ]; then
        use_source_tree "$ODOO_SRC"
    elif odoo_importable "$PY"; then
        ODOO_CMD=("$PY" -m odoo)
    else
        local src
        if src=$(download_release); then
            use_source_tree "$src"
        else
            say "no Odoo 18.0: none importable by $PYTHON, none in $ODOO_CACHE_SRC, and the download failed (ODOO_RELEASE_URL=${ODOO_RELEASE_URL:-<empty>})"
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
    say "installing Python and OCA dependencies from PyPI into $BUILD"
    pip_install "${PY_DEPS[@]}"
    # OCA wheels declare a dependency on the 'odoo' distribution and install
    # into odoo/addons: keep them in their own folder, on the addons path, so
    # that they never shadow the Odoo in use.
    rm -rf "$BUILD/oca"
    pip_install --no-deps --target "$BUILD/oca" "${OCA_ADDONS[@]}"
    touch "$stamp"
}

# The OCA addons the preset tests install beside the addon (helpdesk_mgmt),
# in $BUILD/oca-presets; prints the folder to add to the addons path.
install_preset_addons() {
    local key stamp dest=$BUILD/oca-presets
    key=$(printf '%s\n' "${PRESET_OCA_ADDONS[@]}" | sha1sum | cut -c1-12)
    stamp="$BUILD/stamps/preset-addons-$key"
    if [ ! -e "$stamp" ] || [ ! -d "$dest/odoo/addons/helpdesk_mgmt" ]; then
        say "installing the OCA addons of the preset tests from PyPI into $dest"
        rm -rf "$dest"
        pip_install --no-deps --target "$dest" "${PRESET_OCA_ADDONS[@]}" >&2
        touch "$stamp"
    fi
    echo "$dest/odoo/addons"
}

# ------------------------------------------------------------------ Config

write_config() {
    # Odoo finds addons by folder name: the repository may be checked out
    # under any name, so it is linked as $BUILD/addons/hr_technical_grade.
    mkdir -p "$BUILD/addons" "$BUILD/data"
    ln -sfn "$ROOT" "$BUILD/addons/$ADDON"
    local addons_path="$BUILD/oca/odoo/addons,$BUILD/addons"
    if [ -n "$ODOO_ADDONS" ]; then addons_path="$ODOO_ADDONS,$addons_path"; fi
    if [ -n "${EXTRA_ADDONS_PATH:-}" ]; then addons_path="$addons_path,$EXTRA_ADDONS_PATH"; fi
    cat > "$ODOO_CONF" <<CONF
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

odoo() { "${ODOO_CMD[@]}" -c "$ODOO_CONF" "$@"; }

# Everything a command that needs Odoo prepares: Odoo, PostgreSQL, the PDF
# renderer, the dependencies and the configuration.
prepare_odoo() {
    find_odoo
    [ ${#ODOO_CMD[@]} -gt 0 ] || die "no Odoo 18.0 found: put an Odoo 18.0 source tree in $ODOO_CACHE_SRC, or set ODOO_SRC."
    ensure_postgres
    ensure_wkhtmltopdf
    install_deps
    write_config
}

# What a test run needs beyond prepare_odoo: Chromium for the browser tests.
prepare_test_run() {
    [ ${#ODOO_CMD[@]} -gt 0 ] || find_odoo
    [ ${#ODOO_CMD[@]} -gt 0 ] || die "no Odoo 18.0 found: put an Odoo 18.0 source tree in $ODOO_CACHE_SRC, or set ODOO_SRC."
    ensure_postgres
    ensure_wkhtmltopdf
    ensure_chromium
    install_deps
    write_config
}

# Odoo's lines of level WARNING and above in a log, less its remark about
# running as root, which is not the addon's concern.
log_problems() {
    grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (WARNING|ERROR|CRITICAL) ' "$1" | grep -v "Running as user 'root'"
}

# install_cleanly DB [ODOO ARGS...]: a fresh database with the addon and its
# demo data, then the modules of INSTALL_MODULES (comma separated), when set,
# with theirs: the addon's demo data sets the company's currency, which no
# longer changes once another module's demo data made journal items.  Fails
# when an install fails or logs a warning or an error.
install_cleanly() {
    local db=$1
    shift
    drop_db "$db"
    install_step "$db" "$ADDON" "$@"
    if [ -n "${INSTALL_MODULES:-}" ]; then
        install_step "$db" "$INSTALL_MODULES" "$@"
    fi
}

install_step() {
    local db=$1 modules=$2
    shift 2
    say "installing $modules with demo data in the throwaway database $db"
    local log="$BUILD/install-$db-${modules//,/-}.log"
    if ! odoo -d "$db" -i "$modules" --stop-after-init --log-level=info "$@" > "$log" 2>&1; then
        tail -n 60 "$log"
        die "installing $modules failed (full log: $log)"
    fi
    if log_problems "$log" > "$log.problems"; then
        cat "$log.problems"
        die "installing $modules logged warnings or errors (full log: $log)"
    fi
}

# Fingerprint of the addon's tracked and new files: a changed addon is updated.
addon_fingerprint() {
    (cd "$ROOT" && { git ls-files -s; git ls-files -o --exclude-standard | xargs -r sha1sum; git diff; } 2>/dev/null) | sha1sum | cut -c1-12
}
