package se.kompetensportal.shared.files;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Makes an uploaded file's original name safe to store and to send back in a {@code Content-Disposition} header: the
 * last path segment only, no control or reserved characters, at most {@value #MAX_LENGTH} characters, and an
 * extension that matches the content actually found (a PDF called {@code x.exe} is stored as {@code x.exe.pdf}).
 */
public final class FileNames {

    public static final int MAX_LENGTH = 150;

    private FileNames() {
    }

    public static String sanitise(String original, FileKind kind, String fallbackBaseName) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC)
                .replaceAll("[\\p{Cntrl}\\p{Cf}<>:\"|?*;%\\u2028\\u2029]", "")
                .replaceAll("\\s+", " ")
                .strip()
                .replaceAll("^[.\\s]+|[.\\s]+$", "");
        String base = name;
        String extension = "";
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            base = name.substring(0, dot);
            extension = name.substring(dot + 1);
        }
        if (base.isBlank()) {
            base = fallbackBaseName;
        }
        String suffix = kind.hasExtension(extension) ? extension.toLowerCase(Locale.ROOT) : kind.extension();
        String keptExtension = kind.hasExtension(extension) || extension.isEmpty() ? "" : "." + extension;
        String stem = base + keptExtension;
        int room = MAX_LENGTH - suffix.length() - 1;
        if (stem.length() > room) {
            if (Character.isHighSurrogate(stem.charAt(room - 1))) {
                room--;
            }
            stem = stem.substring(0, room).strip();
        }
        return stem + "." + suffix;
    }
}
