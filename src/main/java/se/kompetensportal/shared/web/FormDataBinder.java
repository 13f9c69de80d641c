package se.kompetensportal.shared.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.ServletRequest;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.PropertyAccessException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.validation.AbstractPropertyBindingResult;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;

/**
 * The binder of every form, so that nothing a user (or a hand-made request) sends to a form can end in a server error
 * or a half-rendered page; each such input becomes a message at its field and the form is shown again with what was
 * typed:
 * <ul>
 * <li>A value that does not fit its field's type (a letter in a number, an impossible date, an option that does not
 * exist) is a field error as usual, but the form object is still built (with that field empty) so that the page shows
 * the rest of the form as sent. Spring leaves it out of the model in that case, and pages that read the form object
 * directly would fail half-way.</li>
 * <li>A list index outside what a form can have ({@code budgetLines[256]}, {@code budgetLines[x]}) is not bound: the
 * list field gets a message.</li>
 * <li>Fields from which {@link ControlCharacterFilter} removed control characters get a message.</li>
 * <li>An unknown option gets a message saying so, not the general "wrong format".</li>
 * <li>A record form is bound through its constructor only (no property binding afterwards).</li>
 * </ul>
 */
class FormDataBinder extends ExtendedServletRequestDataBinder {

    static final String CONTROL_CHARACTERS = "text.controlCharacters";
    static final String LIST_INDEX = "list.indexOutOfRange";
    static final String UNKNOWN_OPTION = "typeMismatch.option";

    private static final Pattern INDEX = Pattern.compile("\\[([^]]*)]?");

    private AbstractPropertyBindingResult keptTarget;
    private final Set<String> listsOutOfRange = new LinkedHashSet<>();
    private boolean controlCharactersReported;

    FormDataBinder(Object target, String objectName) {
        super(target, objectName);
        setBindingErrorProcessor(new OptionAwareErrorProcessor());
    }

    @Override
    public void construct(ValueResolver resolver) {
        super.construct(new BoundedIndexes(resolver, getAutoGrowCollectionLimit(), listsOutOfRange,
                mapProperties(getTargetType() == null ? null : getTargetType().resolve())));
        BindingResult result = super.getInternalBindingResult();
        if (result.hasErrors() && getTarget() != null && result.getTarget() == null) {
            BeanPropertyBindingResult kept = new BeanPropertyBindingResult(getTarget(), getObjectName(),
                    isAutoGrowNestedPaths(), getAutoGrowCollectionLimit());
            result.getGlobalErrors().forEach(kept::addError);
            result.getFieldErrors().forEach(error -> kept.addError(asTyped(error, resolver)));
            keptTarget = kept;
        }
        if (getTarget() != null) {
            listsOutOfRange.forEach(list -> rejectIfField(list, LIST_INDEX));
        }
        if (getBindingResult().hasErrors()) {
            // Binding and validation stop here (Spring's rule after a construction error): report what else is known.
            reportControlCharacters();
        }
    }

    /** A conversion failure keeps the text as typed (some converters lose it), so the form shows it again. */
    private static FieldError asTyped(FieldError error, ValueResolver resolver) {
        if (!error.isBindingFailure() || error.getRejectedValue() != null) {
            return error;
        }
        Object typed = resolver.resolveValue(error.getField(), String.class);
        if (typed instanceof String[] values) {
            typed = String.join(",", values);
        }
        return new FieldError(error.getObjectName(), error.getField(), typed, true, error.getCodes(),
                error.getArguments(), error.getDefaultMessage());
    }

    /**
     * A record is complete once constructed; binding properties onto it afterwards can do nothing but fail (on a row
     * index beyond a list the record's constructor normalised, it tries to create a row without arguments).
     */
    @Override
    public void bind(ServletRequest request) {
        if (getTarget() == null || !getTarget().getClass().isRecord()) {
            super.bind(request);
        }
        reportControlCharacters();
    }

    @Override
    protected AbstractPropertyBindingResult getInternalBindingResult() {
        return keptTarget != null ? keptTarget : super.getInternalBindingResult();
    }

