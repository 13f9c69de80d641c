package se.kompetensportal.dialogfund.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import se.kompetensportal.dialogfund.domain.AttachmentService;
import se.kompetensportal.dialogfund.domain.DecisionLetterService;
import se.kompetensportal.dialogfund.domain.Download;
import se.kompetensportal.shared.security.CurrentUser;

/**
 * Sends an application's files as downloads, never shown inline: its attachments (with the content type found by
 * checking their content) and its decision letter; with the safe file name, {@code nosniff}, and a policy that lets
 * nothing in it run should a browser open it anyway.
 */
@Controller
class AttachmentController {

    private final AttachmentService attachments;
    private final DecisionLetterService letters;

    AttachmentController(AttachmentService attachments, DecisionLetterService letters) {
        this.attachments = attachments;
        this.letters = letters;
    }

    @GetMapping("/dialog-fund/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable long attachmentId) {
        return send(attachments.download(CurrentUser.require(), attachmentId));
    }

    @GetMapping("/dialog-fund/decision-letters/{applicationId}")
    ResponseEntity<byte[]> decisionLetter(@PathVariable long applicationId) {
        return send(letters.letter(CurrentUser.require(), applicationId));
    }

    private static ResponseEntity<byte[]> send(Download file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.filename(), StandardCharsets.UTF_8).build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(file.content());
    }
}
