# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

# The rule tests (test_rules_*.py) need no Odoo and plain pytest may import
# this package without it: the tests are imported only where Odoo is, so
# that Odoo's own runner (which finds test modules through this package)
# runs the rule tests too.
from importlib.util import find_spec

if find_spec("odoo"):
    from . import test_rules_committee
    from . import test_rules_cycle
    from . import test_rules_consequences
    from . import test_rules_eligibility
    from . import test_rules_history
    from . import test_rules_kpi
    from . import test_rules_proration
    from . import test_rules_quota
    from . import test_rules_calibration
    from . import test_rules_recertification
    from . import test_rules_training
    from . import test_rules_points
    from . import test_rules_review
    from . import test_rules_scoring
    from . import test_rules_translations
    from . import test_grade_ladder
    from . import test_grade_history
    from . import test_access
    from . import test_i18n
    from . import test_payroll
    from . import test_salary_adjustment
    from . import test_salary_adjustment_consequences
    from . import test_salary_table
    from . import test_assessment_template
    from . import test_evaluation
    from . import test_approval_chain
    from . import test_approval_engine
    from . import test_committee
    from . import test_committee_round
    from . import test_exam_parts
    from . import test_committee_roles
    from . import test_security_evaluation
    from . import test_evaluation_reports
    from . import test_self_service
    from . import test_campaign
    from . import test_campaign_opening
    from . import test_campaign_quota
    from . import test_calibration
    from . import test_campaign_cost
    from . import test_review
    from . import test_review_access
    from . import test_review_batch
    from . import test_review_consequences
    from . import test_review_pay_consequences
    from . import test_review_rewards
    from . import test_review_scoring
    from . import test_review_kpi
    from . import test_review_kpi_source
    from . import test_kpi_presets_installed
    from . import test_review_eligibility
    from . import test_tours
    from . import test_reporting
    from . import test_security_confidentiality
    from . import test_security_review
    from . import test_setup_checklist
    from . import test_appointment
    from . import test_suite_layout
    from . import test_browser_start
    from . import test_initial_grading
    from . import test_training
    from . import test_training_courses
    from . import test_training_probe5
    from . import test_training_reprobe5
    from . import test_evaluation_material
    from . import test_review_feedback
    from . import test_security_wizards
    from . import test_opening_concurrency
    from . import test_eligibility_service
    from . import test_work_log
    from . import test_work_plan
    from . import test_review_dimensions
    from . import test_yearly_cycle
    from . import test_year_result
    from . import test_points_placement
    from . import test_recertification
