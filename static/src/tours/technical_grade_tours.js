/* Copyright 2026 hr_technical_grade contributors
   License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html). */
/*
 * The promotion journey in a real browser, one tour per person
 * (tests/test_tours.py prepares each step's records and checks the outcome).
 */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

const tours = registry.category("web_tour.tours");
const CANDIDATE = "Tour Engineer";

/* The evaluation of the candidate, opened from an evaluation list. */
function openCandidateRow() {
    return {
        content: "Open the candidate's evaluation",
        trigger: `.o_list_view .o_data_row:contains(${CANDIDATE}) td.o_data_cell`,
        run: "click",
    };
}

function formShows(fieldName, text) {
    return {
        content: `The form shows ${text}`,
        trigger: `.o_form_view .o_field_widget[name=${fieldName}]:contains(${text})`,
    };
}

// (a) An engineer applies for promotion from "My Technical Grade", then submits.
tours.add("hr_technical_grade_tour_apply", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Employees app",
            trigger: ".o_app[data-menu-xmlid='hr.menu_hr_root']",
            run: "click",
        },
        {
            content: "Open the Technical Grades menu",
            trigger: ".o_menu_sections [data-menu-xmlid='hr_technical_grade.menu_technical_grade_root']",
            run: "click",
        },
        {
            content: "Open My Technical Grade",
            trigger: ".dropdown-item[data-menu-xmlid='hr_technical_grade.menu_technical_grade_mine']",
            run: "click",
        },
        formShows("my_grade_id", "Intermediate Engineer"),
        formShows("my_next_grade_id", "Senior"),
        {
            content: "Apply for promotion",
            trigger: ".o_form_view button[name=action_apply_for_promotion]",
            run: "click",
        },
        {
            content: "A draft application of the candidate opens",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value=draft]",
        },
        {
            content: "Submit the application",
            trigger: ".o_form_view button[name=action_submit]",
            run: "click",
        },
        formShows("current_approval_id", "Direct superior"),
    ],
});

// (b) The direct superior opens the request from the activities in the systray and approves.
tours.add("hr_technical_grade_tour_manager", {
    url: "/odoo",
    steps: () => [
        {
            content: "Open the activities of the systray",
            trigger: ".o_menu_systray i[aria-label=Activities]",
            run: "click",
        },
        {
            content: "Open the evaluations waiting for me",
            trigger: ".o-mail-ActivityGroup:contains(Technical Grade Evaluation)",
            run: "click",
        },
        openCandidateRow(),
        formShows("current_approval_id", "Direct superior"),
        {
            content: "Approve",
            trigger: ".o_form_view button[name=action_approve]",
            run: "click",
        },
        formShows("current_approval_id", "Evaluation committee"),
    ],
});

// (c) The committee chair scores the candidate, then signs the committee's opinion.
tours.add("hr_technical_grade_tour_committee", {
    url: "/odoo/action-hr_technical_grade.hr_technical_grade_evaluation_action",
    steps: () => [
        openCandidateRow(),
        {
            content: "Score",
            trigger: ".o_form_view .o_form_statusbar button:contains(Score)",
            run: "click",
        },
        {
            content: "The assessment form, rated",
            trigger: ".modal div[name=line_ids] .o_data_row td[name=level_id]:not(:empty)",
        },
        {
            content: "Theory exam",
            trigger: ".modal div[name=theory_score] input",
            run: "edit 90",
        },
        {
            content: "On-site practical",
            trigger: ".modal div[name=practical_score] input",
            run: "edit 88",
        },
        {
            content: "Teaching",
            trigger: ".modal div[name=teaching_score] input",
            run: "edit 86",
        },
        {
            content: "Submit my scores",
            trigger: ".modal button[name=action_score]",
            run: "click",
        },
        {
            content: "Sign the committee's opinion",
            trigger: ".o_form_view .o_form_statusbar button:contains(Sign Opinion)",
            run: "click",
        },
        {
            content: "The committee passes the candidate",
            trigger: ".modal div[name=decision] input[data-value=passed]",
            run: "click",
        },
        {
            content: "Write the opinion",
            trigger: ".modal div[name=opinion] textarea",
            run: "edit Masters the equipment; promoted to senior.",
        },
        {
            content: "Sign",
            trigger: ".modal button[name=action_sign]",
            run: "click",
        },
        formShows("current_approval_id", "General manager"),
    ],
});

// (d) The general manager finds the request with the "To Approve" filter and approves.
tours.add("hr_technical_grade_tour_general_manager", {
    url: "/odoo/action-hr_technical_grade.hr_technical_grade_evaluation_action",
    steps: () => [
        {
            content: "Open the search options",
            trigger: ".o_searchview_dropdown_toggler",
            run: "click",
        },
        {
            content: "Filter what waits for me",
            trigger: ".o_filter_menu .dropdown-item:contains(To Approve)",
            run: "click",
        },
        {
            content: "Only the candidate's request waits",
            trigger: ".o_list_view:not(:has(.o_data_row:not(:contains(Tour Engineer))))",
        },
        openCandidateRow(),
        {
            content: "Approve",
            trigger: ".o_form_view button[name=action_approve]",
            run: "click",
        },
        {
            content: "The evaluation is approved",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value=approved]",
        },
    ],
});

// (e) HR applies the approved evaluation to the grade history and prints the certificate.
tours.add("hr_technical_grade_tour_apply_to_history", {
    url: "/odoo/action-hr_technical_grade.hr_technical_grade_evaluation_action",
    steps: () => [
        openCandidateRow(),
        {
            content: "Apply to the grade history",
            trigger: ".o_form_view button[name=action_apply]",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The evaluation is done",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value=done]",
        },
        {
            content: "The grade history line is linked",
            trigger: "button[name=action_open_history]:contains(Grade History)",
        },
        {
            content: "Print the certificate",
            trigger: ".o_form_view button[name=action_print_certificate]",
            run: "click",
        },
        {
            content: "The certificate is being printed",
            trigger: "body:not(:has(.o_form_view button[name=action_print_certificate]:disabled))",
        },
    ],
});

// (f) The payroll officer computes the payslip and finds the new allowance.
tours.add("hr_technical_grade_tour_payslip", {
    steps: () => [
        {
            content: "Compute the sheet",
            trigger: ".o_form_view button[name=compute_sheet]",
            run: "click",
        },
        {
            content: "Open the salary computation",
            trigger: ".o_form_view .o_notebook a.nav-link:contains(Salary Computation)",
            run: "click",
        },
        {
            content: "The grade allowance is prorated on the promotion",
            trigger:
                ".o_form_view .o_data_row:has(td[name=code]:contains(TG_ALW)) td[name=total]:contains(1,500.00)",
        },
        {
            content: "The grade base wage too",
            trigger:
                ".o_form_view .o_data_row:has(td[name=code]:contains(TG_BASE)) td[name=total]:contains(2,400.00)",
        },
    ],
});
