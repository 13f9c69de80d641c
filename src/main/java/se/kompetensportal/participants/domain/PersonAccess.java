package se.kompetensportal.participants.domain;

import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * Which people of the register a user may see and erase: administrators everyone, secretaries the people with a
 * sign-up in a project they manage (erasing and merging only people whose every sign-up is in such a project).
 */
@Component
class PersonAccess {

    /** Visible to the user of {@link #scope}: administrators see all, secretaries people with a sign-up in their projects. */
    static final String VISIBLE = """
            (:all or exists (select 1 from sign_up v where v.person_id = p.id and v.project_id in (:projects)))""";

    private final PersonRepository people;
    private final SignUpRepository signUps;

    PersonAccess(PersonRepository people, SignUpRepository signUps) {
        this.people = people;
        this.signUps = signUps;
    }

    /** The active person, or 404 when there is none or the user may not see them. */
    Person visible(PortalUser user, long personId) {
        Person p = people.findById(personId).filter(Person::isActive)
                .orElseThrow(() -> new NotFoundException("Person", personId));
        if (!user.isAdmin() && signUps.findByPersonId(personId).stream()
                .noneMatch(s -> user.canManageProject(s.getProjectId()))) {
            throw new NotFoundException("Person", personId);
        }
        return p;
    }

    boolean mayErase(PortalUser user, Person p) {
        if (user.isAdmin()) {
            return true;
        }
        return signUps.findByPersonId(p.getId()).stream().allMatch(s -> user.canManageProject(s.getProjectId()));
    }

    /** The parameters {@code :all} and {@code :projects} of {@link #VISIBLE} for this user. */
    static MapSqlParameterSource scope(PortalUser user) {
        Set<Long> projects = user.projectIds().isEmpty() ? Set.of(-1L) : user.projectIds();
        return new MapSqlParameterSource("all", user.isAdmin()).addValue("projects", projects);
    }
}
