package se.kompetensportal.shared.files;

import java.util.Set;

/**
 * The kinds of document users may upload, recognised by their content (see {@link FileKinds#detect(byte[])}), each
 * with the content type it is served with and the file-name extensions that belong to it.
 */
public enum FileKind {
    PDF("application/pdf", "pdf", Set.of("pdf")),
    DOC("application/msword", "doc", Set.of("doc")),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", Set.of("docx")),
    PNG("image/png", "png", Set.of("png")),
    JPEG("image/jpeg", "jpg", Set.of("jpg", "jpeg")),
    /** Slides (PowerPoint). Recognised only where a caller asks for it (see {@link FileKinds#detect(byte[], Set)}). */
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx", Set.of("pptx"));

    private final String contentType;
    private final String extension;
    private final Set<String> extensions;

    FileKind(String contentType, String extension, Set<String> extensions) {
        this.contentType = contentType;
        this.extension = extension;
        this.extensions = extensions;
    }

    public String contentType() {
        return contentType;
    }

    /** The usual extension, without the dot. */
    public String extension() {
        return extension;
    }

    public boolean hasExtension(String candidate) {
        return candidate != null && extensions.contains(candidate.toLowerCase(java.util.Locale.ROOT));
    }

    public boolean isImage() {
        return this == PNG || this == JPEG;
    }
}
