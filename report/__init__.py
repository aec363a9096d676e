# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from . import salary_adjustment_xlsx
from . import review_results_xlsx
from . import campaign_calibration_report
