package se.kompetensportal.timereporting.web;

import java.io.ByteArrayOutputStream;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.timereporting.domain.Certificates;

/**
 * Time certificates from the secretary's time page: one person's month, or all of a month's as one PDF or as a ZIP of
 * one PDF each. Every download logs the identity numbers in it (the service does).
 */
@Controller
@RequestMapping("/admin/projects/{projectId:\\d+}/time")
class CertificateController {

    private final Certificates certificates;

    CertificateController(Certificates certificates) {
        this.certificates = certificates;
    }

    @GetMapping("/{monthId:\\d+}/certificate.pdf")
    ResponseEntity<byte[]> one(@PathVariable long projectId, @PathVariable long monthId, Locale locale) {
        Certificates.Certificate c = certificates.ofPersonMonth(CurrentUser.require(), projectId, monthId, locale);
        return file(certificates.pdf(List.of(c), locale), MediaType.APPLICATION_PDF, c.fileName());
    }

    @GetMapping("/certificates.pdf")
    ResponseEntity<byte[]> monthPdf(@PathVariable long projectId,
            @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, Locale locale) {
        List<Certificates.Certificate> all = certificates.ofMonth(CurrentUser.require(), projectId, month, locale);
        if (all.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return file(certificates.pdf(all, locale), MediaType.APPLICATION_PDF, "tidsintyg-" + month + ".pdf");
    }

    @GetMapping("/certificates.zip")
    ResponseEntity<byte[]> monthZip(@PathVariable long projectId,
            @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, Locale locale) {
        List<Certificates.Certificate> all = certificates.ofMonth(CurrentUser.require(), projectId, month, locale);
        if (all.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        certificates.zip(all, out, locale);
        return file(out.toByteArray(), MediaType.parseMediaType("application/zip"), "tidsintyg-" + month + ".zip");
    }

    static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name,
                        java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
