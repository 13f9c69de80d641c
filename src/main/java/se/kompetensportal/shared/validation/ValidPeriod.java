package se.kompetensportal.shared.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The end of a {@link Period} is not before its start. The error is reported on the end field ({@link #endField()}),
 * so the form shows it next to the date the user has to change.
 */
@Documented
@Constraint(validatedBy = ValidPeriod.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidPeriod {

    String message() default "{ValidPeriod}";

    String endField() default "endDate";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidPeriod, Period> {
        private String endField;

        @Override
        public void initialize(ValidPeriod annotation) {
            endField = annotation.endField();
        }

        @Override
        public boolean isValid(Period period, ConstraintValidatorContext context) {
            if (period == null || period.periodStart() == null || period.periodEnd() == null
                    || !period.periodEnd().isBefore(period.periodStart())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode(endField).addConstraintViolation();
            return false;
        }
    }
}
