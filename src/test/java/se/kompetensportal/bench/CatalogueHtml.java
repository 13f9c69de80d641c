package se.kompetensportal.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The baseline's page, written with a {@code StringBuilder}: byte for byte what the portal's layout and
 * {@code activities/catalogue.html} give an anonymous Swedish visitor for the upcoming catalogue without filters (but
 * for the free-text search and the page number). {@link PortalVersusBaseline} checks that the bytes are the same.
 */
final class CatalogueHtml {

    private static final String[] KINDS = {"COURSE", "ADVANCED_COURSE", "WORKSHOP", "CONFERENCE", "COLLABORATION_FORUM",
            "PROCESS_DAY", "DIALOGUE_MEETING", "NETWORK_MEETING", "FOCUS_GROUP"};
    private static final String DT = "\n                    <dt class=\"col-sm-3 col-lg-2\">";
    private static final String DD = "\n                    <dd class=\"col-sm-9 col-lg-10\">";

    private CatalogueHtml() {
    }

    static String page(RawCatalogueServer m, RawCatalogueServer.Facets f, String rawQuery, String q, long total,
            int pageNumber, List<Object[]> rows, Map<Long, List<String>> groupsOf, Instant now) {
        StringBuilder b = new StringBuilder(48 * 1024);
        String title = m.text("catalogue.title");
        b.append("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n    <meta charset=\"utf-8\">\n")
                .append("    <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n    <title>")
                .append(escape(title + " – " + m.text("app.name"))).append("</title>\n    <meta name=\"description\" content=\"")
                .append(escape(m.text("catalogue.meta"))).append("\">\n    <link rel=\"canonical\" href=\"")
                .append(escape(m.canonical())).append("\">\n    \n    \n    \n")
                .append("    <meta name=\"htmx-config\" content='{\"includeIndicatorStyles\":false,\"allowScriptTags\":false}'>\n")
                .append("    <link rel=\"stylesheet\" href=\"/webjars/bootstrap/5.3.8/css/bootstrap.min.css\">\n")
                .append("    <link rel=\"stylesheet\" href=\"/css/app.css\">\n</head>\n<body>\n")
                .append("<a class=\"skip-link\" href=\"#main\">").append(escape(m.text("layout.skip"))).append("</a>\n")
                .append("<header class=\"d-print-none\">\n    <nav class=\"navbar navbar-expand-lg navbar-dark bg-kp\" aria-label=\"")
                .append(escape(m.text("layout.nav.main"))).append("\">\n        \n        <div class=\"container-xxl\">\n")
                .append("            <a class=\"navbar-brand\" href=\"/\">").append(escape(m.text("app.name"))).append("</a>\n")
                .append("            <button class=\"navbar-toggler\" type=\"button\" data-bs-toggle=\"collapse\" data-bs-target=\"#main-nav\"\n")
                .append("                    aria-controls=\"main-nav\" aria-expanded=\"false\" aria-label=\"")
                .append(escape(m.text("layout.nav.toggle"))).append("\">\n")
                .append("                <span class=\"navbar-toggler-icon\"></span>\n            </button>\n")
                .append("            <div class=\"collapse navbar-collapse\" id=\"main-nav\">\n")
                .append("                <ul class=\"navbar-nav me-auto\">\n");
        b.append("                    \n");
        navItem(b, "/activities", m.text("layout.nav.catalogue"));
        navItem(b, "/knowledge", m.text("knowledge.nav"));
        navItem(b, "/dialog-fund", m.text("dialogfund.nav.public"));
        b.append("                    \n".repeat(2))
                .append("                </ul>\n                <ul class=\"navbar-nav align-items-lg-center\">\n")
                .append("                    <li class=\"nav-item\">\n                        <a class=\"nav-link\" href=\"")
                .append(escape(link(rawQuery, "lang", "en"))).append("\"\n                           lang=\"en\" hreflang=\"en\" title=\"")
                .append(escape(m.text("layout.language.switch.label"))).append("\">")
                .append(escape(m.text("layout.language.switch"))).append("</a>\n                    </li>\n")
                .append("                    \n                    \n                    <li class=\"nav-item\">\n")
                .append("                        <a class=\"nav-link\" href=\"/login\">").append(escape(m.text("layout.nav.login")))
                .append("</a>\n                    </li>\n                </ul>\n            </div>\n        </div>\n    </nav>\n")
                .append("</header>\n<main id=\"main\" class=\"container py-4\" tabindex=\"-1\">\n    \n    \n    \n\n    <div>\n")
                .append("    <h1>").append(escape(title)).append("</h1>\n    <p class=\"lead\">")
                .append(escape(m.text("catalogue.lead"))).append("</p>\n    <p class=\"d-flex flex-wrap gap-3\">\n")
                .append("        <a href=\"/activities/archive\">").append(escape(m.text("catalogue.toArchive")))
                .append("</a>\n        \n        <a href=\"/activities/print?project=\">").append(escape(m.text("catalogue.print")))
                .append("</a>\n        \n        \n    </p>\n\n")
                .append("    <form action=\"/activities\" method=\"get\" class=\"card card-body mb-4\" role=\"search\"\n")
                .append("          aria-label=\"").append(escape(m.text("catalogue.filter.label"))).append("\">\n")
                .append("        <div class=\"row g-3\">\n            <div class=\"col-md-6 col-lg-4\">\n")
                .append("                <label for=\"q\" class=\"form-label\">").append(escape(m.text("catalogue.filter.q")))
                .append("</label>\n                <input type=\"search\" id=\"q\" name=\"q\" class=\"form-control\" value=\"")
                .append(q == null ? "" : escape(q)).append("\"\n                       aria-describedby=\"q-hint\">\n")
                .append("                <div id=\"q-hint\" class=\"form-text\">").append(escape(m.text("catalogue.filter.q.hint")))
                .append("</div>\n            </div>\n");
        select(b, m, "project", "4");
        for (String[] p : f.projects()) {
            option(b, p[0], p[1] + " – " + p[2]);
        }
        b.append("\n                </select>\n            </div>\n");
        select(b, m, "track", "4");
        optgroups(b, f.projects(), f.tracks());
        select(b, m, "targetGroup", "4");
        optgroups(b, f.projects(), f.groups());
        select(b, m, "kind", "4");
        for (String k : KINDS) {
            option(b, k, m.text("activity.kind." + k));
        }
        b.append("\n                </select>\n            </div>\n");
        select(b, m, "place", "2");
        for (String place : f.places()) {
            option(b, place, place);
        }
        b.append("\n                </select>\n            </div>\n");
        select(b, m, "month", "2");
        YearMonth current = RawCatalogueServer.currentMonth(now);
        for (int i = 0; i < 12; i++) {
            option(b, current.plusMonths(i).toString(), RawCatalogueServer.month(current.plusMonths(i)));
        }
        b.append("\n                </select>\n            </div>\n        </div>\n")
                .append("        <div class=\"d-flex flex-wrap gap-2 mt-3\">\n            <button type=\"submit\" class=\"btn btn-primary\">")
                .append(escape(m.text("common.filter"))).append("</button>\n")
                .append("            <a class=\"btn btn-outline-secondary\" href=\"/activities\">")
                .append(escape(m.text("catalogue.filter.clear"))).append("</a>\n        </div>\n    </form>\n\n")
                .append("    <h2 class=\"h5\" id=\"results-heading\">").append(escape(m.text("catalogue.results", total)))
                .append("</h2>\n    ");
        if (rows.isEmpty()) {
            b.append("<p>").append(escape(m.text(q == null ? "catalogue.empty" : "catalogue.noMatches"))).append("</p>\n    ");
        } else {
            b.append("\n    <ul class=\"list-unstyled catalogue-list\" aria-labelledby=\"results-heading\">");
            for (Object[] r : rows) {
                item(b, m, f, r, groupsOf.getOrDefault((Long) r[0], List.of()), now);
            }
            b.append("\n    </ul>\n    ");
        }
        pager(b, m, rawQuery, total, pageNumber, rows.size());
        b.append("\n</div>\n</main>\n<footer class=\"border-top py-4 mt-5 d-print-none\">\n")
                .append("    <div class=\"container d-flex flex-wrap gap-3 justify-content-between\">\n")
                .append("        <a href=\"/accessibility\">").append(escape(m.text("layout.footer.accessibility")))
                .append("</a>\n        <span class=\"text-secondary\">").append(escape(m.text("app.name")))
                .append("</span>\n    </div>\n</footer>\n")
                .append("<script src=\"/webjars/bootstrap/5.3.8/js/bootstrap.bundle.min.js\"></script>\n")
                .append("<script src=\"/js/app.js\"></script>\n\n</body>\n</html>\n");
        return b.toString();
    }

