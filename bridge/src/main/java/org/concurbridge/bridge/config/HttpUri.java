package org.concurbridge.bridge.config;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;

/** The value is an absolute {@code http} or {@code https} URI with a host (null is left to {@code @NotNull}). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = HttpUri.Validator.class)
public @interface HttpUri {
    String message() default "must be an absolute http:// or https:// URI with a host";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<HttpUri, URI> {
        @Override
        public boolean isValid(URI value, ConstraintValidatorContext context) {
            return value == null
                    || (value.isAbsolute() && value.getHost() != null
                    && ("http".equalsIgnoreCase(value.getScheme()) || "https".equalsIgnoreCase(value.getScheme())));
        }
    }
}
