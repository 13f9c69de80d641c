package se.kompetensportal.participants.domain;

import java.util.List;

import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.projects.OrganisationInfo;
import se.kompetensportal.projects.TargetGroupInfo;

/**
 * What the sign-up page needs: the activity, whether sign-up is open, the project's personal-data rules, the choices
 * for target group and employer, and the person's existing sign-up if there is one.
 *
 * @param questions    what the activity asks at sign-up (answered in {@code answers[questionId]})
 * @param approvalDays days a seat is held for the manager's approval, {@code null} when none is asked
 * @param closedReason message key saying why sign-up is not possible now, or {@code null} when it is
 */
public record SignUpPage(ActivityInfo activity, String projectName, boolean requiresPersonalId, boolean hasPersonalId,
        String dataProtectionUrl, List<TargetGroupInfo> targetGroups, List<OrganisationInfo> employers,
        boolean firstSignUp, MySignUpView existing, String closedReason, List<SignUpQuestion> questions,
        Integer approvalDays) {
}