    private static void item(StringBuilder b, RawCatalogueServer m, RawCatalogueServer.Facets f, Object[] r,
            List<String> groups, Instant now) {
        long id = (Long) r[0];
        String title = (String) r[1];
        String slug = RawCatalogueServer.slug(title);
        Instant first = (Instant) r[7];
        Instant last = (Instant) r[8];
        int seatsLeft = Math.max(0, (Integer) r[13] - (Integer) r[14]);
        String state = state((String) r[4], (Timestamp) r[15], (Timestamp) r[16], seatsLeft, now);
        String place = r[12] != null ? (String) r[12] : r[11] != null ? (String) r[11] : m.text("activity.online");
        String shortName = f.shortNames().get((Long) r[5]);
        b.append("\n        <li class=\"card mb-3\">\n            <article class=\"card-body\">\n")
                .append("                <h3 class=\"h5 card-title\"><a href=\"/activities/").append(id)
                .append(slug.isEmpty() ? "" : "-" + slug).append("\">").append(escape(title)).append("</a></h3>\n")
                .append("                <p class=\"card-subtitle mb-2 text-secondary\">\n                    <span>")
                .append(escape(m.text("activity.kind." + r[2]))).append("</span> ·\n                    <span>")
                .append(escape(m.text("activity.level." + r[3]))).append("</span> ·\n                    <span>")
                .append(escape((shortName == null ? "" : shortName) + ", "
                        + f.trackNames().getOrDefault((Long) r[6], "")))
                .append("</span>\n                </p>\n                <dl class=\"row mb-0 small\">")
                .append(DT).append(escape(m.text("activity.when"))).append("</dt>").append(DD)
                .append("\n                        <span>").append(RawCatalogueServer.date(first).equals(RawCatalogueServer.date(last))
                        ? RawCatalogueServer.dateTime(first)
                        : RawCatalogueServer.date(first) + " – " + RawCatalogueServer.date(last))
                .append("</span>\n                        <span>")
                .append(escape(m.text("catalogue.sessions", r[9], RawCatalogueServer.hours((Long) r[10]))))
                .append("</span>\n                    </dd>")
                .append(DT).append(escape(m.text("activity.place"))).append("</dt>").append(DD).append(escape(place))
                .append("</dd>").append(DT).append(escape(m.text("activity.targetGroups"))).append("</dt>").append(DD)
                .append(escape(String.join("; ", groups))).append("</dd>")
                .append(DT).append(escape(m.text("activity.registration"))).append("</dt>").append(DD)
                .append("\n                        <span").append(state.equals("OPEN") ? " class=\"fw-semibold\"" : "").append('>')
                .append(escape(m.text("registration.state." + state))).append("</span>\n                        ");
        if (state.equals("OPEN") || state.equals("NOT_YET_OPEN")) {
            b.append("<span>").append(escape(m.text("activity.seatsLeft.short", seatsLeft))).append("</span>");
        }
        b.append("\n                    </dd>\n                </dl>\n            </article>\n        </li>");
    }

