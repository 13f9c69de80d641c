package se.kompetensportal.dialogfund.domain;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * Hands out attachments to those who may read the application (its applicant, the project's administrators and
 * secretaries, and the fund's reviewers); to anyone else the file does not exist.
 */
@Service
public class AttachmentService {

    private final AttachmentRepository attachments;
    private final AttachmentContentRepository contents;
    private final ApplicationRepository applications;
    private final FundRepository funds;
    private final ApplicationAccess access;

    AttachmentService(AttachmentRepository attachments, AttachmentContentRepository contents,
            ApplicationRepository applications, FundRepository funds, ApplicationAccess access) {
        this.attachments = attachments;
        this.contents = contents;
        this.applications = applications;
        this.funds = funds;
        this.access = access;
    }

    @Transactional(readOnly = true)
    public Download download(PortalUser user, long attachmentId) {
        Attachment attachment = attachments.findById(attachmentId)
                .orElseThrow(() -> new NotFoundException("Attachment", attachmentId));
        Application a = applications.findById(attachment.getApplicationId()).orElseThrow();
        Fund fund = funds.findById(a.getFundId()).orElseThrow();
        if (!access.mayRead(user, a, fund)) {
            throw new NotFoundException("Attachment", attachmentId);
        }
        byte[] content = contents.findById(attachmentId).orElseThrow().getContent();
        return new Download(attachment.getFilename(), attachment.getContentType(), content);
    }
}
