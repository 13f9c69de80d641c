package se.kompetensportal.projects;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.projects.domain.OrganisationRepository;
import se.kompetensportal.projects.domain.Project;
import se.kompetensportal.projects.domain.ProjectListItem;
import se.kompetensportal.projects.domain.ProjectRepository;
import se.kompetensportal.projects.domain.Track;
import se.kompetensportal.projects.domain.TrackRepository;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Repository queries and database constraints, on PostgreSQL. */
class ProjectRepositoryTest extends PortalIntegrationTest {

    @Autowired
    ProjectRepository projects;
    @Autowired
    TrackRepository tracks;
    @Autowired
    OrganisationRepository organisations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void theProjectListCountsTracksAndActorsInOneQuery() {
        long iko = users.projectId("2016/00175");
        List<ProjectListItem> listed = projects.listByIds(Set.of(iko));
        assertThat(listed).singleElement().satisfies(p -> {
            assertThat(p.shortName()).isEqualTo("IKO");
            // Other tests add actors to the shared demo project, so compare with a count of its own.
            assertThat(p.actorCount()).isEqualTo(jdbc.queryForObject(
                    "select count(*) from project_actor where project_id = ?", Long.class, iko));
            assertThat(p.actorCount()).isGreaterThanOrEqualTo(14);
            assertThat(p.trackCount()).isGreaterThanOrEqualTo(5);
        });
    }

    @Test
    void theDemoProjectIsTheReferenceProjectExactly() {
        Project iko = projects.findByFunderReference("2016/00175").orElseThrow();
        // The plan's three years (2016-09-01 – 2019-08-30), moved by the demo to last year, this year and next year.
        int year = LocalDate.now(se.kompetensportal.shared.web.Formats.ZONE).getYear();
        assertThat(iko.getStartDate()).isEqualTo(LocalDate.of(year - 1, 1, 1));
        assertThat(iko.getEndDate()).isEqualTo(LocalDate.of(year + 1, 12, 31));
        assertThat(iko.getPlannedParticipants()).isEqualTo(675);
        assertThat(iko.getTotalBudget()).isEqualByComparingTo("12806081");
        assertThat(iko.getEsfSupport()).isEqualByComparingTo("5917947");
        assertThat(tracks.findByProjectIdOrderByPosition(iko.getId())).extracting(Track::getName).startsWith(
                "Interkulturell kompetens för ett bra bemötande", "Jämställdhet i kulturmötet",
                "Trivsam fritid med mångfald", "Att leda och jobba i mångfald och förändring",
                "Samverkan för en bättre integration – att leda och facilitera processer och dialog");
        assertThat(jdbc.queryForList("select code from target_group where project_id = ? order by code", String.class,
                iko.getId())).containsExactly("1a", "1b", "2", "3a", "3b", "4", "V");
        // The plan's actors (other tests may add more to the shared demo project):
        assertThat(jdbc.queryForList("""
                select o.name || ':' || a.role from project_actor a join organisation o on o.id = a.organisation_id
                where a.project_id = ?""", String.class, iko.getId())).contains(
                "Regionförbundet i Kalmar län:OWNER", "Kalmar kommun:PARTNER", "Västerviks kommun:PARTNER",
                "Landstinget i Kalmar län:PARTNER", "Integrationsrådet i Kalmar län (Länsstyrelsen):PARTNER",
                "Samordningsförbundet i Kalmar län:PARTNER", "Regionbiblioteket Kalmar län:PARTNER",
                "Linnéuniversitetet:PARTNER", "Kalmar läns museum:PARTNER", "Rädda Barnen:PARTNER",
                "Fryshuset:PARTNER", "Arbetsförmedlingen:INVITED", "Migrationsverket:INVITED",
                "Försäkringskassan:INVITED");
    }

    @Test
    void theDatabaseRefusesAPeriodThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> {
            Project p = new Project("Baklänges", "BAK");
            p.setOwnerOrganisation("X");
            p.setStartDate(LocalDate.of(2026, 2, 1));
            p.setEndDate(LocalDate.of(2026, 1, 1));
            projects.saveAndFlush(p);
        })).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void anEmailAddressIsUniqueRegardlessOfCase() {
        assertThatThrownBy(() -> jdbc.update("insert into app_user (id, email, display_name) "
                + "values (nextval('app_user_seq'), 'ADMIN@kompetensportal.EXAMPLE', 'Dubblett')"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void organisationSearchIsCaseInsensitiveAndPaged() {
        var page = organisations.search("KOMMUN", PageRequest.of(0, 3));
        assertThat(page.getContent()).hasSize(3).allSatisfy(o -> assertThat(o.getName().toLowerCase()).contains("kommun"));
        assertThat(page.getTotalElements()).isGreaterThanOrEqualTo(7);
    }
}
