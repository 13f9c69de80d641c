package se.kompetensportal.shared.privacy;

import java.util.List;
import java.util.Objects;

/**
 * The person an export is about, as each module knows them: their entries in the person register (several after a
 * merge), their account and their e-mail addresses.
 */
public record DataSubject(List<Long> personIds, Long userId, List<String> emails) {

    public DataSubject {
        personIds = List.copyOf(personIds);
        emails = emails.stream().filter(Objects::nonNull).map(String::strip).distinct().toList();
    }

    public List<String> addressHashes() {
        return emails.stream().map(AddressHash::of).distinct().toList();
    }
}
