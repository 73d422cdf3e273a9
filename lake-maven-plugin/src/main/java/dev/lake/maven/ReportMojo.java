package dev.lake.maven;

import org.apache.maven.plugins.annotations.Parameter;

/** A goal that reports on the catalog, for people ({@code text}) or for tools ({@code json}). */
abstract class ReportMojo extends CatalogMojo {
  /** {@code text} for people, {@code json} for tools (one JSON document on standard output). */
  @Parameter(property = "lake.format", defaultValue = "text")
  String format;

  /** Write the JSON document to this file instead of standard output. */
  @Parameter(property = "lake.output")
  String output;

  @Override
  boolean recordsRuns() {
    return false;
  }
}
