package dev.kubeyard.engine.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.pki.ClusterPki;
import dev.kubeyard.engine.render.AdminKubeconfig;
import dev.kubeyard.engine.render.ClusterRenderer;
import dev.kubeyard.engine.render.ClusterSecrets;
import dev.kubeyard.engine.render.RenderContext;
import dev.kubeyard.engine.render.RenderedFile;
import dev.kubeyard.engine.testing.NetnsLab;
import dev.kubeyard.engine.testing.Proc;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle's kube-apiserver really serves: it and the bundle's etcd run in a network namespace with
 * exactly the flags of their rendered units and the certificates of the PKI, reached through symlinks
 * to the multi-call binary as the installer lays them out.
 */
@Tag(BuiltBundle.TAG)
class ApiserverFromBundleTest {

  private static final String ADDRESS = "10.213.77.11";

  @TempDir
  Path tmp;

  @Test
  void servesReadyzOverTlsToTheAdminAndReportsThePinnedVersion() throws Exception {
    String version = BuiltBundle.manifest().kubernetesVersion();
    ClusterFacts facts = ClusterFacts.of(Validator.loadText("""
        apiVersion: kubeyard.dev/v1alpha1
        kind: Cluster
        metadata: {name: bundletest}
        kubernetes: {version: %s}
        hosts:
          - {name: m1, address: %s, roles: [etcd, master, node]}
        """.formatted(version, ADDRESS)).spec());
    HostSpec m1 = facts.host("m1");
    Path pki = tmp.resolve("pki");
    ClusterPki.ensure(facts, pki, Clock.systemUTC());
    List<RenderedFile> files = ClusterRenderer.render(new RenderContext(facts, ClusterSecrets.loadOrCreate(pki)));
    Path root = tmp.resolve("root");
    Path bin = installedBinaries();
    Path kubeconfig = tmp.resolve("admin.kubeconfig");
    AdminKubeconfig.write(facts, pki, kubeconfig);

    List<Process> running = new ArrayList<>();
    try (NetnsLab lab = new NetnsLab("api")) {
      String ns = lab.addHost("m1", ADDRESS);
      running.add(start(ns, bin.resolve("etcd"), RenderedUnit.flags("etcd", m1, files, pki, root), "etcd"));
      running.add(start(ns, bin.resolve("kube-apiserver"),
          RenderedUnit.flags("kube-apiserver", m1, files, pki, root), "kube-apiserver"));

      Proc.Result readyz = awaitReady(ns, pki);
      assertThat(readyz.output()).as(readyz.toString()).isEqualTo("ok");

      Proc.Result raw = Proc.run(tmp, "ip", "netns", "exec", ns, bin.resolve("kubectl").toString(),
          "--kubeconfig", kubeconfig.toString(), "get", "--raw", "/version");
      assertThat(raw.exit()).as(raw.toString()).isZero();
      assertThat(raw.output()).contains("\"gitVersion\": \"v" + version + "\"", "\"gitTreeState\": \"clean\"");

      Proc.Result anonymous = curl(ns, pki, false, "/readyz");
      assertThat(anonymous.output()).as("anonymous requests are refused: " + anonymous).contains("401");
    } finally {
      for (Process p : running) {
        p.destroy();
        p.waitFor();
      }
    }
  }

  /** Links each command to its bundle file, as the installer lays out /opt/kube/bin. */
  private Path installedBinaries() throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    for (String command : List.of("etcd", "kube-apiserver", "kubectl")) {
      Files.createSymbolicLink(bin.resolve(command), BuiltBundle.command(command));
    }
    return bin;
  }

  private Process start(String ns, Path binary, List<String> flags, String name) throws IOException {
    List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", ns, binary.toString()));
    command.addAll(flags);
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.resolve(name + ".log").toFile())
        .start();
  }

  private Proc.Result awaitReady(String ns, Path pki) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    Proc.Result last = curl(ns, pki, true, "/readyz");
    while (!last.output().equals("ok") && Instant.now().isBefore(deadline)) {
      Thread.sleep(1000);
      last = curl(ns, pki, true, "/readyz");
    }
    if (!last.output().equals("ok")) {
      throw new AssertionError("kube-apiserver did not become ready: " + last + "\n--- kube-apiserver log (end):\n"
          + tail(tmp.resolve("kube-apiserver.log")) + "\n--- etcd log (end):\n" + tail(tmp.resolve("etcd.log")));
    }
    return last;
  }

  /** curl inside the namespace; with the admin's client certificate or without any. */
  private Proc.Result curl(String ns, Path pki, boolean asAdmin, String path) {
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns, "curl", "-sS", "--max-time", "5",
        "--cacert", pki.resolve("ca.pem").toString()));
    if (asAdmin) {
      cmd.addAll(List.of("--cert", pki.resolve("admin.pem").toString(), "--key", pki.resolve("admin-key.pem").toString()));
    } else {
      cmd.addAll(List.of("-o", "/dev/null", "-w", "%{http_code}"));
    }
    cmd.add("https://" + ADDRESS + ":6443" + path);
    return Proc.run(tmp, cmd.toArray(String[]::new));
  }

  private static String tail(Path log) throws IOException {
    if (!Files.exists(log)) {
      return "(no log)";
    }
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}
