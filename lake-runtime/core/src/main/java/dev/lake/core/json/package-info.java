/** The canonical JSON form of a table model, as written to {@code META-INF/lake/index.json}. */
package dev.lake.core.json;
