package se.kompetensportal.surveys.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.surveys.domain.SurveyHomeQueries;

/** From the participant's start page to the answer form of their own open evaluation, by a fresh single-use link. */
@Controller
class MyEvaluationsController {

    private final SurveyHomeQueries surveys;

    MyEvaluationsController(SurveyHomeQueries surveys) {
        this.surveys = surveys;
    }

    @GetMapping("/my/evaluations/{invitationId}")
    String answer(@AuthenticationPrincipal PortalUser user, @PathVariable long invitationId) {
        return "redirect:" + surveys.answerLink(user, invitationId);
    }
}
