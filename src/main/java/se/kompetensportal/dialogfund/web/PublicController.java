package se.kompetensportal.dialogfund.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import se.kompetensportal.dialogfund.domain.ApplicantSignIn;
import se.kompetensportal.dialogfund.domain.FundService;

/** The public start page of the dialog fund, where applicants also ask for their login link. */
@Controller
class PublicController {

    static final String START = "dialogfund/public/start";

    private final FundService funds;
    private final ApplicantSignIn signIn;

    PublicController(FundService funds, ApplicantSignIn signIn) {
        this.funds = funds;
        this.signIn = signIn;
    }

    @GetMapping("/dialog-fund")
    String start(Model model) {
        model.addAttribute("signInForm", SignInForm.empty());
        model.addAttribute("funds", funds.openOrUpcoming());
        return START;
    }

    @PostMapping("/dialog-fund/sign-in")
    String processSignIn(@Valid @ModelAttribute SignInForm signInForm, BindingResult result, Model model,
            HttpServletRequest request, Locale locale) {
        if (!result.hasErrors()
                && !signIn.signIn(signInForm.name(), signInForm.email(), request.getRemoteAddr(), locale)) {
            result.reject("dialogfund.signIn.throttled");
        }
        if (result.hasErrors()) {
            model.addAttribute("funds", funds.openOrUpcoming());
            return START;
        }
        return "redirect:/dialog-fund/sign-in/sent";
    }

    @GetMapping("/dialog-fund/sign-in/sent")
    String sent() {
        return "dialogfund/public/sign-in-sent";
    }
}
