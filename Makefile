# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

.PHONY: run test test-presets test-odoo lint pot bench screenshots

## Serve the addon with demo data on http://localhost:8069
run:
	bash tools/run.sh

## Run every test (plain rule tests and Odoo tests in a throwaway database)
test:
	bash tools/test.sh $(PYTEST_ARGS)

## Run the preset KPI tests with repair, project, hr_expense and OCA helpdesk_mgmt installed
test-presets:
	bash tools/test_presets.sh $(PYTEST_ARGS)

## Run every test under Odoo's own runner (--test-enable), in a throwaway database
test-odoo:
	bash tools/test_odoo.sh

## Run the pre-commit checks (ruff, pylint-odoo, XML and manifest checks)
lint:
	bash tools/lint.sh

## Export i18n/hr_technical_grade.pot from a throwaway database
pot:
	bash tools/export_pot.sh

## Print the benchmarks (time and SQL queries), in a throwaway database
bench:
	bash tools/bench.sh

## Screenshots of the main screens in English and Chinese (static/description/)
screenshots:
	bash tools/screenshots.sh
