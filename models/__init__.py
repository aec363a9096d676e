# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from . import hr_technical_grade
from . import hr_technical_grade_assessment_template
from . import hr_technical_grade_assessment_section
from . import hr_technical_grade_assessment_criterion
from . import hr_technical_grade_assessment_level
from . import hr_technical_grade_history
from . import hr_technical_grade_allowance
from . import hr_technical_grade_approval_mixin
from . import hr_technical_grade_approval_step
from . import hr_technical_grade_committee
from . import hr_technical_grade_evaluation
from . import hr_technical_grade_approval
from . import hr_technical_grade_evaluation_line
from . import hr_technical_grade_evaluation_score
from . import hr_technical_grade_objection
from . import hr_technical_grade_kpi_category
from . import hr_technical_grade_kpi
from . import hr_technical_grade_review_plan
from . import hr_technical_grade_review
from . import hr_technical_grade_review_line
from . import hr_technical_grade_review_reviewer
from . import hr_employee
from . import hr_employee_public
from . import hr_payslip
from . import res_company
from . import res_config_settings
from . import hr_technical_grade_campaign
from . import hr_technical_grade_campaign_quota
from . import hr_technical_grade_campaign_cost
from . import hr_technical_grade_campaign_skipped
from . import mail_activity
