package dev.kubeyard.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kubeyard.engine.plan.Phase;
import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.plan.steps.Preflight;
import dev.kubeyard.engine.testing.Proc;
import dev.kubeyard.engine.transport.RealSshd;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.OsFamily;
import dev.kubeyard.model.spec.Role;
import dev.kubeyard.model.spec.SshSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** status, reset and the preflight step, run over SSH on hosts that are network namespaces with their own sshd. */
class ResetStatusAndPreflightTest {
  private static final RunSettings FAST = RunSettings.defaults().withVerifyTimeout(Duration.ofSeconds(2), Duration.ofMillis(500));
  @TempDir static Path dir;
  static SshHosts hosts;

  @BeforeAll
  static void hosts() {
    assumeTrue(RealSshd.available() && Proc.available("ip"), "needs openssh-server and iproute2");
    hosts = new SshHosts(dir, "r", "10.213.62", "delta", "echo");
  }

  @AfterAll
  static void down() {
    if (hosts != null) {
      hosts.close();
    }
  }

  private static Plan installed(String name) {
    TestPlans t = new TestPlans(hosts);
    for (String h : List.of("delta", "echo")) {
      t.step("configure", Phase.PREPARE_OS, h, name + "/app.conf", "conf " + h + "\n", 0644, "true");
      t.certificate("place-certificates", Phase.CERTIFICATES, h, name + "-ca.pem", "ca of " + name + "\n");
    }
    Plan plan = t.write(dir.resolve(name));
    assertThat(new Executor(dir.resolve(name), hosts.transports(), FAST).run(plan).failures()).isEmpty();
    return plan;
  }

  @Test
  void statusReportsEveryComponentMatchingAndThenTheOneFileThatWasChanged() throws Exception {
    Plan plan = installed("status");
    assertThat(InstalledPlanStatus.of(plan, hosts.transports())).hasSize(4).allMatch(InstalledPlanStatus.StepStatus::healthy);
    Path edited = Path.of(hosts.root("echo"), "etc/status/app.conf");
    Files.writeString(edited, "edited by hand\n");
    assertThat(InstalledPlanStatus.of(plan, hosts.transports())).filteredOn(s -> !s.healthy()).singleElement().satisfies(s -> {
      assertThat(s.host()).isEqualTo("echo");
      assertThat(s.stepId()).isEqualTo("configure");
      assertThat(s.changedFiles()).containsExactly(edited.toString());
    });
  }

  @Test
  void resetRemovesWhatThePlanPlacedButKeepsThePkiThenIsANoOp() throws Exception {
    Plan plan = installed("reset");
    Path conf = Path.of(hosts.root("delta"), "etc/reset/app.conf");
    Path ca = Path.of(hosts.root("delta"), "etc/ssl/reset-ca.pem");
    assertThat(conf).exists();
    RunResult first = new Executor(dir.resolve("reset"), hosts.transports(), FAST).run(ResetPlan.of(plan, false));
    assertThat(first.failures()).isEmpty();
    assertThat(first.applied()).isEqualTo(2);
    assertThat(conf).doesNotExist();
    assertThat(ca).as("the PKI stays without --pki").exists();
    RunResult again = new Executor(dir.resolve("reset"), hosts.transports(), FAST).run(ResetPlan.of(plan, false));
    assertThat(again.skipped()).isEqualTo(2);
    assertThat(new Executor(dir.resolve("reset"), hosts.transports(), FAST).run(ResetPlan.of(plan, true)).failures()).isEmpty();
    assertThat(ca).doesNotExist();
  }

  @Test
  void preflightListsEveryProblemOfAHostAndChangesNothing() throws Exception {
    String ns = hosts.network.hostNamespace("delta");
    Process squatter = new ProcessBuilder("ip", "netns", "exec", ns, "python3", "-m", "http.server", "2379",
        "--bind", hosts.addresses.get("delta")).redirectErrorStream(true).redirectOutput(dir.resolve("squatter.log").toFile()).start();
    try {
      waitForListener(ns, 2379);
      HostSpec delta = new HostSpec("delta", hosts.addresses.get("delta"), OsFamily.LINUX, List.of(Role.ETCD, Role.MASTER),
          new SshSpec("root", 22, hosts.key.privateKey().toString(), null));
      Plan plan = new Plan("test", "1.35.0", List.of(Preflight.step(delta, null)));
      RunResult r = new Executor(dir.resolve("preflight"), hosts.transports(), FAST).run(plan);
      assertThat(r.failures()).singleElement().satisfies(f -> {
        assertThat(f.host()).isEqualTo("delta");
        assertThat(f.stepId()).isEqualTo("preflight");
        assertThat(f.message()).contains("the preflight checks script exited 1")
            .contains("port 2379 is taken by 'python3' (etcd needs it)")
            .contains("but the spec calls this host 'delta'")
            .doesNotContain("clock is").doesNotContain("MiB of memory needed");
      });
    } finally {
      squatter.destroy();
      squatter.waitFor();
    }
  }

  private static void waitForListener(String ns, int port) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      if (Proc.run(null, "ip", "netns", "exec", ns, "ss", "-Hltn", "sport = :" + port).output().contains(":" + port)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("nothing listens on " + port + " in " + ns);
  }
}
