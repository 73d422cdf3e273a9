package dev.lake.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad goal parameters and catalog configuration, one row each: refused with the property and the fix,
 * before any catalog is opened, so nothing can be committed.
 */
class ParametersTest {

  interface Check {
    void run() throws MojoFailureException;
  }

  private static Catalog catalog(String name) {
    Catalog catalog = new Catalog();
    catalog.name = name;
    catalog.type = "hadoop";
    return catalog;
  }

  private static List<Catalog> catalogs(String... names) {
    List<Catalog> catalogs = new ArrayList<>();
    for (String name : names) {
      catalogs.add(catalog(name));
    }
    return catalogs;
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        Arguments.of("a typo in a flag", (Check) () -> Parameters.flag("lake.dryRun", "ture"),
            "Invalid -Dlake.dryRun=ture: use true or false (or leave it out)"),
        Arguments.of("yes for a flag", (Check) () -> Parameters.flag("lake.allowDestructive", "yes"),
            "Invalid -Dlake.allowDestructive=yes: use true or false"),
        Arguments.of("a typo in skip", (Check) () -> Parameters.flag("lake.skip", "maybe"),
            "Invalid -Dlake.skip=maybe"),
        Arguments.of("a target that is not a number", (Check) () -> Parameters.number("lake.target", "abc", 0, -1),
            "Invalid -Dlake.target=abc: use a whole number of at least 0"),
        Arguments.of("a negative target", (Check) () -> Parameters.number("lake.target", "-5", 0, -1),
            "Invalid -Dlake.target=-5: use a whole number of at least 0"),
        Arguments.of("no threads", (Check) () -> Parameters.number("lake.threads", "0", 1, 1),
            "Invalid -Dlake.threads=0: use a whole number of at least 1"),
        Arguments.of("a step that is not a number", (Check) () -> Parameters.number("lake.step", "two", 0, 0),
            "Invalid -Dlake.step=two"),
        Arguments.of("an empty table filter", (Check) () -> Parameters.tables("", true),
            "Empty -Dlake.tables: name the tables (comma-separated globs such as analytics.*), or leave it out for "
                + "every table"),
        Arguments.of("a catalog without a name", (Check) () -> LakeProject.checkNames(catalogs("dev", null)),
            "Catalog 2 of <catalogs> has no <name>: give each catalog a name, which -Dlake.catalog selects"),
        Arguments.of("two catalogs of one name", (Check) () -> LakeProject.checkNames(catalogs("dev", "dev")),
            "Two catalogs of <catalogs> are named 'dev': give each catalog a name of its own"),
        Arguments.of("a catalog named like the embedded one", (Check) () -> LakeProject.checkNames(
            catalogs("embedded")), "A catalog of <catalogs> is named 'embedded', the name of the embedded catalog"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void isRefusedWithTheFix(String name, Check check, String message) {
    assertThatThrownBy(check::run).isInstanceOf(MojoFailureException.class).hasMessageContaining(message);
  }

  @Test
  void goodValuesPass() throws MojoFailureException {
    assertThat(Parameters.flag("lake.dryRun", "TRUE")).isTrue();
    assertThat(Parameters.flag("lake.dryRun", "false")).isFalse();
    assertThat(Parameters.flag("lake.dryRun", null)).isFalse();
    assertThat(Parameters.number("lake.target", null, 0, -1)).isEqualTo(-1);
    assertThat(Parameters.number("lake.target", " 3 ", 0, -1)).isEqualTo(3);
    assertThat(Parameters.tables(null, false)).isNull();
    assertThat(Parameters.tables("db.*", true)).isEqualTo("db.*");
    LakeProject.checkNames(catalogs("dev", "prod"));
  }
}
