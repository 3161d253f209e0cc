package dev.kubeyard.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.testing.Specs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
  @TempDir Path tmp;

  private Path spec(String yaml) throws IOException {
    return Files.writeString(tmp.resolve("cluster.yaml"), yaml);
  }

  @Test
  void planningTheSameSpecTwiceGivesByteIdenticalFiles() throws Exception {
    Path spec = spec(Specs.exampleYaml());
    Path out = tmp.resolve("plan");
    assertThat(Main.run("plan", "-f", spec.toString(), "-o", out.toString())).isZero();
    Map<String, String> first = digests(out);
    assertThat(Main.run("plan", "-f", spec.toString(), "-o", out.toString())).isZero();
    assertThat(digests(out)).isEqualTo(first);
    assertThat(first).containsKeys("plan.txt", "plan.json", "hosts/master1/etc/systemd/system/kube-apiserver.service",
        "hosts/lb1/etc/haproxy/haproxy.cfg", "pki/kubernetes.pem", "topology.svg");
  }

  @Test
  void planWritesThePictureOfTheClusterBesidePlanTxt() throws Exception {
    Path out = tmp.resolve("plan");
    assertThat(Main.run("plan", "-f", spec(Specs.exampleYaml()).toString(), "-o", out.toString())).isZero();
    assertThat(out.resolve("topology.svg")).content().startsWith("<?xml").contains("<svg", "VIP 192.168.1.10", "win1");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("topology.svg"))))
        .isEqualTo("rw-r--r--");
  }

  @Test
  void secretsInThePlanFolderAreReadableOnlyByTheirOwner() throws Exception {
    Path out = tmp.resolve("plan");
    assertThat(Main.run("plan", "-f", spec(Specs.exampleYaml()).toString(), "-o", out.toString())).isZero();
    for (String secret : new String[] {"pki/ca-key.pem", "pki/encryption-key", "admin.kubeconfig",
        "hosts/master1/etc/kubernetes/encryption-config.yaml"}) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(secret))))
          .as(secret).isEqualTo("rw-------");
    }
  }

  @Test
  void anInvalidSpecWritesNothing() throws Exception {
    Path out = tmp.resolve("plan");
    String bad = Specs.exampleYaml().replace("interfaceName: eth0", "interfaceName: 192.168.1.12");
    assertThat(Main.run("plan", "-f", spec(bad).toString(), "-o", out.toString())).isEqualTo(1);
    assertThat(out).doesNotExist();
  }

  private static Map<String, String> digests(Path dir) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(f).toString(),
            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
      }
    }
    return out;
  }
}
