package org.nrmreferrals.reference;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** An ISO 3166-1 alpha-2 country code from {@link Countries}; null is allowed. */
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = IsoCountry.Validator.class)
public @interface IsoCountry {
  String message() default
      "must be an ISO 3166-1 alpha-2 country code such as AL or GB (XK for Kosovo);"
          + " see /api/v1/reference/countries";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks the code against the country list. */
  class Validator implements ConstraintValidator<IsoCountry, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || Countries.isCountry(value);
    }
  }
}
