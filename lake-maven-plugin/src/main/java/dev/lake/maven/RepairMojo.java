package dev.lake.maven;

import dev.lake.core.engine.Engine;
import dev.lake.core.engine.TableFilter;
import dev.lake.core.engine.TableFormat;
import dev.lake.core.model.TableName;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Accepts applied migrations edited on purpose: records their new checksums, with
 * {@code -Dlake.reason} kept in each repaired step's history, only where the live table equals the
 * replay of the edited history. Refuses otherwise, showing which side has what; repairs nothing then.
 */
@Mojo(name = "repair", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class RepairMojo extends CatalogMojo {
  /** Why the edited migrations are accepted; required. */
  @Parameter(property = "lake.reason")
  String reason;

  @Override
  void run(Engine engine, TableFormat<?> format) throws MojoFailureException {
    if (reason == null || reason.isBlank()) {
      throw new MojoFailureException("Say why the edited migrations are accepted: -Dlake.reason=\"...\" (kept in "
          + "each repaired step's history)");
    }
    Map<TableName, List<Integer>> repaired = engine.repair(TableFilter.parse(tables), reason);
    if (repaired.isEmpty()) {
      getLog().info("Nothing to repair in " + format.catalog() + ": every applied step has the code's checksum");
    }
    repaired.forEach((table, steps) -> getLog().info("Repaired " + table + " in " + format.catalog() + ": recorded "
        + "the code's checksums of step(s) " + steps));
  }
}
