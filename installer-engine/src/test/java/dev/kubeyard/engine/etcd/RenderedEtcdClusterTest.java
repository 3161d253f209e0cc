package dev.kubeyard.engine.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.pki.ClusterPki;
import dev.kubeyard.engine.plan.CertificatePlacement;
import dev.kubeyard.engine.render.ClusterRenderer;
import dev.kubeyard.engine.render.ClusterSecrets;
import dev.kubeyard.engine.render.HostPaths;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real 3-member etcd (Debian's etcd-server) in three network namespaces, each member started with
 * exactly the flags of its rendered unit and the certificates of the PKI, placed where
 * {@link CertificatePlacement} puts them (host paths mapped into a temp folder).
 */
class RenderedEtcdClusterTest {
  private static final String SPEC = """
      apiVersion: kubeyard.dev/v1alpha1
      kind: Cluster
      metadata: {name: etcdtest}
      kubernetes: {version: 1.35.0}
      hosts:
        - {name: e1, address: 10.213.1.11, roles: [etcd, master, node]}
        - {name: e2, address: 10.213.1.12, roles: [etcd, node]}
        - {name: e3, address: 10.213.1.13, roles: [etcd, node]}
      """;

  @TempDir Path tmp;

  @Test
  void threeRenderedMembersFormAQuorumOverTlsAndKeepWritingWithOneStopped() throws Exception {
    ClusterFacts facts = ClusterFacts.of(Validator.loadText(SPEC).spec());
    Path pki = tmp.resolve("pki");
    ClusterPki.ensure(facts, pki, Clock.systemUTC());
    List<RenderedFile> files = ClusterRenderer.render(new RenderContext(facts, ClusterSecrets.loadOrCreate(pki)));
    Map<String, Process> members = new LinkedHashMap<>();
    try (NetnsLab lab = new NetnsLab("etcd")) {
      Map<String, String> ns = new LinkedHashMap<>();
      for (HostSpec h : facts.hosts()) {
        ns.put(h.name(), lab.addHost(h.name(), h.address()));
      }
      for (HostSpec h : facts.hosts()) {
        members.put(h.name(), start(h, ns.get(h.name()), files, pki));
      }
      Etcdctl ctl = new Etcdctl(ns.get("e1"), pki);
      ctl.awaitHealthy("https://10.213.1.11:2379,https://10.213.1.12:2379,https://10.213.1.13:2379");

      assertThat(ctl.run("https://10.213.1.11:2379", "put", "/kubeyard/probe", "written-on-e1").exit()).isZero();
      assertThat(ctl.run("https://10.213.1.12:2379", "get", "/kubeyard/probe", "--print-value-only").output())
          .contains("written-on-e1");

      Proc.Result noCert = Proc.run(tmp, "ip", "netns", "exec", ns.get("e1"), "etcdctl", "--dial-timeout=3s",
          "--command-timeout=5s", "--endpoints=https://10.213.1.11:2379", "--cacert=" + pki.resolve("etcd-ca.pem"),
          "get", "/kubeyard/probe");
      assertThat(noCert.exit()).as("a client without a certificate is refused").isNotZero();
      Proc.Result clusterCaCert = ctl.runAs("admin", "https://10.213.1.11:2379", "get", "/kubeyard/probe");
      assertThat(clusterCaCert.exit()).as("a cluster-CA client certificate does not open etcd").isNotZero();
      Proc.Result plainPeer = Proc.run(tmp, "ip", "netns", "exec", ns.get("e2"), "curl", "-sf", "--max-time", "5",
          "http://10.213.1.11:2380/members");
      assertThat(plainPeer.exit()).as("plain HTTP to the peer port fails: " + plainPeer).isNotZero();
      Proc.Result tlsPeer = Proc.run(tmp, "ip", "netns", "exec", ns.get("e2"), "curl", "-sS", "--http1.1", "--max-time", "5",
          "--cacert", pki.resolve("etcd-ca.pem").toString(), "--cert", pki.resolve("etcd-e2.pem").toString(),
          "--key", pki.resolve("etcd-e2-key.pem").toString(), "https://10.213.1.11:2380/version");
      assertThat(tlsPeer.output()).as("a member's certificate opens the peer port: " + tlsPeer).contains("etcdserver");

      members.remove("e3").destroyForcibly().waitFor(20, TimeUnit.SECONDS);
      // If e3 led, the other two elect a new leader first; on a loaded machine that can take seconds.
      Proc.Result write = ctl.awaitSuccess("https://10.213.1.11:2379", "put", "/kubeyard/probe", "written-with-e3-down");
      assertThat(write.exit()).as(write.toString()).isZero();
      assertThat(ctl.run("https://10.213.1.12:2379", "get", "/kubeyard/probe", "--print-value-only").output())
          .contains("written-with-e3-down");
    } finally {
      members.values().forEach(Process::destroyForcibly);
    }
  }

  /** Starts a member with the flags of its rendered unit, host paths mapped to the temp folder. */
  private Process start(HostSpec host, String ns, List<RenderedFile> files, Path pki) throws IOException {
    RenderedFile unit = files.stream()
        .filter(f -> f.host().equals(host.name()) && f.path().equals(HostPaths.unit("etcd"))).findFirst().orElseThrow();
    Path data = Files.createDirectories(tmp.resolve("data-" + host.name()));
    Map<String, String> hostPathToLocal = new LinkedHashMap<>();
    CertificatePlacement.forHost(host).forEach(p -> hostPathToLocal.put(p.hostPath(), pki.resolve(p.pkiFile()).toString()));
    hostPathToLocal.put(HostPaths.ETCD_DATA, data.toString());
    List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", ns, "etcd"));
    for (String flag : execFlags(unit.content())) {
      String[] kv = flag.split("=", 2);
      command.add(kv[0] + "=" + hostPathToLocal.getOrDefault(kv[1], kv[1]));
    }
    assertThat(String.join(" ", command)).doesNotContain(HostPaths.ETCD_SSL);
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("etcd-" + host.name() + ".log").toFile()).start();
  }

  /** The flags of a unit's ExecStart, one per continued line. */
  static List<String> execFlags(String unit) {
    List<String> flags = new ArrayList<>();
    boolean inExec = false;
    for (String line : unit.split("\n")) {
      if (line.startsWith("ExecStart=")) {
        inExec = true;
        continue;
      }
      if (inExec) {
        flags.add(line.trim().replaceAll(" \\\\$", ""));
        inExec = line.endsWith("\\");
      }
    }
    return flags;
  }
}
