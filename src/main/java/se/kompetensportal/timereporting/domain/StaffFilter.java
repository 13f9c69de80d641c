package se.kompetensportal.timereporting.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.accounts.UserSummary;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.participants.AttendanceLine;
import se.kompetensportal.shared.security.Role;

/**
 * Project staff are never participants: attendance of a person whose user account is a secretary of the project, or a
 * trainer of the activity, does not enter the ledger. One {@link Lookup} per pass remembers the answers, so a rebuild
 * asks once per project and activity.
 */
@Component
class StaffFilter {

    private final AccountsApi accounts;
    private final ActivitiesApi activities;

    StaffFilter(AccountsApi accounts, ActivitiesApi activities) {
        this.accounts = accounts;
        this.activities = activities;
    }

    Lookup lookup() {
        return new Lookup();
    }

    final class Lookup {
        private final Map<Long, Set<Long>> secretaries = new HashMap<>();
        private final Map<Long, Set<Long>> trainers = new HashMap<>();

        boolean isStaff(AttendanceLine line) {
            if (line.userId() == null) {
                return false;
            }
            return secretaries.computeIfAbsent(line.projectId(), p -> accounts.usersWithRole(Role.SECRETARY, p).stream()
                            .map(UserSummary::id).collect(Collectors.toSet())).contains(line.userId())
                    || trainers.computeIfAbsent(line.activityId(), activities::trainerUserIds).contains(line.userId());
        }
    }
}
