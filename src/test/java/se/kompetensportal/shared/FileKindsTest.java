package se.kompetensportal.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import se.kompetensportal.shared.files.FileKind;
import se.kompetensportal.shared.files.FileKinds;
import se.kompetensportal.shared.files.FileNames;

import static org.assertj.core.api.Assertions.assertThat;

/** Files are recognised by their content, and their names made safe. */
class FileKindsTest {

    @Test
    void recognisesEachAcceptedKindByItsFirstBytes() throws IOException {
        assertThat(FileKinds.detect("%PDF-1.7\n".getBytes())).contains(FileKind.PDF);
        assertThat(FileKinds.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}))
                .contains(FileKind.PNG);
        assertThat(FileKinds.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1}))
                .contains(FileKind.JPEG);
        assertThat(FileKinds.detect(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1,
                (byte) 0xB1, 0x1A, (byte) 0xE1})).contains(FileKind.DOC);
        assertThat(FileKinds.detect(zip("[Content_Types].xml", "_rels/.rels", "word/document.xml")))
                .contains(FileKind.DOCX);
    }

    @Test
    void refusesWhatOnlyLooksRight() throws IOException {
        assertThat(FileKinds.detect("Bara text med namnet x.pdf".getBytes())).isEmpty();
        assertThat(FileKinds.detect(" %PDF-1.7".getBytes())).isEmpty();
        assertThat(FileKinds.detect("<html><script>".getBytes())).isEmpty();
        assertThat(FileKinds.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).isEmpty();
        assertThat(FileKinds.detect(new byte[0])).isEmpty();
        assertThat(FileKinds.detect(null)).isEmpty();
        // A ZIP that is not a Word document (an Excel file, or an archive that merely names a part).
        assertThat(FileKinds.detect(zip("[Content_Types].xml", "xl/workbook.xml"))).isEmpty();
        assertThat(FileKinds.detect(zip("word/document.xml"))).isEmpty();
        // A truncated archive: the central directory is missing.
        byte[] docx = zip("[Content_Types].xml", "word/document.xml");
        assertThat(FileKinds.detect(java.util.Arrays.copyOf(docx, docx.length - 30))).isEmpty();
    }

    @Test
    void namesAreMadeSafeAndEndInTheKindFound() {
        assertThat(FileNames.sanitise("Budget 2026.pdf", FileKind.PDF, "bilaga")).isEqualTo("Budget 2026.pdf");
        assertThat(FileNames.sanitise("../../etc/passwd.pdf", FileKind.PDF, "bilaga")).isEqualTo("passwd.pdf");
        assertThat(FileNames.sanitise("C:\\Users\\x\\bild.JPEG", FileKind.JPEG, "bilaga")).isEqualTo("bild.jpeg");
        assertThat(FileNames.sanitise("evil.html", FileKind.PDF, "bilaga")).isEqualTo("evil.html.pdf");
        assertThat(FileNames.sanitise("ny\u0000rad\r\n\"<x>\";.png", FileKind.PNG, "bilaga")).isEqualTo("nyradx.png");
        assertThat(FileNames.sanitise(null, FileKind.DOCX, "bilaga")).isEqualTo("bilaga.docx");
        assertThat(FileNames.sanitise("...", FileKind.DOC, "bilaga")).isEqualTo("bilaga.doc");
        assertThat(FileNames.sanitise("å".repeat(400) + ".pdf", FileKind.PDF, "bilaga"))
                .hasSize(FileNames.MAX_LENGTH).endsWith(".pdf");
    }

    private static byte[] zip(String... names) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("<x/>".getBytes());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void slidesAreRecognisedOnlyWhereACallerAcceptsThem() throws IOException {
        byte[] pptx = zip("[Content_Types].xml", "_rels/.rels", "ppt/presentation.xml");
        assertThat(FileKinds.detect(pptx)).as("documents and pictures only").isEmpty();
        assertThat(FileKinds.detect(pptx, java.util.Set.of(FileKind.PDF, FileKind.PPTX))).contains(FileKind.PPTX);
        assertThat(FileKinds.detect(zip("[Content_Types].xml", "word/document.xml"), java.util.Set.of(FileKind.PPTX)))
                .as("a Word file is not slides").isEmpty();
    }
}
