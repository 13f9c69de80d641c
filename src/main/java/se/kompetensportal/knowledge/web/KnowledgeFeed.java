package se.kompetensportal.knowledge.web;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import se.kompetensportal.knowledge.domain.KnowledgeCatalogue;
import se.kompetensportal.knowledge.domain.KnowledgeCatalogue.PublicItem;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.web.PortalProperties;

/**
 * Writes the knowledge bank's Atom feed (RFC 4287) with the JDK's streaming XML writer, which escapes every text: the
 * feed's id, title, updated, self and alternate links and author; for each entry its id (the item's address), title,
 * published and updated times, link, authors, kind and track as categories, and summary.
 */
@Component
class KnowledgeFeed {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final int ENTRIES = 50;

    private final KnowledgeCatalogue catalogue;
    private final ProjectsApi projects;
    private final PortalProperties portal;
    private final MessageSource messages;
    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

    KnowledgeFeed(KnowledgeCatalogue catalogue, ProjectsApi projects, PortalProperties portal, MessageSource messages) {
        this.catalogue = catalogue;
        this.projects = projects;
        this.portal = portal;
        this.messages = messages;
    }

    byte[] write(Long project, Long track, Locale locale) {
        List<PublicItem> items = catalogue.latest(project, track, ENTRIES);
        String title = messages.getMessage("knowledge.feed.title", null, locale);
        if (project != null) {
            title += " – " + projects.project(project).orElseThrow().shortName();
        }
        if (track != null) {
            title += " – " + projects.track(track).orElseThrow().name();
        }
        String query = UriComponentsBuilder.newInstance().queryParamIfPresent("project", java.util.Optional.ofNullable(project))
                .queryParamIfPresent("track", java.util.Optional.ofNullable(track)).build().toUriString();
        Instant updated = items.stream().map(i -> later(i.publishedAt(), i.updatedAt())).max(Instant::compareTo)
                .orElse(Instant.parse("2016-09-01T00:00:00Z"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = factory.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeAttribute("xml", javax.xml.XMLConstants.XML_NS_URI, "lang", locale.getLanguage());
            element(xml, "id", portal.link("/knowledge/feed.atom" + query));
            element(xml, "title", title);
            element(xml, "subtitle", messages.getMessage("knowledge.feed.subtitle", null, locale));
            element(xml, "updated", DateTimeFormatter.ISO_INSTANT.format(updated));
            link(xml, "self", portal.link("/knowledge/feed.atom" + query), "application/atom+xml");
            link(xml, "alternate", portal.link("/knowledge" + query), "text/html");
            xml.writeStartElement("author");
            element(xml, "name", portal.operator());
            xml.writeEndElement();
            element(xml, "generator", messages.getMessage("app.name", null, locale));
            for (PublicItem item : items) {
                entry(xml, item, locale);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Atom feed", e);
        }
        return out.toByteArray();
    }

    private void entry(XMLStreamWriter xml, PublicItem item, Locale locale) throws XMLStreamException {
        xml.writeStartElement("entry");
        element(xml, "id", portal.link("/knowledge/" + item.id()));
        element(xml, "title", item.title());
        element(xml, "published", DateTimeFormatter.ISO_INSTANT.format(item.publishedAt()));
        element(xml, "updated", DateTimeFormatter.ISO_INSTANT.format(later(item.publishedAt(), item.updatedAt())));
        link(xml, "alternate", portal.link(item.path()), "text/html");
        for (String name : item.authors().split("\\s*[,;]\\s*")) {
            if (!name.isBlank()) {
                xml.writeStartElement("author");
                element(xml, "name", name.strip());
                xml.writeEndElement();
            }
        }
        xml.writeEmptyElement("category");
        xml.writeAttribute("term", item.kind().name());
        xml.writeAttribute("label", messages.getMessage("knowledge.kind." + item.kind().name(), null, locale));
        if (item.trackName() != null) {
            xml.writeEmptyElement("category");
            xml.writeAttribute("term", "track-" + item.trackId());
            xml.writeAttribute("label", item.trackName());
        }
        xml.writeStartElement("summary");
        xml.writeAttribute("type", "text");
        xml.writeCharacters(item.summary());
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
