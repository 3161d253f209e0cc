package dev.kubeyard.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kubeyard.engine.plan.Phase;
import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.plan.PlanWriter;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.plan.StepBuilder;
import dev.kubeyard.engine.render.RenderedFile;
import dev.kubeyard.engine.testing.Proc;
import dev.kubeyard.engine.transport.RealSshd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'kubeyard diff' over SSH to a real sshd in a network namespace, against a plan the executor applied there. */
class PlanDiffTest {
  @TempDir static Path dir;
  static SshHosts hosts;

  @BeforeAll
  static void hosts() {
    assumeTrue(RealSshd.available() && Proc.available("ip"), "needs openssh-server and iproute2");
    hosts = new SshHosts(dir, "d", "10.213.66", "lb1");
  }

  @AfterAll
  static void down() {
    if (hosts != null) {
      hosts.close();
    }
  }

  /** A load balancer's step as the plan builds it; systemctl's place is taken by a stand-in (no systemd in the namespace). */
  private static Plan plan(Path planDir, String haproxyCfg, String keepalivedConf) throws Exception {
    String root = hosts.root("lb1");
    List<RenderedFile> files = List.of(
        new RenderedFile("lb1", root + "/etc/haproxy/haproxy.cfg", haproxyCfg, 0600, true),
        new RenderedFile("lb1", root + "/etc/keepalived/keepalived.conf", keepalivedConf, 0600, true));
    Step step = new StepBuilder("start-load-balancer", Phase.LOAD_BALANCER, "lb1", "start haproxy and keepalived")
        .put(files).services("haproxy", "keepalived")
        .reloadOn("haproxy", root + "/etc/haproxy/").reloadOn("keepalived", root + "/etc/keepalived/").build();
    Plan plan = new Plan("test", "1.35.0", List.of(step));
    PlanWriter.write(planDir, plan, files);
    return plan;
  }

  @Test
  void aNoOpShowsNothingToChangeAndAHandEditShowsItsDiffWithSecretsMaskedAndTheReloadItWouldCause() throws Exception {
    Path planDir = dir.resolve("plan");
    String cfg = "global\n  maxconn 4000\nfrontend api\n  bind :8443\n";
    String conf = "vrrp_instance VI_1 {\n  auth_pass s3cret-one\n  priority 100\n}\n";
    Plan plan = plan(planDir, cfg, conf);
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Files.writeString(bin.resolve("systemctl"), "#!/bin/sh\nexit 0\n"); // every service "active", every restart a no-op
    bin.resolve("systemctl").toFile().setExecutable(true);
    RunResult applied = new Executor(planDir, withPath(bin), RunSettings.defaults()
        .withVerifyTimeout(Duration.ofSeconds(2), Duration.ofMillis(500))).run(plan);
    assertThat(applied.failures()).isEmpty();

    List<PlanDiff.HostChange> same = PlanDiff.of(plan, planDir, withPath(bin));
    assertThat(same).singleElement().satisfies(h -> assertThat(h.unchanged()).isTrue());
    assertThat(PlanDiff.report(same)).containsExactly("lb1: nothing to change", "nothing to change");

    String root = hosts.root("lb1");
    Files.writeString(Path.of(root, "etc/haproxy/haproxy.cfg"), cfg.replace("maxconn 4000", "maxconn 10"));
    Files.writeString(Path.of(root, "etc/keepalived/keepalived.conf"), conf.replace("s3cret-one", "s3cret-two"));
    List<PlanDiff.HostChange> diff = PlanDiff.of(plan, planDir, withPath(bin));
    PlanDiff.StepChange step = diff.get(0).steps().get(0);
    assertThat(step.services()).containsEntry("haproxy", "reload").containsEntry("keepalived", "reload");
    PlanDiff.FileChange haproxy = step.files().get(0);
    assertThat(haproxy.diff()).contains("--- lb1:" + root + "/etc/haproxy/haproxy.cfg", "-  maxconn 10", "+  maxconn 4000");
    PlanDiff.FileChange keepalived = step.files().get(1);
    assertThat(keepalived.note()).isEqualTo("same text: its mode, or a masked value, differs");
    assertThat(String.join("\n", keepalived.diff())).doesNotContain("s3cret");
    assertThat(PlanDiff.report(diff)).startsWith("lb1:", "  start-load-balancer: reload haproxy, reload keepalived",
        "    ~ " + root + "/etc/haproxy/haproxy.cfg (differs)").endsWith("kubeyard apply makes these changes");
    assertThat(Path.of(root, "etc/haproxy/haproxy.cfg")).content().contains("maxconn 10"); // read-only: nothing placed
  }

  /** The stand-in systemctl first on the PATH of every command. */
  private static dev.kubeyard.engine.transport.TransportFactory withPath(Path bin) {
    var inner = hosts.transports();
    return h -> new PathPrefixed(inner.open(h), bin.toString());
  }

  /** A transport whose commands find {@code bin} first on the PATH. */
  private record PathPrefixed(dev.kubeyard.engine.transport.Transport inner, String bin)
      implements dev.kubeyard.engine.transport.Transport {
    private String prefixed(String command) {
      return "PATH=" + bin + ":$PATH; export PATH; " + command;
    }

    @Override
    public String host() {
      return inner.host();
    }

    @Override
    public void connect() {
      inner.connect();
    }

    @Override
    public dev.kubeyard.engine.transport.CommandResult run(String command, Duration timeout,
        java.util.function.Consumer<String> lines) {
      return inner.run(prefixed(command), timeout, lines);
    }

    @Override
    public dev.kubeyard.engine.transport.CommandResult run(String command, Path stdin, Duration timeout,
        java.util.function.Consumer<String> lines) {
      return inner.run(prefixed(command), stdin, timeout, lines);
    }

    @Override
    public void upload(Path local, dev.kubeyard.engine.transport.RemoteFile target, Duration timeout) {
      inner.upload(local, target, timeout);
    }

    @Override
    public void cancel() {
      inner.cancel();
    }

    @Override
    public void close() {
      inner.close();
    }
  }
}