    private void reportControlCharacters() {
        if (controlCharactersReported || getTarget() == null) {
            return;
        }
        controlCharactersReported = true;
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object rejected = request == null ? null
                : request.getAttribute(ControlCharacterFilter.REJECTED_FIELDS, RequestAttributes.SCOPE_REQUEST);
        if (rejected instanceof Set<?> names) {
            names.forEach(name -> rejectIfField(String.valueOf(name), CONTROL_CHARACTERS));
        }
    }

    /** Puts the message at the field if this form has it (a parameter of another form on the page is not ours). */
    private void rejectIfField(String field, String code) {
        BindingResult result = getBindingResult();
        String path = field.startsWith(getObjectName() + ".") ? field.substring(getObjectName().length() + 1) : field;
        try {
            if (result.getFieldType(path) == null && !hasReadableField(path)) {
                return;
            }
        } catch (RuntimeException notAField) {
            return;
        }
        if (result.getFieldErrorCount(path) == 0) {
            result.rejectValue(path, code);
        }
    }

    private boolean hasReadableField(String path) {
        try {
            return getPropertyAccessor().isReadableProperty(path);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The names of the form's own properties that are maps: their keys ({@code minutes[8602447]}) are no list index. */
    private static Set<String> mapProperties(Class<?> type) {
        if (type == null) {
            return Set.of();
        }
        Set<String> names = new LinkedHashSet<>();
        if (type.isRecord()) {
            for (var component : type.getRecordComponents()) {
                if (Map.class.isAssignableFrom(component.getType())) {
                    names.add(component.getName());
                }
            }
        } else {
            for (var property : BeanUtils.getPropertyDescriptors(type)) {
                if (property.getPropertyType() != null && Map.class.isAssignableFrom(property.getPropertyType())) {
                    names.add(property.getName());
                }
            }
        }
        return names;
    }

    /**
     * Hides parameters whose list index the binder cannot take (not a number, or at or above the collection limit),
     * remembering the list they were meant for.
     */
    private static final class BoundedIndexes implements ValueResolver {

        private final ValueResolver delegate;
        private final int limit;
        private final Set<String> outOfRange;
        private final Set<String> maps;

        BoundedIndexes(ValueResolver delegate, int limit, Set<String> outOfRange, Set<String> maps) {
            this.delegate = delegate;
            this.limit = limit;
            this.outOfRange = outOfRange;
            this.maps = maps;
        }

        @Override
        public Object resolveValue(String name, Class<?> type) {
            return acceptable(name) ? delegate.resolveValue(name, type) : null;
        }

        @Override
        public Set<String> getNames() {
            return delegate.getNames().stream().filter(this::acceptable)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }

        private boolean acceptable(String name) {
            Matcher m = INDEX.matcher(name);
            while (m.find()) {
                if (m.start() > 0 && maps.contains(name.substring(0, m.start()))) {
                    continue; // a map's key, any text
                }
                String index = m.group(1);
                boolean closed = m.group().endsWith("]");
                if (!closed || (!index.isEmpty() && !(index.length() <= 9 && index.chars().allMatch(Character::isDigit)
                        && Integer.parseInt(index) < limit))) {
                    outOfRange.add(name.substring(0, m.start()));
                    return false;
                }
            }
            return true;
        }
    }

    /** An option that does not exist gets its own message ("choose one of the options"). */
    private static final class OptionAwareErrorProcessor extends DefaultBindingErrorProcessor {
        @Override
        public void processPropertyAccessException(PropertyAccessException ex, BindingResult bindingResult) {
            if (ex instanceof TypeMismatchException mismatch && mismatch.getRequiredType() != null
                    && mismatch.getRequiredType().isEnum() && ex.getPropertyName() != null) {
                String field = ex.getPropertyName();
                List<String> general = List.of(bindingResult.resolveMessageCodes(ex.getErrorCode(), field));
                String[] codes = Stream.concat(Stream.concat(general.stream().limit(general.size() - 1L),
                        Stream.of(UNKNOWN_OPTION)), Stream.of(general.getLast())).toArray(String[]::new);
                bindingResult.addError(new FieldError(bindingResult.getObjectName(), field, ex.getValue(), true,
                        codes, getArgumentsForBindError(bindingResult.getObjectName(), field),
                        ex.getLocalizedMessage()));
                return;
            }
            super.processPropertyAccessException(ex, bindingResult);
        }
    }
}
