#!/usr/bin/env bash
# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
#
# `make lint`: the pre-commit checks (ruff, pylint-odoo, XML and manifest
# checks), with pre-commit from the project's virtual environment.

source "$(dirname "$0")/common.sh"

ensure_venv
"$PY" -c 'import pre_commit' 2>/dev/null || pip_install pre-commit
cd "$ROOT"
exec "$PY" -m pre_commit run --all-files "$@"
