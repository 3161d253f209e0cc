package dev.kubeyard.model.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Warnings name the host, the rule and the fix, and never make a spec invalid. */
class TopologyWarningsTest {
  private static final Path EXAMPLE = Path.of("../resources/examples/cluster.yaml");

  @Test
  void anEtcdMemberOnAWorkerIsAWarningNamingTheHostAndTheFixAndTheSpecStaysValid() throws IOException {
    String node1 = "  - name: node1\n    address: 192.168.1.3\n    roles: [";
    String master3 = "  - name: master3\n    address: 192.168.1.7\n    roles: [";
    String yaml = Files.readString(EXAMPLE).replace(node1 + "node]", node1 + "etcd, node]")
        .replace(master3 + "etcd, master]", master3 + "master]");
    Validator.Result r = Validator.loadText(yaml);

    assertThat(r.problems()).isEmpty();
    assertThat(r.warnings()).extracting(Problem::toString).anySatisfy(w -> assertThat(w)
        .startsWith("hosts[").contains("etcd member 'node1' also has role 'node'", "[etcd, node]",
            "move 'etcd' from 'node1' to a master or a host of its own"));
    assertThat(r.warnings().get(0).toString(Locale.SIMPLIFIED_CHINESE)).contains("node1", "etcd");
  }

  @Test
  void theExampleSpecKeepsEtcdOffTheWorkers() {
    Validator.Result r = Validator.load(EXAMPLE);

    assertThat(r.problems()).isEmpty();
    assertThat(r.warnings()).isEmpty();
  }
}
