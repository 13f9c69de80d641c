package se.kompetensportal.privacy;

import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kompetensportal.privacy.domain.PersonalDataRegistry;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The register of personal data stays true: every table with a column named like personal data has an entry (or is
 * listed, with a reason, as holding none), and every entry names a table that exists. Only the administrator sees it.
 */
class PersonalDataRegistryTest extends PortalIntegrationTest {

    /** Column names that suggest personal data. */
    static final String PERSONAL = "(^|_)(email|name|phone|address|recipient|username)($|_)|personal_id|principal";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonalDataRegistry registry;

    @Test
    void everyTableWithPersonalDataColumnsHasAnEntry() {
        List<String> tables = jdbc.queryForList("""
                select distinct table_name from information_schema.columns
                where table_schema = current_schema() and column_name ~ ?""", String.class, PERSONAL);
        TreeSet<String> missing = new TreeSet<>(tables);
        missing.removeAll(registry.tables());
        missing.removeAll(PersonalDataRegistry.notPersonal());
        assertThat(missing).as("tables with personal-data columns but no entry in PersonalDataRegistry").isEmpty();
        List<String> existing = jdbc.queryForList("""
                select table_name from information_schema.tables where table_schema = current_schema()""", String.class);
        assertThat(existing).containsAll(registry.tables());
    }

    @Test
    void onlyTheAdministratorSeesTheRegister() throws Exception {
        mvc.perform(get("/admin/privacy").with(users.demo("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("newsletter_subscriber")))
                .andExpect(content().string(containsString("outbox_message")));
        for (String other : new String[] {"sekreterare", "styrgrupp", "kontakt", "deltagare", "sokande", "utbildare"}) {
            mvc.perform(get("/admin/privacy").with(users.demo(other))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/admin/privacy")).andExpect(status().is3xxRedirection());
    }
}
