package io.roomservice.infra.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text without control characters (Unicode category Cc: U+0000 to U+001F, U+007F to U+009F, tab and
 * line breaks included) and without unpaired surrogates (category Cs: JSON's {@code "\ud800"} escapes
 * half a character). Names, usernames and addresses are single lines shown to people and sent to
 * Matrix; a control character in one is a mistake or an attack, and PostgreSQL cannot even store
 * U+0000. Half a character cannot be written as UTF-8: it was stored as "?" or, in a username, made
 * the person's audit trail fail with a 500. Ordinary spaces are fine. Null is valid (other constraints
 * decide about presence).
 */
@Documented
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Pattern(regexp = "[^\\p{Cc}\\p{Cs}]*")
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface NoControlCharacters {

    String message() default "must not contain control characters (tabs and line breaks included) "
            + "or half characters (unpaired surrogates)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
