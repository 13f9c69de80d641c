package se.kompetensportal.shared.files;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises an uploaded file by its first bytes (its "magic number"), never by its name or the content type the
 * browser claims: PDF ({@code %PDF-}), PNG (its eight-byte signature), JPEG ({@code FF D8 FF}), Word 97–2003 (the OLE2
 * compound-file signature {@code D0 CF 11 E0 A1 B1 1A E1}) and Word 2007+ (a ZIP archive whose central directory lists
 * {@code [Content_Types].xml} and entries under {@code word/}). The ZIP check reads only the central directory, so it
 * inflates nothing and cannot be made to work hard by a compressed bomb.
 */
public final class FileKinds {

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    private static final byte[] ZIP = {'P', 'K', 0x03, 0x04};
    private static final int EOCD_SIGNATURE = 0x06054b50;
    private static final int CENTRAL_SIGNATURE = 0x02014b50;
    private static final int EOCD_SIZE = 22;
    private static final int MAX_ENTRIES = 10_000;

    private FileKinds() {
    }

    /** The kinds {@link #detect(byte[])} recognises: documents and pictures, not slides. */
    public static final Set<FileKind> DOCUMENTS_AND_PICTURES = Set.copyOf(EnumSet.of(FileKind.PDF, FileKind.DOC,
            FileKind.DOCX, FileKind.PNG, FileKind.JPEG));

    /** The kind of the content, if it is one of {@code accepted}. */
    public static Optional<FileKind> detect(byte[] content, Set<FileKind> accepted) {
        Optional<FileKind> kind = detect(content);
        if (kind.isEmpty() && accepted.contains(FileKind.PPTX) && content != null && startsWith(content, ZIP)
                && hasPart(content, "ppt/")) {
            kind = Optional.of(FileKind.PPTX);
        }
        return kind.filter(accepted::contains);
    }

    /** The kind of the content, or empty if it is none of {@link #DOCUMENTS_AND_PICTURES}. */
    public static Optional<FileKind> detect(byte[] content) {
        if (content == null || content.length == 0) {
            return Optional.empty();
        }
        if (startsWith(content, PDF)) {
            return Optional.of(FileKind.PDF);
        }
        if (startsWith(content, PNG)) {
            return Optional.of(FileKind.PNG);
        }
        if (startsWith(content, JPEG)) {
            return Optional.of(FileKind.JPEG);
        }
        if (startsWith(content, OLE2)) {
            return Optional.of(FileKind.DOC);
        }
        if (startsWith(content, ZIP) && hasPart(content, "word/")) {
            return Optional.of(FileKind.DOCX);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the ZIP archive's central directory names the parts every WordprocessingML package has. */
    static boolean isWordArchive(byte[] zip) {
        return hasPart(zip, "word/");
    }

    /** Whether the ZIP archive is an Office Open XML package with parts under the folder ("word/", "ppt/"). */
    static boolean hasPart(byte[] zip, String folder) {
        int eocd = findEndOfCentralDirectory(zip);
        if (eocd < 0) {
            return false;
        }
        int entries = u16(zip, eocd + 10);
        long size = u32(zip, eocd + 12);
        long offset = u32(zip, eocd + 16);
        if (entries > MAX_ENTRIES || offset + size > eocd) {
            return false;
        }
        boolean contentTypes = false;
        boolean word = false;
        int p = (int) offset;
        for (int i = 0; i < entries; i++) {
            if (p + 46 > eocd || (int) u32(zip, p) != CENTRAL_SIGNATURE) {
                return false;
            }
            int nameLength = u16(zip, p + 28);
            int extraLength = u16(zip, p + 30);
            int commentLength = u16(zip, p + 32);
            if (p + 46 + nameLength > eocd) {
                return false;
            }
            String name = new String(zip, p + 46, nameLength, StandardCharsets.UTF_8);
            contentTypes |= name.equals("[Content_Types].xml");
            word |= name.startsWith(folder);
            p += 46 + nameLength + extraLength + commentLength;
        }
        return contentTypes && word;
    }

    private static int findEndOfCentralDirectory(byte[] zip) {
        int lowest = Math.max(0, zip.length - EOCD_SIZE - 0xFFFF);
        for (int p = zip.length - EOCD_SIZE; p >= lowest; p--) {
            if ((int) u32(zip, p) == EOCD_SIGNATURE) {
                return p;
            }
        }
        return -1;
    }

    private static int u16(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int p) {
        return (b[p] & 0xFFL) | (b[p + 1] & 0xFFL) << 8 | (b[p + 2] & 0xFFL) << 16 | (b[p + 3] & 0xFFL) << 24;
    }
}
