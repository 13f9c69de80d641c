package se.kompetensportal.projects.demo;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import se.kompetensportal.projects.OrganisationKind;
import se.kompetensportal.projects.domain.Organisation;
import se.kompetensportal.projects.domain.OrganisationContact;
import se.kompetensportal.projects.domain.OrganisationContactRepository;
import se.kompetensportal.projects.domain.OrganisationRepository;

/**
 * The demo's organisations (municipalities, regions, agencies, associations of Kalmar and Skåne Nordost) and their
 * contact persons, for {@link ProjectsDemoData}; runs inside its transaction.
 */
@Component
@ConditionalOnBooleanProperty("kp.demo.enabled")
class DemoOrganisations {

    private final OrganisationRepository organisations;
    private final OrganisationContactRepository contacts;

    DemoOrganisations(OrganisationRepository organisations, OrganisationContactRepository contacts) {
        this.organisations = organisations;
        this.contacts = contacts;
    }

    /** The organisations of IKO and LFI with their contact persons, by name. */
    Map<String, Organisation> create() {
        Map<String, Organisation> orgs = new HashMap<>();
        Object[][] rows = {
                {"Regionförbundet i Kalmar län", null, OrganisationKind.REGION, "Kalmar"},
                {"Kalmar kommun", "212000-0746", OrganisationKind.MUNICIPALITY, "Kalmar"},
                {"Västerviks kommun", "212000-0761", OrganisationKind.MUNICIPALITY, "Västervik"},
                {"Landstinget i Kalmar län", "232100-0081", OrganisationKind.REGION, "Kalmar"},
                {"Integrationsrådet i Kalmar län (Länsstyrelsen)", "202100-2361", OrganisationKind.STATE_AGENCY, "Kalmar"},
                {"Samordningsförbundet i Kalmar län", null, OrganisationKind.OTHER, "Kalmar"},
                {"Regionbiblioteket Kalmar län", null, OrganisationKind.REGION, "Kalmar"},
                {"Linnéuniversitetet", "202100-6255", OrganisationKind.UNIVERSITY, "Kalmar"},
                {"Kalmar läns museum", null, OrganisationKind.OTHER, "Kalmar"},
                {"Rädda Barnen", null, OrganisationKind.NON_PROFIT, "Kalmar"},
                {"Fryshuset", "802404-4433", OrganisationKind.NON_PROFIT, "Kalmar"},
                {"Arbetsförmedlingen", "202100-2114", OrganisationKind.STATE_AGENCY, null},
                {"Migrationsverket", "202100-2163", OrganisationKind.STATE_AGENCY, null},
                {"Försäkringskassan", "202100-5521", OrganisationKind.STATE_AGENCY, null},
                {"Osby kommun", "212000-0951", OrganisationKind.MUNICIPALITY, "Osby"},
                {"Östra Göinge kommun", "212000-0936", OrganisationKind.MUNICIPALITY, "Östra Göinge"},
                {"Kristianstads kommun", "212000-0969", OrganisationKind.MUNICIPALITY, "Kristianstad"},
                {"Hässleholms kommun", "212000-0985", OrganisationKind.MUNICIPALITY, "Hässleholm"},
                {"Hörby kommun", "212000-1025", OrganisationKind.MUNICIPALITY, "Hörby"},
        };
        for (Object[] row : rows) {
            Organisation o = organisations.save(new Organisation((String) row[0], (String) row[1],
                    (OrganisationKind) row[2], (String) row[3]));
            orgs.put(o.getName(), o);
        }
        contact(orgs, "Regionförbundet i Kalmar län", "Sofia Wermelin", "Projektledare", "sofia.wermelin@example.se");
        contact(orgs, "Kalmar kommun", "Karin Kontaktperson", "Integrationsstrateg", "karin.kontakt@example.se");
        contact(orgs, "Västerviks kommun", "Viktor Lind", "Integrationssamordnare", "viktor.lind@example.se");
        contact(orgs, "Rädda Barnen", "Rasmus Ek", "Verksamhetsutvecklare", "rasmus.ek@example.se");
        contact(orgs, "Fryshuset", "Fatima Berg", "Projektsamordnare", "fatima.berg@example.se");
        contact(orgs, "Osby kommun", "Olle Nilsson", "Processledare", "olle.nilsson@example.se");
        return orgs;
    }

    /** Every organisation there is, by name. */
    Map<String, Organisation> byName() {
        Map<String, Organisation> orgs = new HashMap<>();
        organisations.findAllByOrderByName().forEach(o -> orgs.put(o.getName(), o));
        return orgs;
    }

    void contact(Map<String, Organisation> orgs, String organisation, String name, String title, String email) {
        contacts.save(new OrganisationContact(orgs.get(organisation).getId(), name, title, email, null));
    }
}
