package se.kompetensportal.shared.web;

/**
 * A request that is well-formed but breaks a rule of the domain (a full activity, a closed period, a deletion of
 * something in use). Carries a message key and arguments so the controller can show it in the user's language.
 */
public class BusinessRuleException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public BusinessRuleException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments;
    }
}
