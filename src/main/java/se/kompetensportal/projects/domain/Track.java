package se.kompetensportal.projects.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.kompetensportal.projects.TrackInfo;

/** A thematic track of a project; tracks are shown in {@code position} order. */
@Entity
@Table(name = "track")
public class Track {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "track_seq")
    @SequenceGenerator(name = "track_seq", sequenceName = "track_seq", allocationSize = 50)
    private Long id;

    private long projectId;
    private int position;
    private String name;
    private String description;

    @Version
    private long version;

    protected Track() {
    }

    public Track(long projectId, int position, String name, String description) {
        this.projectId = projectId;
        this.position = position;
        this.name = name;
        this.description = description;
    }

    public TrackInfo info() {
        return new TrackInfo(id, projectId, position, name);
    }

    public Long getId() { return id; }
    public long getProjectId() { return projectId; }
    public int getPosition() { return position; }
    public void setPosition(int position) { this.position = position; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public long getVersion() { return version; }
}
