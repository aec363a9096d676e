# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo.tests import TransactionCase, tagged

from .common import load_chinese


@tagged("post_install", "-at_install")
class TestChinese(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_chinese(cls.env)

    def test_grade_names_in_chinese(self):
        zh = self.env(context={"lang": "zh_CN"})
        names = [
            zh.ref(f"hr_technical_grade.grade_{xid}").name
            for xid in ("trainee", "junior", "intermediate", "senior", "expert")
        ]
        self.assertEqual(
            names, ["见习工程师", "初级工程师", "中级工程师", "高级工程师", "专家级工程师"]
        )
        self.assertEqual(self.env.ref("hr_technical_grade.grade_senior").name, "Senior Engineer")

    def test_menus_and_fields_in_chinese(self):
        zh = self.env(context={"lang": "zh_CN"})
        self.assertEqual(zh.ref("hr_technical_grade.menu_technical_grade_root").name, "技术等级")
        self.assertEqual(zh.ref("hr_technical_grade.menu_technical_grade_history").name, "等级履历")
        field = zh["ir.model.fields"]._get("hr.technical.grade", "allowance")
        self.assertEqual(field.field_description, "技术等级津贴")

    def test_assessment_form_in_chinese(self):
        zh = self.env(context={"lang": "zh_CN"})
        form = zh.ref("hr_technical_grade.assessment_template_engineer")
        self.assertEqual(form.name, "售后服务工程师技术等级考核评定表")
        self.assertEqual(form.section_ids.mapped("name"), ["技术能力", "服务态度", "业务水平"])
        self.assertEqual(form.level_ids.mapped("name"), ["优秀", "良好", "合格"])

    def test_demo_records_carry_names_in_both_languages(self):
        department = self.env.ref("hr_technical_grade.dept_after_sales", raise_if_not_found=False)
        if not department:
            self.skipTest("installed without demo data")
        self.assertEqual(department.with_context(lang="en_US").name, "After-Sales Service")
        self.assertEqual(department.with_context(lang="zh_CN").name, "售后服务部")
        campaign = self.env.ref("hr_technical_grade.campaign_2026_q4")
        self.assertIn("2026年第四季度", campaign.name)
        self.assertIn("Q4 2026", campaign.name)
