package se.kompetensportal.participants.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.kompetensportal.participants.domain.CertificateData;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.participants.domain.MySignUpView;
import se.kompetensportal.participants.domain.MySignUps;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.shared.pdf.PdfRenderer;

/** "Mina aktiviteter": the participant's sign-ups, cancelling them, and certificates of participation. */
@Controller
class MyActivitiesController {

    private final MySignUps participants;
    private final PdfRenderer pdf;
    private final Clock clock;

    MyActivitiesController(MySignUps participants, PdfRenderer pdf, Clock clock) {
        this.participants = participants;
        this.pdf = pdf;
        this.clock = clock;
    }

    @GetMapping("/my/activities")
    String list(Model model) {
        var all = participants.mySignUps(CurrentUser.require());
        Instant now = clock.instant();
        model.addAttribute("upcoming", all.stream().filter(s -> isUpcoming(s, now)).toList());
        model.addAttribute("past", all.stream().filter(s -> !isUpcoming(s, now)).toList().reversed());
        return "participants/my-activities";
    }

    @GetMapping("/my/activities/{signUpId}")
    String show(@PathVariable long signUpId, Model model) {
        model.addAttribute("signUp", participants.mySignUp(CurrentUser.require(), signUpId));
        return "participants/my-sign-up";
    }

    @PostMapping("/my/activities/{signUpId}/cancel")
    String cancel(@PathVariable long signUpId, RedirectAttributes redirect) {
        participants.cancelMine(CurrentUser.require(), signUpId);
        redirect.addFlashAttribute("flash", "signUp.cancelledByYou");
        return "redirect:/my/activities";
    }

    @GetMapping("/my/activities/{signUpId}/certificate.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable long signUpId, Locale locale) {
        CertificateData data = participants.certificate(CurrentUser.require(), signUpId);
        byte[] body = pdf.render("pdf/participants/certificate", Map.of("c", data), locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("intyg-" + signUpId + ".pdf").build().toString())
                .body(body);
    }

    /** Still ahead: neither completed (nor cancelled) by the secretary, nor over. */
    static boolean isUpcoming(MySignUpView s, Instant now) {
        if (s.activityStatus() == ActivityStatus.COMPLETED || s.activityStatus() == ActivityStatus.CANCELLED) {
            return false;
        }
        return s.lastEnd() == null || s.lastEnd().isAfter(now);
    }
}
