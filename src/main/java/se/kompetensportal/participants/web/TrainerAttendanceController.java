package se.kompetensportal.participants.web;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.kompetensportal.participants.domain.AttendanceForm;
import se.kompetensportal.participants.domain.AttendanceSheet;
import se.kompetensportal.participants.domain.TrainerAttendanceService;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.security.CurrentUser;

/**
 * The trainer's phone pages: today's sessions ({@code /trainer}), one session's list with a tap per person, and
 * check-in by the participant's code, typed, scanned in the page, or opened from the QR code by the phone's camera
 * ({@code /trainer/check-in/{code}} asks before it marks, as a link must not change anything by itself).
 */
@Controller
class TrainerAttendanceController {

    /** A code typed or scanned by the trainer. */
    record CheckInForm(@NotBlank @Size(max = 200) String code) {
    }

    private final TrainerAttendanceService trainer;

    TrainerAttendanceController(TrainerAttendanceService trainer) {
        this.trainer = trainer;
    }

    @GetMapping("/trainer")
    String today(Model model) {
        model.addAttribute("sessions", trainer.todaysSessions(CurrentUser.require()));
        model.addAttribute("today", trainer.today());
        model.addAttribute("checkInForm", new CheckInForm(""));
        return "participants/trainer-today";
    }

    @PostMapping("/trainer/check-in")
    String checkInAnywhere(@Valid @ModelAttribute("checkInForm") CheckInForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                return checkedIn(trainer.checkIn(CurrentUser.require(), null, form.code()), redirect);
            } catch (BusinessRuleException e) {
                result.rejectValue("code", e.messageKey(), e.arguments(), null);
            }
        }
        model.addAttribute("sessions", trainer.todaysSessions(CurrentUser.require()));
        model.addAttribute("today", trainer.today());
        return "participants/trainer-today";
    }

    @GetMapping("/trainer/sessions/{sessionId}")
    String session(@PathVariable long sessionId, Model model) {
        return sessionPage(trainer.sheet(CurrentUser.require(), sessionId), new CheckInForm(""), model);
    }

    @PostMapping("/trainer/sessions/{sessionId}/check-in")
    String checkIn(@PathVariable long sessionId, @Valid @ModelAttribute("checkInForm") CheckInForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                return checkedIn(trainer.checkIn(CurrentUser.require(), sessionId, form.code()), redirect);
            } catch (BusinessRuleException e) {
                result.rejectValue("code", e.messageKey(), e.arguments(), null);
            }
        }
        return sessionPage(trainer.sheet(CurrentUser.require(), sessionId), form, model);
    }

    @PostMapping("/trainer/sessions/{sessionId}/attendance/{signUpId}")
    String mark(@PathVariable long sessionId, @PathVariable long signUpId, @RequestParam boolean attended,
            @RequestParam Map<String, String> parameters, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model, RedirectAttributes redirect) {
        trainer.mark(CurrentUser.require(), sessionId, signUpId, attended,
                AttendanceController.minutes(parameters, signUpId));
        if (htmx == null) {
            redirect.addFlashAttribute("flash", "attendance.saved");
            return "redirect:/trainer/sessions/" + sessionId + "#person-" + signUpId;
        }
        AttendanceSheet sheet = trainer.sheet(CurrentUser.require(), sessionId);
        model.addAttribute("sheet", sheet);
        model.addAttribute("attendanceForm", AttendanceForm.of(sheet));
        model.addAttribute("row", sheet.rows().stream().filter(r -> r.signUpId() == signUpId).findFirst().orElseThrow());
        return "participants/trainer-row :: row";
    }

    /** The address in the participant's QR code: opened by the phone's camera, it shows who and where first. */
    @GetMapping("/trainer/check-in/{code}")
    String preview(@PathVariable String code, Model model) {
        model.addAttribute("checkIn", trainer.preview(CurrentUser.require(), null, code));
        model.addAttribute("code", code);
        return "participants/trainer-check-in";
    }

    @PostMapping("/trainer/check-in/{code}")
    String confirm(@PathVariable String code, RedirectAttributes redirect) {
        return checkedIn(trainer.checkIn(CurrentUser.require(), null, code), redirect);
    }

    private static String checkedIn(TrainerAttendanceService.CheckIn checkIn, RedirectAttributes redirect) {
        redirect.addFlashAttribute("flash", checkIn.alreadyPresent() ? "checkIn.already" : "checkIn.done");
        redirect.addFlashAttribute("flashArgs", checkIn.name());
        return "redirect:/trainer/sessions/" + checkIn.sessionId();
    }

    private static String sessionPage(AttendanceSheet sheet, CheckInForm form, Model model) {
        model.addAttribute("sheet", sheet);
        model.addAttribute("attendanceForm", AttendanceForm.of(sheet));
        model.addAttribute("checkInForm", form);
        return "participants/trainer-session";
    }
}
