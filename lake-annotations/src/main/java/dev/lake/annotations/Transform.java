package dev.lake.annotations;

/**
 * Partition transforms, as in Iceberg's partition specs.
 *
 * <table>
 *   <caption>Transforms and the column types they take</caption>
 *   <tr><th>transform</th><th>source types</th></tr>
 *   <tr><td>{@link #IDENTITY}</td><td>any primitive</td></tr>
 *   <tr><td>{@link #YEAR}, {@link #MONTH}, {@link #DAY}</td><td>date, timestamp, timestamptz (and _ns)</td></tr>
 *   <tr><td>{@link #HOUR}</td><td>timestamp, timestamptz (and _ns)</td></tr>
 *   <tr><td>{@link #BUCKET}</td><td>int, long, decimal, date, time, timestamps, string, uuid, fixed, binary</td></tr>
 *   <tr><td>{@link #TRUNCATE}</td><td>int, long, decimal, string, binary</td></tr>
 *   <tr><td>{@link #VOID}</td><td>any primitive (always null)</td></tr>
 * </table>
 */
public enum Transform {
  IDENTITY,
  YEAR,
  MONTH,
  DAY,
  HOUR,
  /** Hash into {@link Partition#buckets()} buckets. */
  BUCKET,
  /** Truncate to {@link Partition#width()}. */
  TRUNCATE,
  VOID
}
