package dev.lake.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a column of a reference type required ({@code not null}). Primitive fields are always
 * required; reference types are optional unless annotated with this or a common {@code NonNull} /
 * {@code NotNull} annotation. The elements of a list and the values of a map declared in Java are
 * optional; an Avro-backed declaration can make them required.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Required {}
