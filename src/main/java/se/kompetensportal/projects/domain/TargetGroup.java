package se.kompetensportal.projects.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.kompetensportal.projects.TargetGroupInfo;

/** A target group of a project, identified within it by a short code such as "1a". */
@Entity
@Table(name = "target_group")
public class TargetGroup {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "target_group_seq")
    @SequenceGenerator(name = "target_group_seq", sequenceName = "target_group_seq", allocationSize = 50)
    private Long id;

    private long projectId;
    private String code;
    private String name;

    @Version
    private long version;

    protected TargetGroup() {
    }

    public TargetGroup(long projectId, String code, String name) {
        this.projectId = projectId;
        this.code = code;
        this.name = name;
    }

    public TargetGroupInfo info() {
        return new TargetGroupInfo(id, projectId, code, name);
    }

    public Long getId() { return id; }
    public long getProjectId() { return projectId; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public long getVersion() { return version; }
}
