# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from . import hr_technical_grade_set_wizard
from . import hr_technical_grade_adjustment_wizard
from . import hr_technical_grade_approval_reason_wizard
from . import hr_technical_grade_evaluation_wizard_mixin
from . import hr_technical_grade_score_wizard
from . import hr_technical_grade_score_wizard_line
from . import hr_technical_grade_score_wizard_item
from . import hr_technical_grade_committee_sign_wizard
from . import hr_technical_grade_calibration_wizard
from . import hr_technical_grade_campaign_wizard
from . import hr_technical_grade_review_open_wizard
from . import hr_technical_grade_review_appeal_wizard
from . import hr_technical_grade_consequence_wizard
