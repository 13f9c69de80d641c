package se.kompetensportal.knowledge.domain;

import java.util.EnumSet;
import java.util.Set;

import se.kompetensportal.shared.files.FileKind;
import se.kompetensportal.shared.files.FileKinds;
import se.kompetensportal.shared.files.FileNames;
import se.kompetensportal.shared.web.FieldRejectedException;

/**
 * The files a knowledge item may carry: PDF, slides (PowerPoint), Word documents and pictures, recognised by their
 * content, at most {@value #MAX_MEGABYTES} MB each and {@value #MAX_FILES} per item; the name is made safe and given the
 * extension of what the file really is.
 */
public final class KnowledgeFiles {

    public static final int MAX_MEGABYTES = 10;
    static final long MAX_BYTES = MAX_MEGABYTES * 1024L * 1024L;
    public static final int MAX_FILES = 10;
    static final Set<FileKind> ACCEPTED = EnumSet.of(FileKind.PDF, FileKind.PPTX, FileKind.DOCX, FileKind.DOC,
            FileKind.PNG, FileKind.JPEG);

    /** A file that passed the checks. */
    record Checked(String name, FileKind kind) {
    }

    /** A file to send. */
    public record Download(String filename, String contentType, byte[] content) {
    }

    private KnowledgeFiles() {
    }

    static Checked check(String originalName, byte[] content, String fallbackName) {
        if (content == null || content.length == 0) {
            throw new FieldRejectedException("file", "knowledge.attachment.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new FieldRejectedException("file", "knowledge.attachment.tooLarge", MAX_MEGABYTES);
        }
        FileKind kind = FileKinds.detect(content, ACCEPTED)
                .orElseThrow(() -> new FieldRejectedException("file", "knowledge.attachment.wrongType"));
        return new Checked(FileNames.sanitise(originalName, kind, fallbackName), kind);
    }
}
