package se.kompetensportal.shared.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a Thymeleaf template to a tagged (PDF/UA) PDF with an embedded DejaVu Sans font, so å, ä and ö print on any
 * machine. Templates live under {@code templates/pdf/}; they get plain values (no links through {@code @{}}, which need a
 * web request) and their text through message keys like every page.
 */
@Component
public class PdfRenderer {

    private static final String FONT_FAMILY = "DejaVu Sans";

    private final ITemplateEngine templates;

    public PdfRenderer(ITemplateEngine templates) {
        this.templates = templates;
    }

    public byte[] render(String template, Map<String, Object> variables, Locale locale) {
        String html = templates.process(template, new Context(locale, variables));
        org.jsoup.nodes.Document parsed = Jsoup.parse(html);
        parsed.outputSettings().syntax(org.jsoup.nodes.Document.OutputSettings.Syntax.xml);
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            builder.withProducer("Kompetensportalen");
            // The same embedded font under the generic family names too: text the template does not style (page
            // margin boxes, say) must not fall back to a font that is not embedded, which PDF/UA forbids.
            for (String family : new String[] {FONT_FAMILY, "serif", "sans-serif", "monospace"}) {
                builder.useFont(() -> font("fonts/DejaVuSans.ttf"), family, 400, FontStyle.NORMAL, true);
                builder.useFont(() -> font("fonts/DejaVuSans-Bold.ttf"), family, 700, FontStyle.NORMAL, true);
            }
            builder.withW3cDocument(new W3CDom().fromJsoup(parsed), "/");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render PDF " + template, e);
        }
        return out.toByteArray();
    }

    private static InputStream font(String path) {
        try {
            return new ClassPathResource(path).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
