package se.kompetensportal.participants.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.kompetensportal.participants.Gender;
import se.kompetensportal.participants.domain.NewPersonForm;
import se.kompetensportal.participants.domain.SignUpAdminService;
import se.kompetensportal.participants.domain.SignUpExports;
import se.kompetensportal.participants.domain.SignUpResult;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.shared.web.FieldRejectedException;

/** The secretary's sign-up lists for an activity: seats, waiting list, cancellations, and their exports. */
@Controller
class SignUpAdminController {

    private static final String VIEW = "participants/admin-sign-ups";

    private final SignUpAdminService admin;
    private final SignUpExports exports;
    private final ProjectsApi projects;
    private final se.kompetensportal.participants.domain.SignUpSettingsService settings;

    SignUpAdminController(SignUpAdminService admin, SignUpExports exports, ProjectsApi projects,
            se.kompetensportal.participants.domain.SignUpSettingsService settings) {
        this.admin = admin;
        this.exports = exports;
        this.projects = projects;
        this.settings = settings;
    }

    @GetMapping("/admin/activities/{activityId}/sign-ups")
    String show(@PathVariable long activityId, Model model) {
        model.addAttribute("newPersonForm", NewPersonForm.empty());
        return view(activityId, model);
    }

    @PostMapping("/admin/activities/{activityId}/sign-ups")
    String add(@PathVariable long activityId, @Valid @ModelAttribute NewPersonForm newPersonForm, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return view(activityId, model);
        }
        try {
            SignUpResult added = admin.addPerson(CurrentUser.require(), activityId, newPersonForm);
            redirect.addFlashAttribute("flash", added.position() > 0 ? "signUps.addedWaiting" : "signUps.added");
            redirect.addFlashAttribute("flashArgs", added.position());
        } catch (FieldRejectedException e) {
            e.rejectOn(result);
            return view(activityId, model);
        }
        return "redirect:/admin/activities/" + activityId + "/sign-ups";
    }

    @PostMapping("/admin/activities/{activityId}/sign-ups/seats")
    String changeSeats(@PathVariable long activityId, @RequestParam int seats, RedirectAttributes redirect) {
        try {
            int promoted = admin.changeSeats(CurrentUser.require(), activityId, seats);
            redirect.addFlashAttribute("flash", "signUps.seatsChanged");
            redirect.addFlashAttribute("flashArgs", promoted);
        } catch (FieldRejectedException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/admin/activities/" + activityId + "/sign-ups";
    }

    @PostMapping("/admin/sign-ups/{signUpId}/cancel")
    String cancel(@PathVariable long signUpId, RedirectAttributes redirect) {
        long activityId = admin.cancel(CurrentUser.require(), signUpId);
        redirect.addFlashAttribute("flash", "signUps.cancelled");
        return "redirect:/admin/activities/" + activityId + "/sign-ups";
    }

    @PostMapping("/admin/sign-ups/{signUpId}/seat")
    String moveToSeat(@PathVariable long signUpId, RedirectAttributes redirect) {
        long activityId = admin.moveToSeat(CurrentUser.require(), signUpId);
        redirect.addFlashAttribute("flash", "signUps.movedToSeat");
        return "redirect:/admin/activities/" + activityId + "/sign-ups";
    }

    @PostMapping("/admin/sign-ups/{signUpId}/waiting-list")
    String moveToWaitingList(@PathVariable long signUpId, RedirectAttributes redirect) {
        long activityId = admin.moveToWaitingList(CurrentUser.require(), signUpId);
        redirect.addFlashAttribute("flash", "signUps.movedToWaitingList");
        return "redirect:/admin/activities/" + activityId + "/sign-ups";
    }

    @GetMapping("/admin/activities/{activityId}/sign-ups/export.xlsx")
    void exportExcel(@PathVariable long activityId, Locale locale, HttpServletResponse response) throws Exception {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("anmalningar-" + activityId + ".xlsx").build().toString());
        exports.exportExcel(CurrentUser.require(), activityId, locale, response.getOutputStream());
    }

    @GetMapping("/admin/activities/{activityId}/sign-ups/export.csv")
    void exportCsv(@PathVariable long activityId, Locale locale, HttpServletResponse response) throws Exception {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("anmalningar-" + activityId + ".csv").build().toString());
        exports.exportCsv(CurrentUser.require(), activityId, locale, response.getOutputStream());
    }

    private String view(long activityId, Model model) {
        var signUps = admin.signUps(CurrentUser.require(), activityId);
        model.addAttribute("signUps", signUps);
        model.addAttribute("genders", Gender.values());
        model.addAttribute("targetGroups", projects.targetGroups(signUps.activity().projectId()));
        model.addAttribute("employers", projects.actors(signUps.activity().projectId()));
        model.addAttribute("openOffers", settings.openOffersBySignUp(CurrentUser.require(), activityId));
        return VIEW;
    }
}
