package se.kompetensportal.participants;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.participants.domain.PersonDetails;
import se.kompetensportal.participants.domain.PersonRegisterQueries;
import se.kompetensportal.participants.domain.PersonRegisterService;
import se.kompetensportal.participants.domain.PersonRepository;
import se.kompetensportal.participants.domain.PersonRow;
import se.kompetensportal.participants.domain.SignUpService;
import se.kompetensportal.participants.domain.SignUpStatus;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.crypto.PersonalDataCipher;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The person register shows what other modules own (the employer's name, activity titles, project names, who looked
 * at a personal identity number) through their look-ups, with the search, order and sums the joins gave.
 */
class PersonRegisterLookupsTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ActivityRepository activityRepository;
    @Autowired
    ProjectsApi projects;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    SignUpService seats;
    @Autowired
    PersonRepository people;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    PersonRegisterQueries queries;
    @Autowired
    PersonRegisterService register;

    ParticipantFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ParticipantFixtures(jdbc, new ActivityFixtures(activityRepository, projects, transactions));
    }

    @Test
    void theSearchFindsPeopleByTheirEmployersNameAndShowsIt() {
        String unique = "Registerförening" + System.nanoTime();
        long organisation = jdbc.queryForObject("select nextval('organisation_seq')", Long.class);
        jdbc.update("insert into organisation (id, name, kind) values (?, ?, 'NON_PROFIT')", organisation,
                unique + " Kalmar");
        long activity = fixtures.activities().activity("Sök " + unique).save();
        long employed = fixtures.person("Anställd", Gender.WOMAN);
        jdbc.update("update person set employer_organisation_id = ?, last_name = 'Östberg' where id = ?",
                organisation, employed);
        long typed = fixtures.person("Skriven", Gender.MAN);
        jdbc.update("update person set employer_organisation_id = null, employer_name = ?, last_name = 'Berg' "
                + "where id = ?", unique.toUpperCase() + " ideell", typed);
        long other = fixtures.person("Annan", Gender.MAN);
        for (long person : new long[] {employed, typed, other}) {
            seats.signUp(activity, people.findById(person).orElseThrow(), null, null, true);
        }

        var secretary = users.principal("sekreterare@kompetensportal.example");
        var page = queries.search(secretary, unique.toLowerCase(), null, false, PageRequest.of(0, 30));

        assertThat(page.getTotalElements()).isEqualTo(2);
        assertThat(page.getContent()).extracting(PersonRow::id, PersonRow::organisation).containsExactly(
                org.assertj.core.groups.Tuple.tuple(typed, unique.toUpperCase() + " ideell"),
                org.assertj.core.groups.Tuple.tuple(employed, unique + " Kalmar"));
        assertThat(queries.search(secretary, "annan", null, false, PageRequest.of(0, 30)).getContent())
                .extracting(PersonRow::id).doesNotContain(employed, typed);
        assertThat(queries.details(secretary, employed).organisation()).isEqualTo(unique + " Kalmar");
    }

    @Test
    void thePersonPageNamesActivitiesProjectsAndWhoLooked() {
        String title = "Personsida " + System.nanoTime();
        long activity = fixtures.activities().activity(title).sessions(4).save();
        long person = fixtures.person("Sidvisad", Gender.WOMAN);
        String number = ParticipantFixtures.personalId();
        jdbc.update("update person set personal_id_encrypted = ?, personal_id_index = ? where id = ?",
                cipher.encrypt(number), cipher.blindIndex(number), person);
        long signUp = seats.signUp(activity, people.findById(person).orElseThrow(), null, null, true).signUpId();
        long iko = users.projectId("IKO");
        long lfi = users.projectId("LFI");
        LocalDate today = LocalDate.now();
        LocalDate lastMonth = today.minusMonths(1);
        // Two sessions of 50 minutes in one month are one whole hour (summed before rounding down).
        Object[][] rows = {{iko, today, 50}, {iko, today, 50}, {lfi, today, 30}, {lfi, lastMonth, 120}};
        var sessions = jdbc.queryForList("select id from activity_session where activity_id = ? order by id",
                Long.class, activity);
        for (int i = 0; i < rows.length; i++) {
            jdbc.update("""
                    insert into attendance (session_id, person_id, sign_up_id, activity_id, project_id, track_id,
                                            session_date, minutes, attended)
                    values (?, ?, ?, ?, ?, (select track_id from activity where id = ?), ?, ?, true)""",
                    sessions.get(i), person, signUp, activity, rows[i][0], activity, rows[i][1], rows[i][2]);
        }
        var secretary = users.principal("sekreterare@kompetensportal.example");
        register.revealPersonalId(secretary, person);

        PersonDetails details = queries.details(secretary, person);

        assertThat(details.signUps()).extracting(PersonDetails.SignUpLine::activity, PersonDetails.SignUpLine::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(title, SignUpStatus.CONFIRMED));
        String ikoName = jdbc.queryForObject("select short_name from project where id = ?", String.class, iko);
        String lfiName = jdbc.queryForObject("select short_name from project where id = ?", String.class, lfi);
        assertThat(details.hours()).containsExactly(
                new PersonDetails.MonthHours(lfiName, YearMonth.from(lastMonth), 2),
                new PersonDetails.MonthHours(ikoName, YearMonth.from(today), 1),
                new PersonDetails.MonthHours(lfiName, YearMonth.from(today), 0));
        assertThat(details.accessLog()).extracting(PersonDetails.Access::who)
                .containsExactly(secretary.displayName());
    }
}
