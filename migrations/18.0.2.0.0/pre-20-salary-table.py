# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
# pylint: disable=sql-injection
# Table and column names in this script are its own constants; values go as
# query parameters.
"""Keep the rates the ladder held before they move to the dated salary table.

From 18.0.2.0.0 the grade's base wage, post wage and allowance are read from
the salary table in force each day.  The amounts stored on the grades are
copied aside here; ``post-20-salary-table`` turns them into the first
version of each company's table.
"""

BACKUP = "hr_technical_grade_rates_pre_18020"


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        SELECT count(*) FROM information_schema.columns
         WHERE table_name = 'hr_technical_grade'
           AND column_name IN ('base_wage', 'post_wage', 'allowance')
        """
    )
    if cr.fetchone()[0] < 3:
        return
    cr.execute(f"DROP TABLE IF EXISTS {BACKUP}")
    cr.execute(
        f"""
        CREATE TABLE {BACKUP} AS
        SELECT id AS grade_id, company_id,
               COALESCE(base_wage, 0) AS base_wage,
               COALESCE(post_wage, 0) AS post_wage,
               COALESCE(allowance, 0) AS allowance
          FROM hr_technical_grade
        """
    )
