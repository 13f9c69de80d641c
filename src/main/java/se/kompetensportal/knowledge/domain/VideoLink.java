package se.kompetensportal.knowledge.domain;

import jakarta.persistence.Embeddable;

/** A film about the item, linked (never embedded: the page loads nothing from elsewhere). */
@Embeddable
public class VideoLink {

    private String title;
    private String url;

    protected VideoLink() {
    }

    public VideoLink(String title, String url) {
        this.title = title;
        this.url = url;
    }

    public String getTitle() { return title; }
    public String getUrl() { return url; }
}
