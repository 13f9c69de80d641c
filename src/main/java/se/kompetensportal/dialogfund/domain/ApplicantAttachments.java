package se.kompetensportal.dialogfund.domain;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * The applicant's files: attachments to a draft, photos for the final report while it may still be written. Only on
 * the applicant's own applications.
 */
@Service
public class ApplicantAttachments {

    private final AttachmentRepository attachments;
    private final FinalReportRepository reports;
    private final ApplicationAccess access;
    private final AttachmentStore store;

    ApplicantAttachments(AttachmentRepository attachments, FinalReportRepository reports, ApplicationAccess access,
            AttachmentStore store) {
        this.attachments = attachments;
        this.reports = reports;
        this.access = access;
        this.store = store;
    }

    @Transactional
    public long uploadAttachment(PortalUser user, long id, MultipartFile file) {
        Application a = access.owned(user, id);
        a.requireDraft();
        return store.store(a.getId(), AttachmentPurpose.APPLICATION, file, "bilaga");
    }

    @Transactional
    public long uploadReportPhoto(PortalUser user, long id, MultipartFile file) {
        Application a = access.owned(user, id);
        ApplicantReports.requireReportEditable(reports, a);
        return store.store(a.getId(), AttachmentPurpose.REPORT, file, "foto");
    }

    @Transactional
    public void deleteAttachment(PortalUser user, long id, long attachmentId) {
        Application a = access.owned(user, id);
        Attachment attachment = attachments.findByIdAndApplicationId(attachmentId, id)
                .orElseThrow(() -> new NotFoundException("Attachment", attachmentId));
        if (attachment.getPurpose() == AttachmentPurpose.APPLICATION) {
            a.requireDraft();
        } else {
            ApplicantReports.requireReportEditable(reports, a);
        }
        attachments.delete(attachment);
    }
}
