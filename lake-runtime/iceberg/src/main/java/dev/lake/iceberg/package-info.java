/**
 * Lake's Apache Iceberg format: catalogs built by Iceberg's {@code CatalogUtil} ({@link
 * dev.lake.iceberg.IcebergCatalogs}), conversion between Lake's model and Iceberg's schema, partition
 * spec and sort order ({@code IcebergModels}), a step's changes as Iceberg updates ({@code IcebergStep}),
 * and one compare-and-swap commit per step ({@link dev.lake.iceberg.IcebergTableFormat}), found by the
 * plugin through {@link dev.lake.iceberg.IcebergFormatProvider}.
 */
package dev.lake.iceberg;
