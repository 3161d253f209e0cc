package dev.kubeyard.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.lab.LabNetwork;
import dev.kubeyard.engine.plan.Action;
import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.plan.PlanBuilder;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.pki.ClusterPki;
import dev.kubeyard.engine.shell.PowerShellOverSsh;
import dev.kubeyard.engine.testing.Proc;
import dev.kubeyard.engine.testing.Specs;
import dev.kubeyard.engine.transport.ClientKey;
import dev.kubeyard.engine.transport.JschTransport;
import dev.kubeyard.engine.transport.PowerShellStandIn;
import dev.kubeyard.engine.transport.SshSettings;
import dev.kubeyard.engine.transport.SshTarget;
import dev.kubeyard.engine.transport.Transport;
import dev.kubeyard.engine.transport.TransportException;
import dev.kubeyard.engine.transport.TransportFactory;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.OsFamily;
import dev.kubeyard.model.spec.Role;
import dev.kubeyard.model.spec.SshSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example cluster's Windows node step (win1) run by the real Executor over the real SSH transport
 * to a real sshd, whose ForceCommand is {@link PowerShellStandIn}: not PowerShell, but it refuses any
 * command line that is not Kubeyard's encoded PowerShell and records every script it is sent.
 */
class WindowsNodeOverPowerShellStandInTest {
  private static final String ADDRESS = "10.213.64.1";
  private static final RunSettings FAST = RunSettings.defaults().withVerifyTimeout(Duration.ofSeconds(5), Duration.ofMillis(500));
  @TempDir static Path dir;
  static LabNetwork lab;
  static PowerShellStandIn win1;
  static TransportFactory transports;
  static Path planDir;
  static Plan plan;

  @BeforeAll
  static void windowsHost() throws Exception {
    assumeTrue(PowerShellStandIn.available() && Proc.available("ip"), "needs openssh-server, python3 and iproute2");
    lab = new LabNetwork("w" + ProcessHandle.current().pid() % 1_000_000, "10.213.64");
    lab.destroy();
    lab.create();
    String ns = lab.addHost("win1", 0, ADDRESS);
    ClientKey key = ClientKey.generate(dir);
    win1 = PowerShellStandIn.inNamespace(dir.resolve("win1"), ns, ADDRESS, key);
    Path knownHosts = dir.resolve("known_hosts");
    Files.writeString(knownHosts, win1.sshd().knownHostsLine() + "\n");
    HostSpec host = new HostSpec("win1", ADDRESS, OsFamily.WINDOWS, List.of(Role.NODE),
        new SshSpec("root", 22, key.privateKey().toString(), null));
    SshSettings settings = SshSettings.of(knownHosts);
    transports = h -> new JschTransport(SshTarget.of(host), settings); // the shell comes from the host's os
    planDir = dir.resolve("plan");
    ClusterFacts facts = ClusterFacts.of(Specs.legacy());
    ClusterPki.ensure(facts, planDir.resolve("pki"), Clock.systemUTC());
    Plan whole = PlanBuilder.write(facts, planDir);
    plan = new Plan(whole.cluster(), whole.kubernetesVersion(),
        whole.steps().stream().filter(s -> s.host().equals("win1")).toList());
  }

  @AfterAll
  static void down() {
    if (win1 != null) {
      win1.close();
    }
    if (lab != null) {
      lab.destroy();
    }
  }

  private static Step node() {
    return plan.steps().stream().filter(s -> s.id().equals("start-windows-node")).findFirst().orElseThrow();
  }

  /** Installs once; later calls find it done. */
  private static RunResult install() {
    return new Executor(planDir, transports, FAST).run(plan);
  }

