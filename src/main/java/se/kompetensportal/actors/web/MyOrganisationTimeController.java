package se.kompetensportal.actors.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import se.kompetensportal.actors.domain.MyOrganisationService;
import se.kompetensportal.actors.domain.OrganisationTime;
import se.kompetensportal.shared.security.CurrentUser;

/** The contact person's page of their organisation's monthly time confirmations in a project. */
@Controller
class MyOrganisationTimeController {

    private final MyOrganisationService organisation;
    private final OrganisationTime time;

    MyOrganisationTimeController(MyOrganisationService organisation, OrganisationTime time) {
        this.organisation = organisation;
        this.time = time;
    }

    @GetMapping("/my-organisation/projects/{projectId}/time")
    String time(@PathVariable long projectId, Model model) {
        model.addAttribute("report", time.report(CurrentUser.require(), projectId));
        model.addAttribute("actor", organisation.project(CurrentUser.require(), projectId));
        model.addAttribute("organisation", organisation.organisation(CurrentUser.require()));
        model.addAttribute("section", "time");
        return "actors/time";
    }
}
