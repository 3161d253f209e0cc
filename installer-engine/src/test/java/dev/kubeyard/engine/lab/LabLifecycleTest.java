package dev.kubeyard.engine.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.plan.steps.Preflight;
import dev.kubeyard.engine.run.Executor;
import dev.kubeyard.engine.run.InstallEvent;
import dev.kubeyard.engine.run.InstallListener;
import dev.kubeyard.engine.run.RunResult;
import dev.kubeyard.engine.run.RunSettings;
import dev.kubeyard.engine.testing.Proc;
import dev.kubeyard.engine.transport.SshTransports;
import dev.kubeyard.engine.transport.HostKeyTrust;
import dev.kubeyard.engine.transport.JschTransport;
import dev.kubeyard.engine.transport.SshSettings;
import dev.kubeyard.engine.transport.SshTarget;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.validate.Validator;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The real lab: six Debian machines booted with systemd-nspawn (base image built with debootstrap on
 * first use), reached over SSH on their lab addresses, then removed without leftovers. Slow (a minute
 * or more): tagged "lab", run by lab/run-e2e.sh.
 */
@Tag("lab")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LabLifecycleTest {
  private static final Duration T = Duration.ofSeconds(60);
  static Lab lab;

  @BeforeAll
  static void up() {
    assumeTrue(Proc.available("systemd-nspawn") && Proc.available("debootstrap") && Files.isExecutable(java.nio.file.Path.of("/usr/sbin/sshd")),
        "needs systemd-container, debootstrap and openssh (lab/run-e2e.sh installs them)");
    lab = new Lab(Lab.HOME, LabTopology.standard("e2e", "10.213.52"), Lab.MIRROR);
    lab.down(line -> { });
    lab.up(System.out::println);
  }

  @AfterAll
  static void down() {
    if (lab != null) {
      lab.down(line -> { });
    }
  }

  private static JschTransport ssh(LabHost h) {
    return new JschTransport(new SshTarget(h.name(), h.address(), 22, "root", lab.privateKey(), null),
        SshSettings.of(lab.knownHosts()).withTrust(HostKeyTrust.REFUSE));
  }

  @Test
  @Order(1)
  void everyMachineRunsSystemdAndAnswersSshOnItsLabAddressWithTheRecordedHostKey() {
    assertThat(lab.status()).hasSize(6).allSatisfy(s -> {
      assertThat(s.running()).as(s.name()).isTrue();
      assertThat(s.sshdAnswers()).as(s.name()).isTrue();
      assertThat(s.systemState()).as(s.name()).isIn("running", "degraded");
    });
    for (LabHost h : lab.topology().hosts()) {
      try (JschTransport t = ssh(h)) {
        assertThat(t.run("hostname", T).output().strip()).isEqualTo(h.name());
        assertThat(t.run("ip -4 -br addr show eth0", T).output()).contains(h.address() + "/24");
      }
    }
  }

  @Test
  @Order(2)
  void theLabHostsReachEachOtherButTheirTrafficEndsInsideTheLab() {
    List<LabHost> hosts = lab.topology().hosts();
    try (JschTransport t = ssh(hosts.get(0))) {
      assertThat(t.run("ping -c1 -W2 " + hosts.get(5).address(), T).exitCode()).isZero();
      assertThat(t.run("ip route show default", T).output()).contains("via " + lab.network().gateway());
    }
    Proc.Result forwarding = Proc.run(null, "ip", "netns", "exec", lab.network().switchNamespace(), "sysctl", "-n", "net.ipv4.ip_forward");
    assertThat(forwarding.output().strip()).as("the switch namespace forwards nothing").isEqualTo("0");
  }

  @Test
  @Order(3)
  void theWrittenSpecIsValidAndDescribesTheNotesTopologyScaledDown() {
    Validator.Result r = Validator.load(lab.specFile());
    assertThat(r.problems()).isEmpty();
    ClusterSpec spec = r.spec();
    assertThat(spec.highlyAvailable()).isTrue();
    assertThat(spec.hosts()).extracting(h -> h.name()).containsExactly("lb1", "lb2", "master1", "master2", "node1", "node2");
    assertThat(spec.hostsWithRole(dev.kubeyard.model.spec.Role.ETCD)).hasSize(3);
    assertThat(spec.hostsWithRole(dev.kubeyard.model.spec.Role.MASTER)).hasSize(2);
  }

  @Test
  @Order(4)
  void everyLabHostPassesThePreflightChecksOverTheNormalTransportAndExecutor() {
    ClusterSpec spec = Validator.load(lab.specFile()).spec();
    List<Step> preflight = spec.hosts().stream().map(h -> Preflight.step(h, dev.kubeyard.engine.facts.ClusterFacts.of(spec).loadBalancer())).toList();
    RecordingListener events = new RecordingListener();
    RunResult r = new Executor(lab.dir().resolve("preflight-plan"),
        new SshTransports(spec, SshSettings.of(lab.knownHosts())), RunSettings.defaults())
        .listener(events).run(new Plan(spec.metadata().name(), spec.kubernetes().version(), preflight));
    assertThat(r.failures()).isEmpty();
    assertThat(r.skipped()).as("every check passed, nothing applied: %s", events.all).isEqualTo(6);
  }

  /** Keeps the events of a run. */
  static final class RecordingListener implements InstallListener {
    final List<InstallEvent> all = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void on(InstallEvent e) {
      all.add(e);
    }
  }

  @Test
  @Order(5)
  void upAgainLeavesARunningLabAsItIs() throws Exception {
    String knownHosts = Files.readString(lab.knownHosts());
    String pid = Files.readString(lab.dir().resolve("hosts/master1/nspawn.pid"));
    lab.up(line -> { });
    assertThat(Files.readString(lab.knownHosts())).isEqualTo(knownHosts);
    assertThat(Files.readString(lab.dir().resolve("hosts/master1/nspawn.pid"))).isEqualTo(pid);
  }

  @Test
  @Order(6)
  void downRemovesMachinesNamespacesBridgeMountsAndFilesButKeepsTheBase() {
    lab.down(line -> { });
    assertThat(lab.network().namespaces()).isEmpty();
    assertThat(Proc.run(null, "ip", "link", "show", lab.network().uplink()).exit()).isNotZero();
    assertThat(Proc.run(null, "sh", "-c", "grep -c " + lab.dir() + " /proc/mounts").output().strip()).isEqualTo("0");
    assertThat(Proc.run(null, "pgrep", "-f", "machine=ky-e2e-").exit()).isEqualTo(1);
    assertThat(lab.dir()).doesNotExist();
    assertThat(Lab.HOME.resolve("base/.kubeyard-base")).exists();
  }
}
