package dev.kubeyard.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.testing.Specs;
import dev.kubeyard.engine.testing.TestCa;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

  @Test
  void planSaysTheIngressServesTheUserSuppliedCertificateNamedRelativeToTheSpec() throws Exception {
    TestCa ca = new TestCa();
    TestCa.Issued leaf = ca.leaf(20, "*.example.com");
    Path out = tmp.resolve("plan");
    Path spec = ownCertificate(ca.chainPem(leaf), leaf.keyPem());

    String printed = captured(() -> assertThat(Main.run("plan", "-f", spec.toString(), "-o", out.toString())).isZero(),
        false);

    assertThat(printed).contains("ingress TLS: user-supplied (pki.ingressCertificate), CN=*.example.com, expires ")
        .contains("warning: the ingress certificate CN=*.example.com expires in 19 days");
  }

  @Test
  void aUserCertificateThatCannotServeTheHostsStopsThePlanWithTheProblemsAndWritesNothing() throws Exception {
    TestCa ca = new TestCa();
    TestCa.Issued leaf = ca.leaf(90, "gateway.example.com");
    TestCa.Issued other = ca.leaf(90, "gateway.example.com");
    Path out = tmp.resolve("plan");
    Path spec = ownCertificate(ca.chainPem(leaf), other.keyPem());

    String printed = captured(() -> assertThat(Main.run("plan", "-f", spec.toString(), "-o", out.toString())).isEqualTo(1),
        true);

    assertThat(printed).contains("pki.ingressCertificate cannot serve the ingress (nothing was written)")
        .contains("- pki.ingressCertificate.keyFile: the private key does not belong to the certificate CN=gateway.example.com"
            + " (found '" + tmp.resolve("tls/ingress.key") + "')")
        .contains("- pki.ingressCertificate.certificateFile: the certificate does not cover gitlab.example.com");
    assertThat(out).doesNotExist();
  }

  /** The example spec naming tls/ingress.crt and tls/ingress.key, relative to its own folder. */
  private Path ownCertificate(String chainPem, String keyPem) throws IOException {
    Path tls = Files.createDirectories(tmp.resolve("tls"));
    Files.writeString(tls.resolve("ingress.crt"), chainPem);
    Files.writeString(tls.resolve("ingress.key"), keyPem);
    return spec(Specs.exampleYaml().replace("\npki:\n",
        "\npki:\n  ingressCertificate: {certificateFile: tls/ingress.crt, keyFile: tls/ingress.key}\n"));
  }

  /** What {@code run} prints on stdout, or on stderr. */
  private static String captured(Runnable run, boolean stderr) {
    PrintStream before = stderr ? System.err : System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream into = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    if (stderr) {
      System.setErr(into);
    } else {
      System.setOut(into);
    }
    try {
      run.run();
    } finally {
      if (stderr) {
        System.setErr(before);
      } else {
        System.setOut(before);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
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
