package dev.kubeyard.engine.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The bundle's image archives import into a real containerd without any registry, and run with runc. */
@Tag(BuiltBundle.TAG)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageImportTest {

  @TempDir
  static Path tmp;

  private Containerd containerd;

  @BeforeAll
  void startContainerd() throws Exception {
    containerd = Containerd.start(tmp);
    for (String image : new String[] {"pause", "coredns", "metrics-server", "flannel"}) {
      String out = containerd.ctr("images", "import", BuiltBundle.image(image).toString());
      assertThat(out).contains(BuiltBundle.reference(image));
    }
  }

  @AfterAll
  void stopContainerd() throws Exception {
    if (containerd != null) {
      containerd.close();
    }
  }

  @Test
  void runsThePauseContainerUntilItIsAskedToStop() throws Exception {
    String pause = BuiltBundle.reference("pause");
    containerd.ctr("run", "--detach", pause, "sandbox");
    assertThat(containerd.ctr("tasks", "list")).containsPattern("sandbox\\s+\\d+\\s+RUNNING");

    containerd.ctr("tasks", "kill", "--signal", "SIGTERM", "sandbox");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (!containerd.ctr("tasks", "list").matches("(?s).*sandbox\\s+\\d+\\s+STOPPED.*")) {
      assertThat(Instant.now()).as("pause did not stop on SIGTERM").isBefore(deadline);
      Thread.sleep(200);
    }
    containerd.ctr("tasks", "delete", "sandbox");
    containerd.ctr("containers", "delete", "sandbox");
  }

  @Test
  void runsCoreDnsAtItsVersion() throws Exception {
    String out = containerd.ctr("run", "--rm", BuiltBundle.reference("coredns"), "coredns-version", "/coredns", "-version");

    assertThat(out).contains("CoreDNS-" + BuiltBundle.manifest().image("coredns", Platform.LINUX_AMD64).orElseThrow().version());
  }

  @Test
  void runsMetricsServer() throws Exception {
    String out = containerd.ctr("run", "--rm", BuiltBundle.reference("metrics-server"), "metrics-server-help",
        "/metrics-server", "--help");

    assertThat(out).contains("--kubelet-preferred-address-types");
  }

  @Test
  void runsFlanneldAndTheIptablesItNeedsInsideTheFlannelImage() throws Exception {
    String flannel = BuiltBundle.reference("flannel");

    assertThat(containerd.ctr("run", "--rm", flannel, "flanneld-version", "/opt/bin/flanneld", "--version"))
        .contains(BuiltBundle.manifest().image("flannel", Platform.LINUX_AMD64).orElseThrow().version());
    assertThat(containerd.ctr("run", "--rm", flannel, "iptables-version", "/usr/sbin/iptables", "--version"))
        .contains("iptables v1.8.9 (nf_tables)");
  }
}
