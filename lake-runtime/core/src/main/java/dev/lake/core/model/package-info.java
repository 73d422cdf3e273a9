/**
 * Lake's format-neutral table model: plain immutable values with no table-format, Avro or Maven type.
 *
 * <p>A {@link dev.lake.core.model.TableModel} holds columns ({@link dev.lake.core.model.Column} with a
 * {@link dev.lake.core.model.Type}), partition fields, a sort order, identifier columns and
 * properties. Columns are addressed by dotted paths: {@code address.city}, {@code tags.element},
 * {@code attrs.key}, {@code attrs.value}.
 */
package dev.lake.core.model;
