package se.kompetensportal.actors.web;

import java.time.LocalDate;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.kompetensportal.actors.domain.ActorPlanService;
import se.kompetensportal.actors.domain.MyOrganisationService;
import se.kompetensportal.actors.domain.PlanForm;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.security.CurrentUser;

/**
 * "Min organisation": the contact person's overview of their organisation's projects, and per project its people,
 * their hours (with an Excel export), their evaluation results and the organisation's plan for further work.
 */
@Controller
@RequestMapping("/my-organisation")
class MyOrganisationController {

    static final int PAGE_SIZE = 50;

    private final MyOrganisationService organisation;
    private final ActorPlanService plans;

    MyOrganisationController(MyOrganisationService organisation, ActorPlanService plans) {
        this.organisation = organisation;
        this.plans = plans;
    }

    @GetMapping
    String overview(Model model) {
        model.addAttribute("organisation", organisation.organisation(CurrentUser.require()));
        model.addAttribute("cards", organisation.overview(CurrentUser.require()));
        return "actors/overview";
    }

    @GetMapping("/projects/{projectId}")
    String project(@PathVariable long projectId) {
        organisation.project(CurrentUser.require(), projectId);
        return "redirect:/my-organisation/projects/" + projectId + "/participants";
    }

    @GetMapping("/projects/{projectId}/participants")
    String participants(@PathVariable long projectId, @RequestParam(defaultValue = "0") int page, Model model) {
        var report = organisation.participants(CurrentUser.require(), projectId,
                PageRequest.of(Math.max(0, page), PAGE_SIZE));
        model.addAttribute("report", report);
        model.addAttribute("page", report.page());
        return page(projectId, "participants", model);
    }

    @GetMapping("/projects/{projectId}/hours")
    String hours(@PathVariable long projectId, Model model) {
        model.addAttribute("report", organisation.hours(CurrentUser.require(), projectId));
        return page(projectId, "hours", model);
    }

    @GetMapping("/projects/{projectId}/hours.xlsx")
    void hoursExcel(@PathVariable long projectId, Locale locale, HttpServletResponse response) throws Exception {
        organisation.project(CurrentUser.require(), projectId);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("timmar-" + projectId + ".xlsx").build().toString());
        organisation.exportHours(CurrentUser.require(), projectId, locale, response.getOutputStream());
    }

    @GetMapping("/projects/{projectId}/evaluations")
    String evaluations(@PathVariable long projectId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        model.addAttribute("report", organisation.evaluations(CurrentUser.require(), projectId, from, to));
        return page(projectId, "evaluations", model);
    }

    @GetMapping("/projects/{projectId}/plan")
    String initPlanForm(@PathVariable long projectId, Model model) {
        var plan = plans.myPlan(CurrentUser.require(), projectId);
        model.addAttribute("plan", plan);
        model.addAttribute("planForm", PlanForm.of(plan));
        return page(projectId, "plan", model);
    }

    @PostMapping("/projects/{projectId}/plan")
    String processPlanForm(@PathVariable long projectId, @Validated @ModelAttribute PlanForm planForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                plans.file(CurrentUser.require(), projectId, planForm);
                redirect.addFlashAttribute("flash", "actors.plan.filed");
                return "redirect:/my-organisation/projects/" + projectId + "/plan";
            } catch (FieldRejectedException e) {
                e.rejectOn(result);
            }
        }
        model.addAttribute("plan", plans.myPlan(CurrentUser.require(), projectId));
        return page(projectId, "plan", model);
    }

    @GetMapping("/projects/{projectId}/plan/document")
    ResponseEntity<byte[]> document(@PathVariable long projectId) {
        return Downloads.of(plans.myDocument(CurrentUser.require(), projectId));
    }

    private String page(long projectId, String section, Model model) {
        model.addAttribute("actor", organisation.project(CurrentUser.require(), projectId));
        model.addAttribute("organisation", organisation.organisation(CurrentUser.require()));
        model.addAttribute("section", section);
        return "actors/" + section;
    }
}
