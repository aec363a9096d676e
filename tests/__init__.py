# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from . import test_grade_ladder
from . import test_grade_history
from . import test_access
from . import test_i18n
