package se.kompetensportal.actors.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import se.kompetensportal.actors.domain.PlanDocument;

/**
 * A plan's document as a download, never shown inline: the content type found by checking its content, the safe file
 * name, {@code nosniff}, and a policy that lets nothing in it run should a browser open it anyway.
 */
final class Downloads {

    private Downloads() {
    }

    static ResponseEntity<byte[]> of(PlanDocument file) {
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