    private static String state(String status, Timestamp opens, Timestamp closes, int seatsLeft, Instant now) {
        if (!status.equals("PUBLISHED")) {
            return status;
        }
        if (closes != null && !now.isBefore(closes.toInstant())) {
            return "CLOSED";
        }
        if (opens != null && now.isBefore(opens.toInstant())) {
            return "NOT_YET_OPEN";
        }
        return seatsLeft <= 0 ? "FULL" : "OPEN";
    }

    private static void pager(StringBuilder b, RawCatalogueServer m, String rawQuery, long total, int page, int size) {
        int pages = (int) ((total + 19) / 20);
        if (pages <= 1) {
            return;
        }
        b.append("<nav aria-label=\"").append(escape(m.text("pagination.label")))
                .append("\">\n    <ul class=\"pagination flex-wrap\">\n        ");
        if (page > 0) {
            b.append("<li class=\"page-item\">\n            <a class=\"page-link\" href=\"")
                    .append(escape(link(rawQuery, "page", Integer.toString(page - 1)))).append("\" rel=\"prev\">")
                    .append(escape(m.text("pagination.previous"))).append("</a>\n        </li>");
        }
        for (int p = 0; p < pages; p++) {
            if (p != 0 && p != pages - 1 && Math.abs(p - page) > 2) {
                continue;
            }
            boolean current = p == page;
            b.append("\n        <li class=\"page-item").append(current ? " active" : "")
                    .append("\">\n            <a class=\"page-link\" href=\"")
                    .append(escape(link(rawQuery, "page", Integer.toString(p)))).append('"')
                    .append(current ? " aria-current=\"page\"" : "").append(" aria-label=\"")
                    .append(escape(m.text(current ? "pagination.current" : "pagination.page", p + 1))).append("\">")
                    .append(p + 1).append("</a>\n        </li>");
        }
        b.append("\n        ");
        if (page < pages - 1) {
            b.append("<li class=\"page-item\">\n            <a class=\"page-link\" href=\"")
                    .append(escape(link(rawQuery, "page", Integer.toString(page + 1)))).append("\" rel=\"next\">")
                    .append(escape(m.text("pagination.next"))).append("</a>\n        </li>");
        }
        b.append("\n    </ul>\n    <p class=\"text-secondary small\">")
                .append(escape(m.text("pagination.summary", page * 20 + 1, page * 20 + size, total)))
                .append("</p>\n</nav>");
    }

