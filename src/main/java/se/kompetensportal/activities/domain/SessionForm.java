package se.kompetensportal.activities.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.URL;

/** A session to add to an activity: a date, start and end time (Swedish time), and a place or an online link. */
@SessionForm.EndAfterStart
public record SessionForm(
        @NotNull LocalDate date,
        @NotNull LocalTime start,
        @NotNull LocalTime end,
        @Size(max = 200) String place,
        @URL @Size(max = 500) String onlineUrl) {

    public static SessionForm empty() {
        return new SessionForm(null, null, null, null, null);
    }

    /** The session ends after it starts (on the same day); reported on the end time. */
    @Documented
    @Constraint(validatedBy = EndAfterStart.Validator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface EndAfterStart {

        String message() default "{activity.session.endBeforeStart}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<EndAfterStart, SessionForm> {
            @Override
            public boolean isValid(SessionForm form, ConstraintValidatorContext context) {
                if (form == null || form.start() == null || form.end() == null || form.end().isAfter(form.start())) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode("end").addConstraintViolation();
                return false;
            }
        }
    }
}
