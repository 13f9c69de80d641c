package se.kompetensportal.indicators.domain;

import java.math.BigDecimal;
import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.kompetensportal.activities.ActivityKind;

/** An indicator of a project: what it measures, its target and how the actual value is compared with it. */
@Entity
@Table(name = "indicator")
public class Indicator {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "indicator_seq")
    @SequenceGenerator(name = "indicator_seq", sequenceName = "indicator_seq", allocationSize = 50)
    private Long id;

    private long projectId;
    private int position;
    private String nameSv;
    private String nameEn;
    private String subGoal;
    private String description;
    @Enumerated(EnumType.STRING)
    private IndicatorKind kind;
    @Enumerated(EnumType.STRING)
    private Comparison comparison;
    private BigDecimal target;
    private BigDecimal targetMax;
    @Enumerated(EnumType.STRING)
    private IndicatorPeriod period;
    @Enumerated(EnumType.STRING)
    private ActivityKind activityKind;
    private String statementKey;
    private String gender;
    private Long trackId;
    /** Shown, as an aggregate, among the results on the public project page. */
    private boolean published;

    @Version
    private long version;

    protected Indicator() {
    }

    public Indicator(long projectId, int position) {
        this.projectId = projectId;
        this.position = position;
    }

    /** Takes the form's values; the parameters that do not belong to the kind are cleared. */
    public void apply(IndicatorForm f) {
        nameSv = f.nameSv().strip();
        nameEn = f.nameEn() == null || f.nameEn().isBlank() ? null : f.nameEn().strip();
        subGoal = f.subGoal() == null || f.subGoal().isBlank() ? null : f.subGoal().strip();
        description = f.description() == null || f.description().isBlank() ? null : f.description().strip();
        kind = f.kind();
        comparison = f.comparison();
        target = f.target();
        targetMax = f.comparison() == Comparison.SHARE_BETWEEN ? f.targetMax() : null;
        period = f.period();
        activityKind = kind.needsActivityKind() ? f.activityKind() : null;
        statementKey = kind.needsStatementKey() ? f.statementKey().strip() : null;
        gender = kind.needsGender() ? f.gender() : null;
        trackId = kind.takesTrack() ? f.trackId() : null;
        if (!kind.publishable()) {
            published = false;
        }
    }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) && nameEn != null ? nameEn : nameSv;
    }

    public Long getId() { return id; }
    public long getProjectId() { return projectId; }
    public int getPosition() { return position; }
    public void setPosition(int position) { this.position = position; }
    public String getNameSv() { return nameSv; }
    public String getNameEn() { return nameEn; }
    public String getSubGoal() { return subGoal; }
    public String getDescription() { return description; }
    public IndicatorKind getKind() { return kind; }
    public Comparison getComparison() { return comparison; }
    public BigDecimal getTarget() { return target; }
    public BigDecimal getTargetMax() { return targetMax; }
    public IndicatorPeriod getPeriod() { return period; }
    public ActivityKind getActivityKind() { return activityKind; }
    public String getStatementKey() { return statementKey; }
    public String getGender() { return gender; }
    public Long getTrackId() { return trackId; }
    public boolean isPublished() { return published; }
    public void setPublished(boolean published) { this.published = published; }
    public long getVersion() { return version; }
}
