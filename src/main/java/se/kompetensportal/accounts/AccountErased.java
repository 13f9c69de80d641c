package se.kompetensportal.accounts;

import java.util.List;

import se.kompetensportal.shared.privacy.AddressesErased;

/**
 * An account was anonymised (its person was erased, or it was unused past its retention): no name, address, password
 * or roles remain; the row stays so that references resolve. Modules remove or pseudonymise what they hold about the
 * account (dialog-fund contact data, newsletter subscriptions, trainer links). Carries the hash of the old address.
 */
public record AccountErased(long userId, List<String> erasedAddressHashes) implements AddressesErased {

    public AccountErased {
        erasedAddressHashes = List.copyOf(erasedAddressHashes);
    }
}