    /** The current address with one parameter set (last), as the portal's links are made. */
    private static String link(String rawQuery, String name, String value) {
        StringBuilder b = new StringBuilder("/activities?");
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (!pair.startsWith(name + "=")) {
                    b.append(pair).append('&');
                }
            }
        }
        return b.append(name).append('=').append(value).toString();
    }

    private static void navItem(StringBuilder b, String href, String text) {
        b.append("                    <li class=\"nav-item\"><a class=\"nav-link\" href=\"").append(href).append("\">")
                .append(escape(text)).append("</a></li>\n");
    }

    private static void select(StringBuilder b, RawCatalogueServer m, String name, String width) {
        b.append("            <div class=\"col-md-6 col-lg-").append(width).append("\">\n")
                .append("                <label for=\"").append(name).append("\" class=\"form-label\">")
                .append(escape(m.text("catalogue.filter." + name))).append("</label>\n")
                .append("                <select id=\"").append(name).append("\" name=\"").append(name)
                .append("\" class=\"form-select\">\n                    <option value=\"\">")
                .append(escape(m.text("common.all"))).append("</option>");
    }

    private static void option(StringBuilder b, String value, String text) {
        b.append("\n                    <option value=\"").append(escape(value)).append("\">").append(escape(text))
                .append("</option>");
    }

    /** Per project an optgroup with that project's entries. */
    private static void optgroups(StringBuilder b, List<String[]> projects, List<String[]> entries) {
        b.append("\n                    ");
        for (String[] p : projects) {
            b.append("<optgroup label=\"").append(escape(p[1])).append("\">");
            for (String[] e : entries) {
                if (e[0].equals(p[0])) {
                    b.append("\n                        ");
                    b.append("<option value=\"").append(e[1]).append("\">").append(escape(e[2])).append("</option>");
                }
            }
            b.append("\n                    </optgroup>");
        }
        b.append("\n                </select>\n            </div>\n");
    }

    /** As Thymeleaf's th:text and attribute values escape. */
    static String escape(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (r != null && b == null) {
                b = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (b != null) {
                if (r != null) {
                    b.append(r);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? text : b.toString();
    }
}
