package se.kompetensportal.knowledge.domain;

import se.kompetensportal.knowledge.KnowledgeKind;

/** The public knowledge bank's filters, as given in the query string; all optional. */
public record KnowledgeFilter(Long project, Long track, KnowledgeKind kind, String q) {

    /** The search text, or {@code null} when blank; at most 200 characters are searched. */
    public String query() {
        if (q == null || q.isBlank()) {
            return null;
        }
        String t = q.strip();
        return t.length() > 200 ? t.substring(0, 200) : t;
    }
}
