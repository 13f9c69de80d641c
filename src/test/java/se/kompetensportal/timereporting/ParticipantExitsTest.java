package se.kompetensportal.timereporting;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.participants.ParticipantFixtures;
import se.kompetensportal.participants.domain.AttendanceService;
import se.kompetensportal.participants.domain.PersonRepository;
import se.kompetensportal.participants.domain.SignUpService;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.crypto.PersonalDataCipher;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Explicit exits on the hand-computed fixture: Anna (IKO, M1 550 minutes from the 10th, M2 390 minutes on the 7th)
 * leaves for a new job on M2-07. Without the exit the rule for people who stop coming would report her in M2 + 3; with
 * it the SCB file of M2 has her with end date M2-07 and her 6 whole hours. Bad input answers 422 with the field's
 * message, a secretary of another project is refused, and the exit is listed on the time page and can be removed.
 */
class ParticipantExitsTest extends PortalIntegrationTest {

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
    AttendanceService attendance;
    @Autowired
    TimeLedgerApi ledger;
    @Autowired
    PersonalDataCipher cipher;

    HandComputedFixture f;
    String annaPin;
    String exitUrl;

    @BeforeEach
    void fixtures() {
        f = new HandComputedFixture(new TimeFixtures(jdbc, activityRepository, projects, transactions, seats, people,
                attendance, users), users, jdbc);
        annaPin = ParticipantFixtures.personalId();
        jdbc.update("update person set personal_id_encrypted = ? where id = ?", cipher.encrypt(annaPin), f.anna);
        exitUrl = "/admin/projects/" + f.iko + "/time/" + ledger.month(f.iko, f.anna, f.m2).orElseThrow().id() + "/exit";
    }

    @Test
    void anExitIsTheScbEndDateInItsMonth() throws Exception {
        String anna = annaPin.replace("-", "");
        assertThat(CertificatesAndScbTest.ScbSheets.read(scb(f.m2))).noneMatch(r -> r.getFirst().equals(anna));

        mvc.perform(post(exitUrl).with(csrf()).with(users.demo("sekreterare"))
                .param("exitDate", f.m2.atDay(7).toString()).param("exitReason", "NEW_JOB"))
                .andExpect(status().isFound());

        assertThat(CertificatesAndScbTest.ScbSheets.read(scb(f.m2))).contains(List.of(anna, "Anna", "Testsson", "okänt",
                "okänt", "", "Testföreningen", "", f.m2.atDay(7).toString(), "6"));
        // M1 still has her as a starter, without an end date.
        assertThat(CertificatesAndScbTest.ScbSheets.read(scb(f.m1))).contains(List.of(anna, "Anna", "Testsson",
                "okänt", "okänt", "", "Testföreningen", f.m1.atDay(10).toString(), "", "9"));
        mvc.perform(get("/admin/projects/" + f.iko + "/time").with(users.demo("sekreterare")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Anna Testsson")))
                .andExpect(content().string(containsString("Har bytt arbete")));

        long exitId = jdbc.queryForObject("select id from time_exit where project_id = ? and person_id = ?", Long.class,
                f.iko, f.anna);
        String lfiSecretary = users.create(Set.of(Role.SECRETARY), null, Set.of(f.lfi));
        mvc.perform(post("/admin/projects/" + f.iko + "/time/exits/" + exitId + "/delete").with(csrf())
                .with(users.as(lfiSecretary))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/projects/" + f.lfi + "/time/exits/" + exitId + "/delete").with(csrf())
                .with(users.as(lfiSecretary))).andExpect(status().isNotFound());
        mvc.perform(post("/admin/projects/" + f.iko + "/time/exits/" + exitId + "/delete").with(csrf())
                .with(users.demo("sekreterare"))).andExpect(status().isFound());
        assertThat(CertificatesAndScbTest.ScbSheets.read(scb(f.m2))).noneMatch(r -> r.getFirst().equals(anna));
    }

    @Test
    void badInputAnswers422WithTheFieldsMessageAndOthersAreRefused() throws Exception {
        mvc.perform(post(exitUrl).with(csrf()).with(users.demo("sekreterare")).param("exitReason", "NEW_JOB"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Ange datumet då deltagaren lämnade projektet.")));
        mvc.perform(post(exitUrl).with(csrf()).with(users.demo("sekreterare")).param("exitDate", "not a date")
                .param("exitReason", "SOMETHING")).andExpect(status().isUnprocessableContent());
        mvc.perform(post(exitUrl).with(csrf()).with(users.demo("sekreterare"))
                .param("exitDate", f.m2.plusMonths(3).atDay(1).toString()).param("exitReason", "OTHER"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("får inte ligga i framtiden")));
        mvc.perform(post(exitUrl).with(csrf()).with(users.demo("sekreterare"))
                .param("exitDate", f.m1.atDay(9).toString()).param("exitReason", "OTHER"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("före deltagarens första närvaro")));
        mvc.perform(post(exitUrl).with(csrf()).with(users.demo("sekreterare"))
                .param("exitDate", f.m2.atDay(8).toString()).param("exitReason", "COMPLETED"))
                .andExpect(status().isFound());
        mvc.perform(post(exitUrl).with(csrf()).with(users.demo("sekreterare"))
                .param("exitDate", f.m2.atDay(8).toString()).param("exitReason", "COMPLETED"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("redan registrerat")));

        String lfiSecretary = users.create(Set.of(Role.SECRETARY), null, Set.of(f.lfi));
        mvc.perform(post(exitUrl).with(csrf()).with(users.as(lfiSecretary))
                .param("exitDate", f.m2.atDay(7).toString()).param("exitReason", "NEW_JOB"))
                .andExpect(status().isForbidden());
        for (String other : new String[] {"styrgrupp", "kontakt", "deltagare", "utbildare"}) {
            mvc.perform(post(exitUrl).with(csrf()).with(users.demo(other))
                    .param("exitDate", f.m2.atDay(7).toString()).param("exitReason", "NEW_JOB"))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post(exitUrl).with(users.demo("sekreterare"))
                .param("exitDate", f.m2.atDay(7).toString()).param("exitReason", "NEW_JOB"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/projects/" + f.lfi + "/time").with(users.demo("sekreterare")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("Har genomfört insatsen"))));
        assertThat(jdbc.queryForObject("select count(*) from time_exit where person_id = ?", Integer.class, f.anna))
                .isEqualTo(1);
    }

    private byte[] scb(java.time.YearMonth month) throws Exception {
        return mvc.perform(get("/admin/projects/" + f.iko + "/time/scb/" + month + ".xlsx")
                .with(users.demo("sekreterare"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
    }
}
