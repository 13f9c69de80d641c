package se.kompetensportal.participants;

import java.util.List;

import se.kompetensportal.shared.privacy.AddressesErased;

/**
 * A person's contact data was erased (pseudonymised). Counts by gender, organisation and hours are kept; other modules
 * must remove or anonymise what they hold about the person (invitation and confirmation links, mails, subscriptions).
 * Carries the hashes of the addresses the person had (never the addresses), since the person row no longer has them.
 *
 * @param userId the account the person had, or null
 */
public record PersonErased(long personId, Long userId, List<String> erasedAddressHashes) implements AddressesErased {

    public PersonErased {
        erasedAddressHashes = erasedAddressHashes == null ? List.of() : List.copyOf(erasedAddressHashes);
    }

    public PersonErased(long personId) {
        this(personId, null, List.of());
    }
}
