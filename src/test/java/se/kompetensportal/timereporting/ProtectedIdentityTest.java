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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The secretary marks a person as having a protected identity on the person's page (participants'
 * {@code ProtectedIdentityMarks}): each change is logged with who and when, only administrators and secretaries of the
 * person's projects may see or change it, and the SCB file and the time certificate then carry the date of birth and
 * SCB's code (ÅÅÅÅMMDDTf29 for a woman, verified in SCB's ESF FAQ) instead of the number and name.
 */
class ProtectedIdentityTest extends PortalIntegrationTest {

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
    String page;

    @BeforeEach
    void fixtures() {
        f = new HandComputedFixture(new TimeFixtures(jdbc, activityRepository, projects, transactions, seats, people,
                attendance, users), users, jdbc);
        annaPin = ParticipantFixtures.personalId();
        jdbc.update("update person set personal_id_encrypted = ?, gender = 'WOMAN' where id = ?", cipher.encrypt(annaPin),
                f.anna);
        page = "/admin/people/" + f.anna + "/protected-identity";
    }

    @Test
    void theSecretaryMarksAndUnmarksAndEachChangeIsLoggedAndUsedByTheScbFileAndCertificate() throws Exception {
        mvc.perform(get("/admin/people/" + f.anna).with(users.demo("sekreterare"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(page)));
        mvc.perform(get(page).with(users.demo("sekreterare"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Markeringen har inte ändrats.")));

        mvc.perform(post(page).with(csrf()).with(users.demo("sekreterare")).param("protectedIdentity", "true"))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select protected_identity from person where id = ?", Boolean.class, f.anna))
                .isTrue();
        String code = annaPin.substring(0, 8) + "Tf29";
        assertThat(CertificatesAndScbTest.ScbSheets.read(scb())).contains(List.of(code, "", "", "okänt", "okänt", "",
                "Testföreningen", f.m1.atDay(10).toString(), "", "9"));
        long m1 = ledger.month(f.iko, f.anna, f.m1).orElseThrow().id();
        String certificate = CertificatesAndScbTest.text(mvc.perform(get("/admin/projects/" + f.iko + "/time/" + m1
                + "/certificate.pdf").with(users.demo("sekreterare"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray());
        assertThat(certificate).contains(code).doesNotContain(annaPin);

        // Marking again changes nothing and logs nothing; unmarking is logged too.
        mvc.perform(post(page).with(csrf()).with(users.demo("sekreterare")).param("protectedIdentity", "true"))
                .andExpect(status().isFound());
        mvc.perform(post(page).with(csrf()).with(users.demo("admin")).param("protectedIdentity", "false"))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForList("""
                select c.protected || '/' || u.email from protected_identity_change c join app_user u on u.id = c.changed_by
                where c.person_id = ? order by c.id""", String.class, f.anna))
                .containsExactly("true/sekreterare@kompetensportal.example", "false/admin@kompetensportal.example");
        mvc.perform(get(page).with(users.demo("sekreterare"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Sara Sekreterare")))
                .andExpect(content().string(containsString("Markeringen borttagen")));
        assertThat(CertificatesAndScbTest.ScbSheets.read(scb())).anyMatch(r -> r.getFirst().equals(annaPin.replace("-", "")));
    }

    @Test
    void onlyAdministratorsAndSecretariesOfThePersonsProjectsMaySeeOrChangeIt() throws Exception {
        // Bo takes part in IKO only: a secretary of LFI alone does not find him.
        String lfiSecretary = users.create(Set.of(Role.SECRETARY), null, Set.of(f.lfi));
        String boPage = "/admin/people/" + f.bo + "/protected-identity";
        mvc.perform(get(boPage).with(users.as(lfiSecretary))).andExpect(status().isNotFound());
        mvc.perform(post(boPage).with(csrf()).with(users.as(lfiSecretary)).param("protectedIdentity", "true"))
                .andExpect(status().isNotFound());
        mvc.perform(get(page).with(users.as(lfiSecretary))).andExpect(status().isOk()); // Anna is in LFI too
        for (String other : new String[] {"styrgrupp", "kontakt", "deltagare", "sokande", "utbildare"}) {
            mvc.perform(get(boPage).with(users.demo(other))).andExpect(status().isForbidden());
            mvc.perform(post(boPage).with(csrf()).with(users.demo(other)).param("protectedIdentity", "true"))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post(boPage).with(users.demo("sekreterare")).param("protectedIdentity", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(get(boPage)).andExpect(status().is3xxRedirection());
        mvc.perform(post(boPage).with(csrf()).with(users.demo("sekreterare")).param("protectedIdentity", "maybe"))
                .andExpect(status().is4xxClientError());
        assertThat(jdbc.queryForObject("select protected_identity from person where id = ?", Boolean.class, f.bo))
                .isFalse();
        assertThat(jdbc.queryForObject("select count(*) from protected_identity_change where person_id = ?",
                Integer.class, f.bo)).isZero();
    }

    private byte[] scb() throws Exception {
        return mvc.perform(get("/admin/projects/" + f.iko + "/time/scb/" + f.m1 + ".xlsx")
                .with(users.demo("sekreterare"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
    }
}
