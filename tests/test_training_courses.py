# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import TrainingCase, load_chinese


@tagged("post_install", "-at_install")
class TestLayeredTraining(TrainingCase):
    """Seed 000, 海尔售后工程师升级方案: layered courses, modules with their
    assessment standard, training online and on site (K5)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.engineer_user = cls.user(
            "tg_training_engineer", "hr_technical_grade.group_technical_grade_user"
        )
        cls.engineer.user_id = cls.engineer_user
        cls.colleague_user = cls.user(
            "tg_training_colleague", "hr_technical_grade.group_technical_grade_user"
        )
        cls.colleague.user_id = cls.colleague_user
        cls.member = cls.user(
            "tg_training_member", "hr_technical_grade.group_technical_grade_committee"
        )
        cls.lead_user = cls.user(
            "tg_training_lead", "hr_technical_grade.group_technical_grade_manager"
        )
        cls.lead = cls.env["hr.employee"].create(
            {"name": "Training Lead", "user_id": cls.lead_user.id}
        )
        cls.engineer.parent_id = cls.lead
        cls.outsider = cls.env["hr.employee"].create({"name": "Other Team"})

    def session(self, course=None, employees=None, **values):
        """The intermediate course by default; the engineer and their colleague attend."""
        return super().session(
            course or self.intermediate_course,
            employees or (self.engineer | self.colleague),
            **values,
        )

    def test_the_seeds_layers_and_modules_ship(self):
        courses = self.env["hr.technical.grade.training.course"].search([], order="sequence")
        self.assertEqual(courses.mapped("level"), ["junior", "intermediate", "senior"])
        # 初级培训: 新入职的售后工程师, 基础知识、产品结构、常用工具使用.
        self.assertEqual(self.junior_course.audience, "Newly hired after-sales engineers")
        self.assertEqual(
            self.junior_course.content, "Basic knowledge, product structure, use of common tools"
        )
        modules = self.env["hr.technical.grade.training.module"].search([], order="sequence")
        self.assertEqual(modules, self.basics | self.diagnosis | self.repair | self.service)
        self.assertEqual(
            self.repair.topics, "Circuit soldering, replacement of parts, equipment adjustment"
        )
        # 产品知识 by the R&D and design staff, 维修技术 by repair experts.
        self.assertEqual(self.diagnosis.trainers, "Repair experts")
        # The seed requires a standard per module but words none: none is invented.
        data_modules = modules.with_context(lang="en_US")
        self.assertEqual(
            self.intermediate_course.module_ids, self.diagnosis | self.repair | self.service
        )
        load_chinese(self.env)
        chinese = data_modules.with_context(lang="zh_CN")
        self.assertEqual(chinese.mapped("name"), ["基础知识", "故障诊断", "维修技能", "服务流程"])
        self.assertEqual(
            self.junior_course.with_context(lang="zh_CN").audience, "新入职的售后工程师"
        )

    def test_a_training_prepares_a_result_per_attendee_and_module(self):
        session = self.session()
        self.assertEqual(session.module_ids, self.diagnosis | self.repair | self.service)
        self.assertEqual(len(session.result_ids), 6)
        self.assertEqual(set(session.result_ids.mapped("result")), {"pending"})
        session.module_ids = [Command.unlink(self.service.id)]
        self.assertEqual(session.result_ids.module_id, self.diagnosis | self.repair)
        self.diagnosis.standard = "Three fault cases diagnosed in time."
        mine = session.result_ids.filtered(lambda r: r.employee_id == self.engineer)
        mine.filtered(lambda r: r.module_id == self.diagnosis).result = "passed"
        # A recorded result keeps its attendee in the training.
        with self.assertRefused(UserError, "already recorded"):
            session.employee_ids = [Command.unlink(self.engineer.id)]
        session.employee_ids = [Command.unlink(self.colleague.id)]
        self.assertEqual(session.result_ids.employee_id, self.engineer)
        # Modules outside the course are refused.
        with self.assertRefused(ValidationError, "modules of its course only"):
            session.module_ids = [Command.link(self.basics.id)]

    def test_the_method_belongs_to_its_mode(self):
        with self.assertRefused(ValidationError, "not a way of training online"):
            self.session(mode="online", method="classroom")
        with self.assertRefused(ValidationError, "not a way of training on site"):
            self.session(mode="offline", method="online_exam")
        online = self.session(mode="online", method="case_analysis")
        self.assertEqual(online.method, "case_analysis")
        with self.assertRefused(ValidationError, "cannot end before it starts"):
            self.session(date_start="2026-03-10", date_end="2026-03-09")

    def test_a_module_is_assessed_against_its_standard(self):
        session = self.session(employees=self.engineer)
        result = session.result_ids.filtered(lambda r: r.module_id == self.repair)
        with self.assertRefused(ValidationError, "Repair Skills has no assessment standard"):
            result.with_user(self.hr_officer).result = "passed"
        # Absent needs no standard: nobody was assessed.
        result.with_user(self.hr_officer).result = "absent"
        self.repair.with_user(self.hr_officer).standard = "Bench test checked by the expert."
        result.with_user(self.hr_officer).write({"result": "passed", "score": 88})
        with self.assertRefused(ValidationError, "out of 100"):
            result.with_user(self.hr_officer).score = 120
        with self.assertRefused(ValidationError, "out of 100"):
            result.with_user(self.hr_officer).score = -1
        # The standard's changes are on record.
        self.assertIn(
            "Assessment Standard",
            self.repair.message_ids.tracking_value_ids.field_id.mapped("field_description"),
        )

    def test_results_are_fixed_once_the_training_is_done(self):
        (self.diagnosis | self.repair | self.service).standard = "Standard."
        session = self.session(employees=self.engineer)
        with self.assertRefused(UserError, "still pending"):
            session.action_done()
        session.result_ids.with_user(self.hr_officer).write({"result": "passed"})
        session.action_done()
        self.assertEqual(session.state, "done")
        result = session.result_ids[0]
        with self.assertRefused(UserError, "are fixed"):
            result.with_user(self.hr_officer).result = "failed"
        with self.assertRefused(UserError, "reopen"):
            session.employee_ids = [Command.link(self.colleague.id)]
        with self.assertRefused(UserError, "reopen"):
            session.date_end = "2020-01-01"
        with self.assertRefused(UserError, "cancelled"):
            session.action_cancel()
        with self.assertRefused(UserError, "kept"):
            session.unlink()
        session.action_reopen()
        self.assertEqual(session.state, "draft")
        self.assertIn("Reopened", session.message_ids[0].body)
        result.with_user(self.hr_officer).result = "failed"
        self.assertEqual(result.result, "failed")

    def test_who_reads_and_records_results(self):
        self.diagnosis.standard = "Standard."
        session = self.session(employees=self.engineer | self.colleague | self.outsider)
        Result = self.env["hr.technical.grade.training.result"]
        all_results = session.result_ids
        # The engineer reads their own results only, and records none.
        mine = Result.with_user(self.engineer_user).search([("session_id", "=", session.id)])
        self.assertEqual(mine.employee_id, self.engineer)
        self.env.invalidate_all()
        self.assertEqual(
            self.Session.with_user(self.engineer_user).browse(session.id).result_ids.employee_id,
            self.engineer,
        )
        with self.assertRefused(AccessError, ""):
            mine[0].with_user(self.engineer_user).result = "passed"
        # The lead reads the team's, the committee and HR read all.
        team = Result.with_user(self.lead_user).search([("session_id", "=", session.id)])
        self.assertEqual(team.employee_id, self.engineer)
        self.assertEqual(
            Result.with_user(self.member).search([("session_id", "=", session.id)]), all_results
        )
        # Results come from the training: HR neither forges one nor moves one.
        with self.assertRefused(AccessError, "prepared from a training"):
            Result.with_user(self.hr_officer).create(
                {
                    "session_id": session.id,
                    "employee_id": self.engineer.id,
                    "module_id": self.diagnosis.id,
                }
            )
        with self.assertRefused(AccessError, "come from the training"):
            mine[0].with_user(self.hr_officer).employee_id = self.colleague
        # Only HR plans trainings.
        with self.assertRefused(AccessError, ""):
            self.Session.with_user(self.engineer_user).create(
                {"name": "Mine", "course_id": self.junior_course.id}
            )
        for action in ("action_done", "action_cancel", "action_reopen"):
            with self.assertRefused(AccessError, ""):
                getattr(session.with_user(self.engineer_user), action)()

    def test_my_technical_grade_lists_my_courses_and_the_modules_to_pass(self):
        self.record(self.engineer, self.intermediate, "2025-01-01")
        (self.diagnosis | self.repair | self.service).standard = "Standard."
        public = (
            self.env["hr.employee.public"].with_user(self.engineer_user).browse(self.engineer.id)
        )
        self.assertEqual(public.my_course_ids, self.intermediate_course)
        self.assertEqual(
            public.my_modules_to_pass, "Fault Diagnosis, Repair Skills, Service Process"
        )
        first = self.session(employees=self.engineer, date_start="2026-03-01")
        for result in first.result_ids:
            result.result = "failed" if result.module_id == self.service else "passed"
        first.action_done()
        public.invalidate_recordset()
        self.assertEqual(public.my_modules_to_pass, "Service Process")
        self.assertEqual(len(public.my_training_result_ids), 3)
        retake = self.session(
            employees=self.engineer,
            module_ids=[Command.set(self.service.ids)],
            date_start="2026-04-01",
        )
        retake.result_ids.result = "passed"
        retake.action_done()
        public.invalidate_recordset()
        self.assertFalse(public.my_modules_to_pass)
        # A colleague's training stays private.
        other = (
            self.env["hr.employee.public"].with_user(self.colleague_user).browse(self.engineer.id)
        )
        self.assertFalse(other.my_training_result_ids)
        self.assertFalse(other.my_course_ids)

    def test_the_evaluation_shows_the_candidates_recorded_training(self):
        self.record(self.engineer, self.junior, "2020-01-01")
        self.basics.standard = "Written test, 60 of 100."
        session = self.session(course=self.junior_course, employees=self.engineer | self.colleague)
        session.result_ids.write({"result": "passed", "score": 75})
        session.action_done()
        self.session(course=self.junior_course, employees=self.engineer, name="Still pending")
        evaluation = (
            self.env["hr.technical.grade.evaluation"]
            .with_user(self.hr_officer)
            .create({"employee_id": self.engineer.id, "kind": "promotion"})
        )
        self.env.invalidate_all()
        shown = evaluation.training_result_ids
        self.assertEqual(shown.employee_id, self.engineer)
        self.assertEqual(shown.mapped("result"), ["passed"])
        self.assertEqual(shown.session_id, session)
        self.assertEqual(evaluation.with_user(self.engineer_user).training_result_ids, shown)

    def test_demo_trainings(self):
        junior = self.env.ref("hr_technical_grade.demo_training_junior", raise_if_not_found=False)
        if not junior:
            self.skipTest("installed without demo data")
        li_wei = self.env.ref("hr_technical_grade.employee_install_01")
        self.assertEqual(junior.state, "done")
        self.assertEqual(
            {(r.employee_id.name, r.result, r.score) for r in junior.result_ids},
            {("Li Wei", "passed", 82.0), ("Zhang Min", "failed", 51.0)},
        )
        exam = self.env.ref("hr_technical_grade.demo_training_intermediate")
        self.assertEqual((exam.state, exam.mode, exam.method), ("draft", "online", "online_exam"))
        self.assertEqual(set(exam.result_ids.mapped("result")), {"pending"})
        self.assertEqual(len(exam.result_ids), 3)
        # Li Wei's page: the junior course passed, nothing left to pass there.
        user = self.env.ref("hr_technical_grade.user_engineer")
        public = self.env["hr.employee.public"].with_user(user).browse(li_wei.id)
        self.assertIn(self.junior_course, public.my_course_ids)
        self.assertEqual(public.my_training_result_ids.mapped("result"), ["passed"])

    def test_only_done_trainings_count_and_they_end_first(self):
        self.record(self.engineer, self.junior, "2020-01-01")
        self.basics.standard = "Written test."
        future = self.session(
            course=self.junior_course, employees=self.engineer, date_start="2026-12-01"
        )
        future.result_ids.result = "passed"
        with self.assertRefused(UserError, "marked done once it has ended"):
            future.action_done()
        # A result recorded in a planned training is not final: it counts nowhere yet.
        public = (
            self.env["hr.employee.public"].with_user(self.engineer_user).browse(self.engineer.id)
        )
        self.assertEqual(public.my_modules_to_pass, "Basic Knowledge")
        self.assertFalse(public.my_training_result_ids)
        # A score belongs to a passed or failed result only.
        with self.assertRefused(ValidationError, "Only a passed or failed result has a score"):
            future.result_ids.write({"result": "absent", "score": 95})
        with self.assertRefused(ValidationError, "needs a name"):
            future.name = "  "

    def test_the_status_and_the_course_are_not_written_past_the_actions(self):
        self.basics.standard = "Written test."
        session = self.session(course=self.junior_course, employees=self.engineer)
        for vals in ({"state": "done"}, {"state": "cancel"}, {"level": "senior"}):
            with self.assertRefused(UserError, "through its buttons"):
                session.write(vals)
        with self.assertRefused(UserError, "planned first"):
            self.session(state="done")
        self.assertEqual(self.junior_course.level, "junior")
        # The course keeps the modules its planned trainings assess.
        with self.assertRefused(ValidationError, "take the modules out of those trainings"):
            self.junior_course.with_user(self.hr_officer).module_ids = [
                Command.unlink(self.basics.id)
            ]
        with self.assertRefused(ValidationError, "at least one module"):
            session.module_ids = [Command.clear()]
        session.result_ids.result = "passed"
        self.assertTrue(session.action_done())
        # A module archived later stays on the done training.
        self.basics.with_user(self.hr_officer).active = False
        session.invalidate_recordset()
        self.assertEqual(session.module_ids, self.basics)

    def test_own_comments_stay_editable_the_log_does_not(self):
        session = self.session(employees=self.engineer)
        comment = session.with_user(self.hr_officer).message_post(
            body="Bring the multimeters.", message_type="comment"
        )
        session.with_user(self.hr_officer)._message_update_content(
            comment, "Bring two multimeters."
        )
        self.assertIn("two multimeters", comment.body)
        logged = session.message_ids.filtered(lambda m: m.message_type == "notification")
        self.assertTrue(logged)
        with self.assertRefused(AccessError, "history of Technical Grade Training is kept"):
            logged.with_user(self.hr_officer).unlink()
        # The same holds on every document of the addon, e.g. an evaluation.
        self.record(self.engineer, self.junior, "2020-01-01")
        evaluation = (
            self.env["hr.technical.grade.evaluation"]
            .with_user(self.hr_officer)
            .create({"employee_id": self.engineer.id, "kind": "promotion"})
        )
        with self.assertRefused(AccessError, "is kept"):
            evaluation.message_ids.with_user(self.hr_officer).write({"body": "Nothing here."})

    def test_hr_opens_an_employees_training_results(self):
        self.diagnosis.standard = "Standard."
        self.session(employees=self.engineer | self.colleague)
        employee = self.engineer.with_user(self.hr_officer)
        self.assertEqual(employee.technical_grade_training_result_count, 3)
        action = employee.action_open_technical_grade_training_results()
        shown = self.env[action["res_model"]].with_user(self.hr_officer).search(action["domain"])
        self.assertEqual(shown.employee_id, self.engineer)
        self.assertEqual(len(shown), 3)
