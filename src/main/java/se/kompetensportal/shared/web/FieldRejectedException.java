package se.kompetensportal.shared.web;

import org.springframework.validation.BindingResult;

/**
 * A value that passed the form's own validation but is rejected by a rule only the service can check (a name already
 * taken, an amount above what remains). The controller puts it on the field with {@link #rejectOn(BindingResult)}
 * and shows the form again.
 */
public class FieldRejectedException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] arguments;

    public FieldRejectedException(String field, String messageKey, Object... arguments) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public void rejectOn(BindingResult result) {
        result.rejectValue(field, messageKey, arguments, null);
    }
}
