package dev.lake.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The precision and scale of a {@code BigDecimal} column, which has none by itself:
 * {@code @Decimal(precision = 12, scale = 2) BigDecimal amount} is {@code decimal(12, 2)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Decimal {
  /** Total number of digits, 1 to 38. */
  int precision();

  /** Digits after the decimal point, 0 to {@link #precision()}. */
  int scale();
}
