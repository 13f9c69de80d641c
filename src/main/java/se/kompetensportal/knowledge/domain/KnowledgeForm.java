package se.kompetensportal.knowledge.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import se.kompetensportal.knowledge.KnowledgeKind;

/**
 * A knowledge item as its author edits it. The text is Markdown; up to {@value #VIDEOS} film links; linked activities
 * by id (checked against the project's public activities by the service).
 */
public record KnowledgeForm(
        @NotNull KnowledgeKind kind,
        Long trackId,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 600) String summary,
        @Size(max = 100_000) String body,
        @NotBlank @Size(max = 500) String authors,
        @NotNull Licence licence,
        List<@Valid VideoForm> videos,
        List<Long> activityIds,
        long version) {

    public static final int VIDEOS = 3;

    public KnowledgeForm {
        videos = videos == null ? new ArrayList<>() : new ArrayList<>(videos);
        while (videos.size() < VIDEOS) {
            videos.add(new VideoForm(null, null));
        }
        activityIds = activityIds == null ? List.of() : List.copyOf(activityIds.stream().filter(Objects::nonNull).toList());
    }

    public static KnowledgeForm empty() {
        return new KnowledgeForm(KnowledgeKind.ARTICLE, null, "", "", "", "", Licence.CC_BY_4_0, null, null, 0);
    }

    public static KnowledgeForm of(KnowledgeItem i) {
        return new KnowledgeForm(i.getKind(), i.getTrackId(), i.getTitle(), i.getSummary(), i.getBody(),
                i.getAuthors(), i.getLicence(),
                i.getVideos().stream().map(v -> new VideoForm(v.getTitle(), v.getUrl())).toList(),
                List.copyOf(i.getActivityIds()), i.getVersion());
    }

    public List<VideoForm> filledVideos() {
        return videos.stream().filter(v -> v != null && !v.isBlank()).toList();
    }

    public List<Long> chosenActivityIds() {
        return activityIds.stream().distinct().toList();
    }

    /** A film link: both a title and an https address, or neither. */
    public record VideoForm(
            @Size(max = 200) String title,
            @Size(max = 500) @Pattern(regexp = "^$|^https://[^\\s<>\"]+$", message = "{knowledge.video.url.pattern}") String url) {

        public boolean isBlank() {
            return (title == null || title.isBlank()) && (url == null || url.isBlank());
        }
    }
}
