package dev.lake.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a column one of the table's identifier columns (Iceberg's identifier fields, the row key used
 * by upserts and equality deletes). An identifier column must be a required primitive, not
 * {@code float} or {@code double}, and not inside a list or map.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Id {}
