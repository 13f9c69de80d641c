package se.kompetensportal.knowledge.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.dialogfund.FinalReports;
import se.kompetensportal.dialogfund.FinalReports.ApprovedReport;
import se.kompetensportal.indicators.CollaborationProjects;
import se.kompetensportal.indicators.CollaborationProjects.Collaboration;
import se.kompetensportal.knowledge.KnowledgeKind;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * Good examples made from what the project already has: approved dialog-fund final reports and developed
 * collaboration projects, each once, as a draft with the consent to publish recorded. Only for those who manage the
 * project.
 */
@Service
@Transactional
public class KnowledgeSources {

    /** Reports and collaboration projects of the project that no item has been made from yet. */
    public record Sources(List<ApprovedReport> reports, List<Collaboration> collaborations) {
    }

    private final KnowledgeItemRepository items;
    private final FinalReports finalReports;
    private final CollaborationProjects collaborations;
    private final MessageSource messages;
    private final Clock clock;

    KnowledgeSources(KnowledgeItemRepository items, FinalReports finalReports, CollaborationProjects collaborations,
            MessageSource messages, Clock clock) {
        this.items = items;
        this.finalReports = finalReports;
        this.collaborations = collaborations;
        this.messages = messages;
        this.clock = clock;
    }

    /** The project's approved final reports and developed collaboration projects that no item was made from. */
    @Transactional(readOnly = true)
    public Sources sources(PortalUser user, long projectId) {
        user.requireManage(projectId);
        Set<Long> usedReports = Set.copyOf(items.sourceIds(projectId, SourceKind.FINAL_REPORT));
        Set<Long> usedCollaborations = Set.copyOf(items.sourceIds(projectId, SourceKind.COLLABORATION));
        return new Sources(
                finalReports.approved(projectId).stream().filter(r -> !usedReports.contains(r.applicationId()))
                        .toList(),
                collaborations.developed(projectId).stream().filter(c -> !usedCollaborations.contains(c.id()))
                        .toList());
    }

    @Transactional(readOnly = true)
    public ApprovedReport report(PortalUser user, long projectId, long applicationId) {
        user.requireManage(projectId);
        return finalReports.approved(projectId, applicationId)
                .orElseThrow(() -> new NotFoundException("FinalReport", applicationId));
    }

    @Transactional(readOnly = true)
    public Collaboration collaboration(PortalUser user, long projectId, long collaborationId) {
        user.requireManage(projectId);
        return collaborations.developed(projectId, collaborationId)
                .orElseThrow(() -> new NotFoundException("Collaboration", collaborationId));
    }

    /**
     * A draft good example made from an approved final report, with the consent recorded. Its text is the report's, for
     * the secretary to edit before review.
     */
    public long createFromReport(PortalUser user, long projectId, long applicationId, ConsentForm consent,
            Locale locale) {
        user.requireManage(projectId);
        ApprovedReport r = report(user, projectId, applicationId);
        if (items.existsBySourceKindAndSourceId(SourceKind.FINAL_REPORT, applicationId)) {
            throw new BusinessRuleException("knowledge.source.used");
        }
        String body = "## " + text("knowledge.source.report.about", locale) + "\n\n" + nullToEmpty(r.description())
                + "\n\n## " + text("knowledge.source.report.outcome", locale) + "\n\n" + nullToEmpty(r.summary())
                + "\n\n" + messages.getMessage("knowledge.source.report.facts", new Object[] {
                        r.organisationName(), String.valueOf(r.heldOn()), r.participants(), r.reference()}, locale);
        KnowledgeForm form = new KnowledgeForm(KnowledgeKind.GOOD_EXAMPLE, null, cut(r.title(), 200),
                cut(firstParagraph(r.summary()), 600), body, cut(r.organisationName(), 500), Licence.CC_BY_4_0, null,
                null, 0);
        return createFromSource(projectId, form, SourceKind.FINAL_REPORT, applicationId, consent, user);
    }

    /** A draft good example made from a developed or carried-out collaboration project, with the consent recorded. */
    public long createFromCollaboration(PortalUser user, long projectId, long collaborationId, ConsentForm consent,
            Locale locale) {
        user.requireManage(projectId);
        Collaboration c = collaboration(user, projectId, collaborationId);
        if (items.existsBySourceKindAndSourceId(SourceKind.COLLABORATION, collaborationId)) {
            throw new BusinessRuleException("knowledge.source.used");
        }
        String partners = String.join(", ", c.partners());
        String body = nullToEmpty(c.description()) + "\n\n" + messages.getMessage(
                c.carriedOut() ? "knowledge.source.collaboration.carriedOut" : "knowledge.source.collaboration.developed",
                new Object[] {partners, String.valueOf(c.carriedOut() ? c.carriedOutOn() : c.developedOn())}, locale);
        String summary = c.description() == null || c.description().isBlank() ? c.title() : firstParagraph(c.description());
        KnowledgeForm form = new KnowledgeForm(KnowledgeKind.GOOD_EXAMPLE, null, cut(c.title(), 200), cut(summary, 600),
                body, cut(partners.isBlank() ? c.title() : partners, 500), Licence.CC_BY_4_0, null, null, 0);
        return createFromSource(projectId, form, SourceKind.COLLABORATION, collaborationId, consent, user);
    }

    private long createFromSource(long projectId, KnowledgeForm form, SourceKind kind, long sourceId,
            ConsentForm consent, PortalUser user) {
        if (!Boolean.TRUE.equals(consent.confirmed())) {
            throw new FieldRejectedException("confirmed", "knowledge.consent.confirmed.required");
        }
        Instant now = clock.instant();
        KnowledgeItem item = new KnowledgeItem(projectId, user.id());
        item.apply(form, now);
        item.recordSource(kind, sourceId, consent.givenBy(), consent.givenOn(), consent.note(), user.id(), now);
        return items.save(item).getId();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    static String firstParagraph(String text) {
        if (text == null) {
            return "";
        }
        String first = text.strip().split("\\R\\s*\\R", 2)[0].strip();
        return first.isEmpty() ? text.strip() : first;
    }

    static String cut(String text, int max) {
        String t = text == null ? "" : text.strip();
        return t.length() <= max ? t : t.substring(0, max - 1).strip() + "…";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