  @Test
  void theNodeStepIsCheckedUploadedAppliedAndVerifiedInPowerShellThenSkipped() throws Exception {
    if (!install().failures().isEmpty() || new Executor(planDir, transports, FAST).run(ResetPlan.of(plan, true)).applied() != 1) {
      throw new AssertionError("could not install and reset the node to start from a bare host");
    }
    int before = win1.received().size();
    int calledBefore = win1.called().size();
    RunResult first = install();
    assertThat(first.failures()).isEmpty();
    assertThat(first.applied()).isEqualTo(1);

    List<String> sent = win1.received().subList(before, win1.received().size());
    assertThat(win1.refused()).as("every command line was an encoded PowerShell command").isEmpty();
    assertThat(sent).allSatisfy(s -> assertThat(s).startsWith("[Console]::Error.WriteLine('kubeyard-pid ' + $PID)\n"));
    List<Action.PutFile> files = node().files();
    assertThat(sent).hasSize(1 + files.size() + 3);
    assertThat(sent.get(0)).contains("\n$env:KUBEYARD_DEPLOYER_EPOCH = '").endsWith("\n" + node().check());
    for (int i = 0; i < files.size(); i++) {
      Action.PutFile f = files.get(i);
      assertThat(sent.get(1 + i)).contains("[Console]::OpenStandardInput()")
          .contains("if ($found -ne '" + f.sha256() + "')").endsWith("-Destination '" + f.path() + "' -Force");
      assertThat(win1.local(f.path())).as(f.path()).hasBinaryContent(Files.readAllBytes(planDir.resolve(f.source())));
    }
    assertThat(sent.get(1 + files.size())).endsWith("\n& 'C:/k/install-node.ps1'");
    assertThat(sent.get(2 + files.size())).contains("Restart-Service -Name $s -Force");
    assertThat(sent.get(3 + files.size())).endsWith("\n" + node().verify());
    assertThat(win1.called().subList(calledBefore, win1.called().size())).containsExactly("C:/k/install-node.ps1");
    assertThat(List.of("flanneld", "kubelet", "kube-proxy")).allSatisfy(s -> assertThat(win1.service(s)).isEqualTo("Running Automatic"));

    int afterFirst = win1.received().size();
    RunResult again = install();
    assertThat(again.skipped()).isEqualTo(1);
    assertThat(win1.received()).hasSize(afterFirst + 1); // the check alone
  }

  @Test
  void statusAndResetReachTheWindowsHostThroughItsShell() {
    assertThat(install().failures()).isEmpty();
    assertThat(InstalledPlanStatus.of(plan, transports)).isNotEmpty().allMatch(InstalledPlanStatus.StepStatus::healthy);

    RunResult reset = new Executor(planDir, transports, FAST).run(ResetPlan.of(plan, false));
    assertThat(reset.failures()).isEmpty();
    assertThat(reset.applied()).isEqualTo(1);
    assertThat(win1.local("C:/k/install-node.ps1")).doesNotExist();
    assertThat(win1.local("C:/k/ssl/ca.pem")).as("the PKI stays without --pki").exists();
    assertThat(win1.service("kubelet")).isEqualTo("Stopped Disabled");
    assertThat(new Executor(planDir, transports, FAST).run(ResetPlan.of(plan, false)).skipped()).isEqualTo(1);
    assertThat(win1.refused()).isEmpty();
  }

  @Test
  void aCommandThatOutlivesItsTimeoutIsStoppedWithTaskkillOnItsProcessTree() throws Exception {
    try (Transport t = transports.open("win1")) {
      assertThat(t.shell()).isInstanceOf(PowerShellOverSsh.class);
      assertThatThrownBy(() -> t.run("Start-Sleep -Seconds 41", Duration.ofSeconds(1)))
          .isInstanceOf(TransportException.class)
          .satisfies(e -> assertThat(((TransportException) e).hint()).contains("longer than 1 s"));
    }
    String sleeper = win1.received().stream().filter(s -> s.endsWith("Start-Sleep -Seconds 41")).findFirst().orElseThrow();
    assertThat(sleeper).startsWith("[Console]::Error.WriteLine('kubeyard-pid ' + $PID)\n");
    String kill = win1.received().stream().filter(s -> s.contains("taskkill")).reduce((a, b) -> b).orElseThrow();
    long pid = Long.parseLong(kill.replaceAll("(?s).*taskkill /T /F /PID (\\d+).*", "$1"));
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      assertThat(System.nanoTime()).as("process %s still runs", pid).isLessThan(end);
      Thread.sleep(100);
    }
  }
}
