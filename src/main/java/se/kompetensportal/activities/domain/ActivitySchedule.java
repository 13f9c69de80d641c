package se.kompetensportal.activities.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDateTime;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The times of an {@link ActivityForm} are in order: a session ends after it starts; registration opens before it
 * closes; registration closes, and the cancellation deadline falls, no later than the start of the first session (when
 * the form carries it; on an edit the service checks against the stored sessions). Each broken rule is reported on the
 * field the user has to change, with its own message.
 */
@Documented
@Constraint(validatedBy = ActivitySchedule.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ActivitySchedule {

    String message() default "{activity.schedule.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ActivitySchedule, ActivityForm> {

        @Override
        public boolean isValid(ActivityForm form, ConstraintValidatorContext context) {
            if (form == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            if (form.sessionStart() != null && form.sessionEnd() != null && !form.sessionEnd().isAfter(form.sessionStart())) {
                valid = reject(context, "sessionEnd", "{activity.session.endBeforeStart}");
            }
            if (form.registrationOpens() != null && form.registrationCloses() != null
                    && form.registrationCloses().isBefore(form.registrationOpens())) {
                valid = reject(context, "registrationCloses", "{activity.registrationCloses.beforeOpens}");
            }
            LocalDateTime first = form.sessionStartsAt();
            if (first != null && form.registrationCloses() != null && form.registrationCloses().isAfter(first)) {
                valid = reject(context, "registrationCloses", "{activity.registrationCloses.afterFirstSession}");
            }
            if (first != null && form.cancellationDeadline() != null && form.cancellationDeadline().isAfter(first)) {
                valid = reject(context, "cancellationDeadline", "{activity.cancellationDeadline.afterFirstSession}");
            }
            return valid;
        }

        private static boolean reject(ConstraintValidatorContext context, String field, String message) {
            context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
            return false;
        }
    }
}
