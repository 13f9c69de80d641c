package se.kompetensportal.participants.web;

import java.util.Map;

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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.kompetensportal.participants.Gender;
import se.kompetensportal.participants.domain.MyDataService;
import se.kompetensportal.participants.domain.ProfileForm;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.shared.web.FieldRejectedException;
import tools.jackson.databind.json.JsonMapper;

/** "Mina uppgifter": what is stored about the participant and why, a copy to download, the profile, erasure. */
@Controller
class MyDataController {

    private static final String PROFILE = "participants/my-profile";

    private final MyDataService myData;
    private final ProjectsApi projects;
    private final JsonMapper json;

    MyDataController(MyDataService myData, ProjectsApi projects, JsonMapper json) {
        this.myData = myData;
        this.projects = projects;
        this.json = json;
    }

    @GetMapping("/my/data")
    String show(Model model) {
        model.addAttribute("data", myData.myData(CurrentUser.require()).orElse(null));
        return "participants/my-data";
    }

    @GetMapping("/my/data/export.json")
    ResponseEntity<byte[]> export() {
        Map<String, Object> data = myData.export(CurrentUser.require());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("mina-uppgifter.json").build().toString())
                .body(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(data));
    }

    @PostMapping("/my/data/erasure-request")
    String requestErasure(RedirectAttributes redirect) {
        myData.requestErasure(CurrentUser.require());
        redirect.addFlashAttribute("flash", "myData.erasureRequested");
        return "redirect:/my/data";
    }

    @GetMapping("/my/data/profile")
    String initProfileForm(Model model) {
        model.addAttribute("profileForm", myData.profileForm(CurrentUser.require()));
        return profileForm(model);
    }

    @PostMapping("/my/data/profile")
    String processProfileForm(@Valid @ModelAttribute ProfileForm profileForm, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return profileForm(model);
        }
        try {
            myData.updateProfile(CurrentUser.require(), profileForm);
        } catch (FieldRejectedException e) {
            e.rejectOn(result);
            return profileForm(model);
        }
        redirect.addFlashAttribute("flash", "myData.saved");
        return "redirect:/my/data";
    }

    private String profileForm(Model model) {
        model.addAttribute("genders", Gender.values());
        model.addAttribute("employers", projects.organisations());
        return PROFILE;
    }
}
