package se.kompetensportal.participants.web;

import java.util.Locale;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import se.kompetensportal.participants.domain.AttendanceService;
import se.kompetensportal.participants.domain.AttendanceSheet;
import se.kompetensportal.shared.pdf.PdfRenderer;
import se.kompetensportal.shared.security.CurrentUser;

/**
 * Attendance per session: the whole list at once (with the minutes of those who came late or left early; minutes
 * outside the session answer 422 with the list as typed), or one person at a time (a tap on a phone, answered with
 * just the changed row when the page asks through htmx), and the printable list with a signature column.
 */
@Controller
class AttendanceController {

    private final AttendanceService attendance;
    private final PdfRenderer pdf;

    AttendanceController(AttendanceService attendance, PdfRenderer pdf) {
        this.attendance = attendance;
        this.pdf = pdf;
    }

    @GetMapping("/admin/activities/{activityId}/sessions/{sessionId}/attendance")
    String show(@PathVariable long activityId, @PathVariable long sessionId, Model model) {
        AttendanceSheet sheet = attendance.sheet(CurrentUser.require(), activityId, sessionId);
        model.addAttribute("sheet", sheet);
        model.addAttribute("attendanceForm", AttendanceForm.of(sheet));
        return "participants/attendance";
    }

    @PostMapping("/admin/activities/{activityId}/sessions/{sessionId}/attendance")
    String record(@PathVariable long activityId, @PathVariable long sessionId,
            @ModelAttribute("attendanceForm") AttendanceForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        AttendanceSheet sheet = attendance.sheet(CurrentUser.require(), activityId, sessionId);
        form.check(sheet.sessionMinutes(), result);
        if (result.hasErrors()) {
            model.addAttribute("sheet", sheet);
            return "participants/attendance";
        }
        attendance.record(CurrentUser.require(), activityId, sessionId, form.present(), form.presentMinutes());
        redirect.addFlashAttribute("flash", "attendance.saved");
        return "redirect:/admin/activities/" + activityId + "/sessions/" + sessionId + "/attendance";
    }

    @PostMapping("/admin/activities/{activityId}/sessions/{sessionId}/attendance/{signUpId}")
    String mark(@PathVariable long activityId, @PathVariable long sessionId, @PathVariable long signUpId,
            @RequestParam boolean attended, @RequestParam Map<String, String> parameters,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        attendance.mark(CurrentUser.require(), activityId, sessionId, signUpId, attended,
                minutes(parameters, signUpId));
        if (htmx == null) {
            return "redirect:/admin/activities/" + activityId + "/sessions/" + sessionId + "/attendance";
        }
        AttendanceSheet sheet = attendance.sheet(CurrentUser.require(), activityId, sessionId);
        model.addAttribute("sheet", sheet);
        model.addAttribute("attendanceForm", AttendanceForm.of(sheet));
        model.addAttribute("row", sheet.rows().stream().filter(r -> r.signUpId() == signUpId).findFirst().orElseThrow());
        return "participants/attendance-row :: row";
    }

    @GetMapping("/admin/activities/{activityId}/sessions/{sessionId}/attendance/list.pdf")
    ResponseEntity<byte[]> printable(@PathVariable long activityId, @PathVariable long sessionId, Locale locale) {
        AttendanceSheet sheet = attendance.sheet(CurrentUser.require(), activityId, sessionId);
        byte[] body = pdf.render("pdf/participants/attendance-list", Map.of("sheet", sheet), locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("narvarolista-" + sessionId + ".pdf").build().toString())
                .body(body);
    }

    /**
     * The minutes typed in the row of the sign-up (the quick buttons send the row's field, {@code minutes[id]}), or a
     * plain {@code minutes}; {@code null} when none was sent. Anything but a whole number is refused with 422.
     */
    static Integer minutes(Map<String, String> parameters, long signUpId) {
        String typed = parameters.getOrDefault("minutes[" + signUpId + "]", parameters.get("minutes"));
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            throw new se.kompetensportal.shared.web.BusinessRuleException("attendance.minutes.notNumber");
        }
    }
}
