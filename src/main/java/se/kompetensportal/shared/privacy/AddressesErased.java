package se.kompetensportal.shared.privacy;

import java.util.List;

/**
 * An erasure that modules low in the dependency order (the outbox, for one) can react to without knowing the module
 * that erased: {@code participants.PersonErased} and {@code accounts.AccountErased} implement it. Listeners must be
 * idempotent (an event may be delivered again).
 */
public interface AddressesErased {

    /** {@link AddressHash}es of every e-mail address the erased person or account had. */
    List<String> erasedAddressHashes();
}
