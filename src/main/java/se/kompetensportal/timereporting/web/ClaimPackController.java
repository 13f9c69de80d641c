package se.kompetensportal.timereporting.web;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.timereporting.domain.ClaimPacks;

/**
 * Claim packs from the secretary's time page: ask for a range of months, follow the build with a progress bar (the
 * page's script polls the JSON endpoint), download it, and see who built which pack when.
 */
@Controller
@RequestMapping("/admin/projects/{projectId:\\d+}/time/claims")
class ClaimPackController {

    private static final String PAGE = "timereporting/claims";

    private final ClaimPacks packs;

    ClaimPackController(ClaimPacks packs) {
        this.packs = packs;
    }

    @GetMapping
    String page(@PathVariable long projectId, Model model) {
        YearMonth last = YearMonth.now(se.kompetensportal.shared.web.Formats.ZONE).minusMonths(1);
        return page(projectId, model, new ClaimPackForm(last.minusMonths(5).toString(), last.toString()));
    }

    @PostMapping
    String request(@PathVariable long projectId, @Valid @ModelAttribute ClaimPackForm claimPackForm,
            BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                long id = packs.request(CurrentUser.require(), projectId, claimPackForm.from(), claimPackForm.to());
                redirect.addFlashAttribute("flash", "time.claims.queued");
                return "redirect:/admin/projects/" + projectId + "/time/claims#pack-" + id;
            } catch (FieldRejectedException e) {
                e.rejectOn(result);
            }
        }
        response.setStatus(422);
        return page(projectId, model, claimPackForm);
    }

    @GetMapping(value = "/{packId:\\d+}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> progress(@PathVariable long projectId, @PathVariable long packId) {
        ClaimPacks.PackView p = packs.pack(CurrentUser.require(), projectId, packId);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", p.status());
        json.put("done", p.done());
        json.put("total", p.total());
        json.put("percent", p.percent());
        json.put("finished", p.finished());
        return json;
    }

    @GetMapping("/{packId:\\d+}.zip")
    ResponseEntity<StreamingResponseBody> download(@PathVariable long projectId, @PathVariable long packId) {
        ClaimPacks.PackView p = packs.downloadable(CurrentUser.require(), projectId, packId);
        StreamingResponseBody body = out -> packs.download(projectId, packId, out);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("underlag-" + p.from() + "-" + p.to() + ".zip").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    private String page(long projectId, Model model, ClaimPackForm form) {
        model.addAttribute("project", packs.project(CurrentUser.require(), projectId));
        model.addAttribute("packs", packs.packs(CurrentUser.require(), projectId));
        model.addAttribute("claimPackForm", form);
        return PAGE;
    }
}
