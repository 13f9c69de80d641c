package se.kompetensportal.projects.domain;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.projects.OrganisationInfo;
import se.kompetensportal.shared.validation.OrganisationNumbers;
import se.kompetensportal.shared.web.ConcurrentEditException;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * The register of organisations (actors). It is shared by all projects: an organisation can take part in several.
 * Administrators and secretaries keep it; route rules decide who reaches it.
 */
@Service
public class OrganisationService {

    private final OrganisationRepository organisations;
    private final OrganisationContactRepository contacts;
    private final ProjectActorRepository actors;

    OrganisationService(OrganisationRepository organisations, OrganisationContactRepository contacts,
            ProjectActorRepository actors) {
        this.organisations = organisations;
        this.contacts = contacts;
        this.actors = actors;
    }

    @Transactional(readOnly = true)
    public Page<OrganisationInfo> search(String text, Pageable pageable) {
        return organisations.search(text == null ? "" : text.strip(), pageable).map(Organisation::info);
    }

    @Transactional(readOnly = true)
    public List<OrganisationInfo> all() {
        return organisations.findAllByOrderByName().stream().map(Organisation::info).toList();
    }

    @Transactional(readOnly = true)
    public OrganisationDetails details(long id) {
        Organisation o = find(id);
        return new OrganisationDetails(o.getId(), o.getName(), o.getOrgNumber(), o.getKind(), o.getMunicipality(),
                o.getWebsite(),
                contacts.findByOrganisationIdOrderByName(id).stream()
                        .map(c -> new OrganisationDetails.ContactView(c.getId(), c.getName(), c.getTitle(), c.getEmail(),
                                c.getPhone()))
                        .toList(),
                actors.projectsOf(id));
    }

    @Transactional(readOnly = true)
    public OrganisationForm editForm(long id) {
        Organisation o = find(id);
        return new OrganisationForm(o.getName(), o.getOrgNumber(), o.getKind(), o.getMunicipality(), o.getWebsite(),
                o.getVersion());
    }

    @Transactional
    public long create(OrganisationForm form) {
        String orgNumber = normalisedOrgNumber(form);
        if (organisations.existsByNameIgnoreCase(form.name().strip())) {
            throw new FieldRejectedException("name", "organisation.name.taken");
        }
        if (orgNumber != null && organisations.existsByOrgNumber(orgNumber)) {
            throw new FieldRejectedException("orgNumber", "organisation.orgNumber.taken");
        }
        Organisation o = new Organisation(form.name().strip(), orgNumber, form.kind(),
                ProjectForm.blankToNull(form.municipality()));
        o.setWebsite(ProjectForm.blankToNull(form.website()));
        return organisations.save(o).getId();
    }

    @Transactional
    public void update(long id, OrganisationForm form) {
        Organisation o = find(id);
        if (form.version() == null || form.version() != o.getVersion()) {
            throw new ConcurrentEditException("Organisation", id);
        }
        String orgNumber = normalisedOrgNumber(form);
        if (organisations.existsByNameIgnoreCaseAndIdNot(form.name().strip(), id)) {
            throw new FieldRejectedException("name", "organisation.name.taken");
        }
        if (orgNumber != null && organisations.existsByOrgNumberAndIdNot(orgNumber, id)) {
            throw new FieldRejectedException("orgNumber", "organisation.orgNumber.taken");
        }
        o.setName(form.name().strip());
        o.setOrgNumber(orgNumber);
        o.setKind(form.kind());
        o.setMunicipality(ProjectForm.blankToNull(form.municipality()));
        o.setWebsite(ProjectForm.blankToNull(form.website()));
        organisations.flush();
    }

    @Transactional
    public long addContact(long organisationId, ContactForm form) {
        find(organisationId);
        return contacts.save(new OrganisationContact(organisationId, form.name().strip(),
                ProjectForm.blankToNull(form.title()), ProjectForm.blankToNull(form.email()),
                ProjectForm.blankToNull(form.phone()))).getId();
    }

    @Transactional(readOnly = true)
    public ContactForm contactForm(long organisationId, long contactId) {
        OrganisationContact c = findContact(organisationId, contactId);
        return new ContactForm(c.getName(), c.getTitle(), c.getEmail(), c.getPhone());
    }

    @Transactional
    public void updateContact(long organisationId, long contactId, ContactForm form) {
        findContact(organisationId, contactId).update(form.name().strip(), ProjectForm.blankToNull(form.title()),
                ProjectForm.blankToNull(form.email()), ProjectForm.blankToNull(form.phone()));
    }

    @Transactional
    public void deleteContact(long organisationId, long contactId) {
        contacts.delete(findContact(organisationId, contactId));
    }

    private Organisation find(long id) {
        return organisations.findById(id).orElseThrow(() -> new NotFoundException("Organisation", id));
    }

    private OrganisationContact findContact(long organisationId, long contactId) {
        return contacts.findByIdAndOrganisationId(contactId, organisationId)
                .orElseThrow(() -> new NotFoundException("Contact", contactId));
    }

    private static String normalisedOrgNumber(OrganisationForm form) {
        if (form.orgNumber() == null || form.orgNumber().isBlank()) {
            return null;
        }
        return OrganisationNumbers.normalise(form.orgNumber())
                .orElseThrow(() -> new FieldRejectedException("orgNumber", "OrganisationNumber"));
    }
}
