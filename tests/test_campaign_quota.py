# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import timedelta

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import CampaignCase, force_state


@tagged("post_install", "-at_install")
class TestCampaignQuota(CampaignCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rival = cls.env["hr.employee"].create(
            {
                "name": "Rival Engineer",
                "department_id": cls.department.id,
                "parent_id": cls.manager.id,
                "technical_experience_date": cls.today - timedelta(days=10 * 366),
            }
        )
        cls.record(cls.rival, cls.junior, cls.today - timedelta(days=4 * 366))
        cls.gm = new_test_user(cls.env, login="tg_quota_gm")

    def setUp(self):
        super().setUp()
        self.campaign = self.open_campaign()
        self.env["hr.technical.grade.campaign.quota"].create(
            {"campaign_id": self.campaign.id, "grade_id": self.intermediate.id, "quota": 1}
        )
        by_employee = {e.employee_id: e for e in self.campaign.evaluation_ids}
        self.mine = by_employee[self.engineer]
        self.theirs = by_employee[self.rival]
        self.other = by_employee[self.senior_candidate]

    def at_last_step(self, evaluation):
        """Submit, then let every step but the last be decided already."""
        evaluation.with_user(self.hr_officer).action_submit()
        approvals = evaluation.approval_ids.sudo()
        approvals[:-1].write({"state": "approved"})
        approvals[-1].write({"state": "pending", "approver_ids": [(6, 0, self.gm.ids)]})
        return evaluation

    def test_rank_by_final_score_within_the_target_grade(self):
        self.score(self.mine, theory=80)
        self.score(self.theirs, theory=95)
        self.assertGreater(self.theirs.final_score, self.mine.final_score)
        self.assertEqual((self.theirs.quota_rank, self.theirs.within_quota), (1, True))
        self.assertEqual((self.mine.quota_rank, self.mine.within_quota), (2, False))
        self.assertEqual((self.mine.quota, self.mine.has_quota), (1, True))
        # No quota for senior: not ranked, never held back.
        self.score(self.other)
        self.assertEqual((self.other.has_quota, self.other.within_quota), (False, True))
        self.assertEqual(self.other.quota_rank, 0)

    def test_the_campaign_ranks_and_the_list_filters_beyond_the_quota(self):
        self.score(self.mine, theory=80)
        self.score(self.theirs, theory=95)
        ranking = self.campaign._quota_ranking()
        self.assertEqual(
            {key: (ranked.rank, ranked.within_quota) for key, ranked in ranking.items()},
            {self.theirs.id: (1, True), self.mine.id: (2, False)},
        )
        Evaluation = self.env["hr.technical.grade.evaluation"]
        self.assertEqual(
            Evaluation.search(
                [("campaign_id", "=", self.campaign.id), ("within_quota", "=", False)]
            ),
            self.mine,
        )
        self.assertIn(
            self.theirs,
            Evaluation.search(
                [("campaign_id", "=", self.campaign.id), ("within_quota", "=", True)]
            ),
        )

    def test_not_passed_are_not_ranked(self):
        self.score(self.mine, theory=80)
        self.score(self.theirs, passed=False)
        self.assertEqual(self.theirs.result, "failed")
        self.assertEqual(self.theirs.quota_rank, 0)
        self.assertEqual((self.mine.quota_rank, self.mine.within_quota), (1, True))

    def test_ties_go_to_the_earlier_request(self):
        self.score(self.mine)
        self.score(self.theirs)
        self.assertEqual(self.mine.final_score, self.theirs.final_score)
        first, second = sorted(self.mine | self.theirs, key=lambda e: e.id)
        self.assertEqual((first.quota_rank, second.quota_rank), (1, 2))

    def test_beyond_the_quota_no_final_approval_nor_apply(self):
        self.score(self.mine, theory=80)
        self.score(self.theirs, theory=95)
        self.at_last_step(self.mine)
        with self.assertRefused(UserError, r"ranks 2 among the passed candidates .* quota is 1"):
            self.mine.with_user(self.gm).action_approve()
        self.at_last_step(self.theirs)
        self.theirs.with_user(self.gm).action_approve()
        self.assertEqual(self.theirs.state, "approved")
        # Beyond the quota, even an approved evaluation is not applied.
        force_state(self.mine, "approved")
        with self.assertRefused(UserError, "quota is 1"):
            self.mine.with_user(self.hr_officer).action_apply()
        self.theirs.with_user(self.hr_officer).action_apply()
        self.assertEqual(self.rival.technical_grade_id, self.intermediate)

    def test_an_approver_who_reads_one_candidate_gets_the_campaign_ranking(self):
        """The rank is the campaign's, not the one among the candidates the approver reads."""
        self.score(self.mine, theory=80)
        self.score(self.theirs, theory=95)
        self.at_last_step(self.mine)
        self.env.invalidate_all()  # nothing computed earlier as another user
        gm_mine = self.mine.with_user(self.gm)
        self.assertEqual((gm_mine.quota_rank, gm_mine.within_quota), (2, False))
        with self.assertRefused(UserError, "quota is 1"):
            gm_mine.action_approve()

    def test_a_rejected_rival_frees_the_place(self):
        self.score(self.mine, theory=80)
        self.score(self.theirs, theory=95)
        self.at_last_step(self.theirs)
        self.theirs.with_user(self.hr_officer).action_reject("Objection upheld")
        self.assertEqual((self.mine.quota_rank, self.mine.within_quota), (1, True))
        self.assertEqual(self.theirs.quota_rank, 0)

    def test_raising_the_quota_lets_both_through(self):
        self.score(self.mine, theory=80)
        self.score(self.theirs, theory=95)
        self.campaign.quota_ids.quota = 2
        self.assertTrue(self.mine.within_quota)

    @mute_logger("odoo.sql_db")
    def test_quota_constraints(self):
        Quota = self.env["hr.technical.grade.campaign.quota"]
        with self.assertRefused(Exception, "quota_positive"):
            Quota.create({"campaign_id": self.campaign.id, "grade_id": self.senior.id, "quota": -1})
        with self.assertRefused(Exception, "campaign_grade_uniq"):
            Quota.create(
                {"campaign_id": self.campaign.id, "grade_id": self.intermediate.id, "quota": 3}
            )
