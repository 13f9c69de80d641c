package se.kompetensportal.projects;

/** A target group (målgrupp) of a project, such as "1a". */
public record TargetGroupInfo(long id, long projectId, String code, String name) {

    public String label() {
        return code + " " + name;
    }
}
