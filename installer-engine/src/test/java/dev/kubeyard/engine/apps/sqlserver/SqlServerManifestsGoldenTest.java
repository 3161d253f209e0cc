package dev.kubeyard.engine.apps.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.testing.Golden;
import dev.kubeyard.engine.testing.Specs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The example cluster's availability group (3 replicas, ag1, database gateway, exposed through the ingress
 * controller) on both Kubernetes lines, and its bootstrap T-SQL on SQL Server 2019 and 2022, each equal to
 * its golden copy; the Secrets hold keys and are checked in {@link GroupSecretsTest} instead.
 */
class SqlServerManifestsGoldenTest {

  static SqlServerDeployment deployment(String line) {
    return SqlServerDeployment.of(ClusterFacts.of(line.equals("1.14") ? Specs.legacy() : Specs.current()));
  }

  /** Relative path under apps/sqlserver → text. */
  static List<String[]> rendered(String folder) {
    List<String[]> out = new ArrayList<>();
    if (folder.startsWith("bootstrap-")) {
      SqlServerDeployment d = deployment("1.35").withSqlVersion(folder.substring("bootstrap-".length()));
      for (int i = 0; i < d.replicas(); i++) {
        out.add(new String[] {folder + "/replica-" + d.names().pod(i) + ".sql", BootstrapSql.replica(d, i)});
      }
      out.add(new String[] {folder + "/create-availability-group.sql", BootstrapSql.createGroup(d)});
      out.add(new String[] {folder + "/join-availability-group.sql", BootstrapSql.joinGroup(d)});
      return out;
    }
    SqlServerManifests.render(deployment(folder)).forEach(m -> out.add(new String[] {folder + "/" + m.file(), m.yaml()}));
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1.14", "1.35", "bootstrap-2019", "bootstrap-2022"})
  void everyFileMatchesItsGoldenCopyAndNoneIsOrphaned(String folder) {
    List<String[]> files = rendered(folder);
    files.forEach(f -> Golden.assertMatches("apps/sqlserver/" + f[0], f[1]));
    Golden.assertNoOrphans("apps/sqlserver/" + folder, files.stream().map(f -> "apps/sqlserver/" + f[0]).toList());
  }

  @Test
  void renderingTwiceGivesTheSameBytes() {
    assertThat(rendered("1.35")).usingElementComparator((a, b) -> (a[0] + a[1]).compareTo(b[0] + b[1]))
        .isEqualTo(rendered("1.35"));
  }
}
