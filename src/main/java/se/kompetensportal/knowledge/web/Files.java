package se.kompetensportal.knowledge.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import se.kompetensportal.knowledge.domain.KnowledgeFiles;

/**
 * A knowledge item's file as a download, never shown inline: the content type found by checking its content, the safe
 * file name, {@code nosniff}, and a policy that lets nothing in it run should a browser open it anyway.
 */
final class Files {

    private Files() {
    }

    static ResponseEntity<byte[]> of(KnowledgeFiles.Download file, boolean publicFile) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.filename(), StandardCharsets.UTF_8).build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .cacheControl(publicFile ? CacheControl.maxAge(java.time.Duration.ofMinutes(10)).cachePublic()
                        : CacheControl.noStore().cachePrivate())
                .body(file.content());
    }
}
