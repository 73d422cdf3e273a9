/**
 * Lake's Apache Iceberg executor: catalogs built by Iceberg's {@code CatalogUtil}, conversion between
 * Lake's model and Iceberg's schema, partition spec and sort order, and one atomic commit per step.
 */
package dev.lake.iceberg;
