package dev.lake.maven;

import dev.lake.core.engine.Engine;
import dev.lake.core.engine.TableFilter;
import dev.lake.core.engine.TableFormat;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Fails the build on anything status can find wrong: checksum mismatches, applied steps missing from
 * the code, tables changed outside Lake, tables that exist without Lake's state.
 */
@Mojo(name = "validate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class ValidateMojo extends CatalogMojo {
  @Override
  void run(Engine engine, TableFormat<?> format) throws MojoFailureException {
    List<String> problems = engine.validate(TableFilter.parse(tables));
    if (!problems.isEmpty()) {
      throw failure("Lake validation of " + format.catalog() + " failed:\n" + String.join("\n", problems));
    }
    getLog().info("Lake validation of " + format.catalog() + ": no problem");
  }

  @Override
  boolean recordsRuns() {
    return false;
  }
}
