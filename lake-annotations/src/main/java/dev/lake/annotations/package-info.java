/**
 * Lake's annotations: table declarations ({@link dev.lake.annotations.LakeTable} and the column
 * annotations) and migration operations ({@link dev.lake.annotations.Migration} and one annotation
 * per operation).
 *
 * <p>Column paths are dotted: {@code address.city} names the field {@code city} of the struct column
 * {@code address}; {@code tags.element} names the element of the list {@code tags};
 * {@code attrs.key} and {@code attrs.value} name the key and value of the map {@code attrs}.
 *
 * <p>Types are written in Lake's type grammar: {@code boolean int long float double decimal(P, S) date
 * time timestamp timestamptz timestamp_ns timestamptz_ns string uuid fixed[N] binary},
 * {@code struct<name: type [not null] [comment 'text'], ...>}, {@code list<type [not null]>} and
 * {@code map<key, value [not null]>}.
 */
package dev.lake.annotations;
