package se.kompetensportal.timereporting.web;

import java.io.ByteArrayOutputStream;
import java.time.YearMonth;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.timereporting.domain.ScbFiles;

/**
 * The project's SCB reporting: each month that is over with its starters and leavers, the month's file, whether it was
 * reported, and which months must be sent again after a correction; "sent to SCB" records the month as reported.
 */
@Controller
@RequestMapping("/admin/projects/{projectId:\\d+}/time/scb")
class ScbController {

    private final ScbFiles scb;
    private final ProjectsApi projects;

    ScbController(ScbFiles scb, ProjectsApi projects) {
        this.scb = scb;
        this.projects = projects;
    }

    @GetMapping
    String page(@PathVariable long projectId, Model model) {
        model.addAttribute("months", scb.months(projectId, CurrentUser.require()));
        model.addAttribute("project", projects.project(projectId).orElseThrow());
        return "timereporting/scb";
    }

    @GetMapping("/{month}.xlsx")
    ResponseEntity<byte[]> file(@PathVariable long projectId,
            @PathVariable @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScbFiles.write(scb.rows(projectId, month, CurrentUser.require()), out);
        return CertificateController.file(out.toByteArray(),
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                "scb-" + month + ".xlsx");
    }

    @PostMapping("/{month}/reported")
    String reported(@PathVariable long projectId, @PathVariable @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            RedirectAttributes redirect) {
        scb.markReported(projectId, month, CurrentUser.require());
        redirect.addFlashAttribute("flash", "time.scb.markedReported");
        return "redirect:/admin/projects/" + projectId + "/time/scb";
    }
}
