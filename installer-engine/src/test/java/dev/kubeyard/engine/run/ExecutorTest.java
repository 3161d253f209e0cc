package dev.kubeyard.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kubeyard.engine.plan.Phase;
import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.testing.Proc;
import dev.kubeyard.engine.transport.RealSshd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executor running real steps over SSH on three hosts, each a network namespace with its own sshd. */
class ExecutorTest {
  private static final RunSettings FAST = RunSettings.defaults().withVerifyTimeout(Duration.ofSeconds(2), Duration.ofMillis(500));
  @TempDir static Path dir;
  static SshHosts hosts;

  @BeforeAll
  static void hosts() {
    assumeTrue(RealSshd.available() && Proc.available("ip"), "needs openssh-server and iproute2");
    hosts = new SshHosts(dir, "e", "10.213.61", "alpha", "bravo", "charlie");
  }

  @AfterAll
  static void down() {
    if (hosts != null) {
      hosts.close();
    }
  }

  private static RunResult run(Plan plan, Path planDir, RecordedEvents events) {
    return new Executor(planDir, hosts.transports(), FAST).listener(events).run(plan);
  }

  @Test
  void appliesAndVerifiesEveryStepThenARerunSkipsThemAll() throws Exception {
    TestPlans t = new TestPlans(hosts);
    for (String h : hosts.addresses.keySet()) {
      t.step("configure", Phase.PREPARE_OS, h, "ok/app.conf", "hello " + h + "\n", 0644,
          "grep -q hello $ROOT/etc/ok/app.conf", "echo applied >> $ROOT/applied-ok.log");
      t.step("place-key", Phase.CERTIFICATES, h, "ok/app-key.pem", "secret of " + h + "\n", 0600, "test -s $ROOT/etc/ok/app-key.pem");
    }
    Path planDir = dir.resolve("plan-ok");
    Plan plan = t.write(planDir);

    RecordedEvents first = new RecordedEvents();
    RunResult r1 = run(plan, planDir, first);
    assertThat(r1.outcome()).isEqualTo(InstallEvent.Outcome.SUCCEEDED);
    assertThat(r1.applied()).isEqualTo(6);
    assertThat(first.of(InstallEvent.StepFinished.class)).hasSize(6);
    assertThat(first.of(InstallEvent.Progress.class)).last().extracting(InstallEvent.Progress::percent).isEqualTo(100);
    assertThat(first.of(InstallEvent.PhaseStarted.class)).extracting(InstallEvent.PhaseStarted::phase)
        .containsExactly(Phase.PREPARE_OS, Phase.CERTIFICATES);
    Path key = Path.of(hosts.root("bravo"), "etc/ok/app-key.pem");
    assertThat(key).hasContent("secret of bravo");
    assertThat(Files.getPosixFilePermissions(key)).extracting(Object::toString).containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");

    RecordedEvents second = new RecordedEvents();
    RunResult r2 = run(plan, planDir, second);
    assertThat(r2.outcome()).isEqualTo(InstallEvent.Outcome.SUCCEEDED);
    assertThat(r2.applied()).isZero();
    assertThat(second.of(InstallEvent.StepSkipped.class)).hasSize(6);
    assertThat(Path.of(hosts.root("alpha"), "applied-ok.log")).hasContent("applied");
    assertThat(planDir.resolve("logs/charlie.log")).content().contains("[place-key] skipped").doesNotContain("secret of");
  }

  @Test
  void aFailingVerifyIsReportedWithHostStepAndEvidenceAndStopsTheRun() throws Exception {
    TestPlans t = new TestPlans(hosts);
    for (String h : hosts.addresses.keySet()) {
      String verify = h.equals("bravo") ? "echo 'etcd: member unhealthy' >&2; false" : "true";
      t.step("start-etcd", Phase.ETCD, h, "bad/etcd.conf", "etcd " + h + "\n", 0644, verify);
      t.step("start-control-plane", Phase.CONTROL_PLANE, h, "bad/apiserver.conf", "api\n", 0644, "true");
    }
    Path planDir = dir.resolve("plan-bad");
    RecordedEvents events = new RecordedEvents();
    RunResult r = run(t.write(planDir), planDir, events);

    assertThat(r.outcome()).isEqualTo(InstallEvent.Outcome.FAILED);
    assertThat(r.failures()).singleElement().satisfies(f -> {
      assertThat(f.host()).isEqualTo("bravo");
      assertThat(f.stepId()).isEqualTo("start-etcd");
      assertThat(f.message()).contains("verify failed").contains("etcd: member unhealthy");
      assertThat(f.hint()).contains("journalctl");
    });
    assertThat(events.of(InstallEvent.StepStarted.class)).noneMatch(s -> s.phase() == Phase.CONTROL_PLANE);
    assertThat(events.of(InstallEvent.RunFinished.class)).singleElement()
        .satisfies(f -> assertThat(f.summary()).contains("start-etcd failed on bravo"));
    assertThat(planDir.resolve("logs/bravo.log")).content().contains("FAILED").contains("etcd: member unhealthy");
  }

  @Test
  void aCutLinkFailsThatStepOnThatHostAndARerunAfterRestoringItCompletes() throws Exception {
    TestPlans t = new TestPlans(hosts);
    for (String h : hosts.addresses.keySet()) {
      t.step("prepare-os", Phase.PREPARE_OS, h, "cut/sysctl.conf", "x\n", 0644, "true");
      t.step("start-node", Phase.NODE, h, "cut/kubelet.conf", "k " + h + "\n", 0644, "true",
          h.equals("charlie") ? "sleep 4" : "true");
    }
    Path planDir = dir.resolve("plan-cut");
    Plan plan = t.write(planDir);
    RecordedEvents events = new RecordedEvents();
    CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(() -> run(plan, planDir, events));
    events.await(e -> e instanceof InstallEvent.LogLine l && l.host().equals("charlie") && l.line().contains("sleep 4"));
    hosts.network.link("charlie", false);
    RunResult r;
    try {
      r = running.get(60, TimeUnit.SECONDS);
    } finally {
      hosts.network.link("charlie", true);
    }
    assertThat(r.outcome()).isEqualTo(InstallEvent.Outcome.FAILED);
    assertThat(r.failures()).singleElement().satisfies(f -> {
      assertThat(f.host()).isEqualTo("charlie");
      assertThat(f.stepId()).isEqualTo("start-node");
      assertThat(f.hint()).contains("connection to 10.213.61.3:22 was lost");
    });

    RecordedEvents rerun = new RecordedEvents();
    RunResult again = run(plan, planDir, rerun);
    assertThat(again.outcome()).isEqualTo(InstallEvent.Outcome.SUCCEEDED);
    assertThat(rerun.of(InstallEvent.StepSkipped.class)).extracting(InstallEvent.StepSkipped::stepId)
        .contains("prepare-os", "prepare-os", "prepare-os");
    assertThat(Path.of(hosts.root("charlie"), "etc/cut/kubelet.conf")).hasContent("k charlie");
  }

  @Test
  void cancelStopsTheRunningCommandOnTheHostAndEndsTheRunCancelled() throws Exception {
    TestPlans t = new TestPlans(hosts);
    t.step("slow", Phase.PREPARE_OS, "alpha", "cancel/slow.conf", "s\n", 0644, "true", "sleep 44.5");
    t.step("after", Phase.ETCD, "alpha", "cancel/after.conf", "a\n", 0644, "true");
    Path planDir = dir.resolve("plan-cancel");
    Plan plan = t.write(planDir);
    RecordedEvents events = new RecordedEvents();
    Executor executor = new Executor(planDir, hosts.transports(), FAST).listener(events);
    CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(() -> executor.run(plan));
    events.await(e -> e instanceof InstallEvent.LogLine l && l.line().contains("sleep 44.5"));
    executor.cancel();
    RunResult r = running.get(30, TimeUnit.SECONDS);

    assertThat(r.outcome()).isEqualTo(InstallEvent.Outcome.CANCELLED);
    assertThat(events.of(InstallEvent.StepCancelled.class)).singleElement()
        .satisfies(c -> assertThat(c.stepId()).isEqualTo("slow"));
    assertThat(events.of(InstallEvent.StepStarted.class)).noneMatch(s -> s.stepId().equals("after"));
    assertThat(Proc.run(null, "pgrep", "-f", "sleep 44.5").exit()).as("the remote sleep was killed").isEqualTo(1);
  }

  @Test
  void aStepThatFailedAfterItsUploadIsAppliedAgainAlthoughItsFileCheckNowPasses() throws Exception {
    TestPlans t = new TestPlans(hosts);
    t.step("half-done", Phase.PREPARE_OS, "bravo", "half/unit.conf", "u\n", 0644, "true",
        "test -e $ROOT/half-ready", "echo ran >> $ROOT/half-ran.log");
    Path planDir = dir.resolve("plan-half");
    Plan plan = t.write(planDir);
    assertThat(run(plan, planDir, new RecordedEvents()).outcome()).isEqualTo(InstallEvent.Outcome.FAILED);
    assertThat(Path.of(hosts.root("bravo"), "etc/half/unit.conf")).as("the upload happened").exists();

    Files.writeString(Path.of(hosts.root("bravo"), "half-ready"), "");
    RecordedEvents second = new RecordedEvents();
    RunResult r = run(plan, planDir, second);
    assertThat(r.outcome()).isEqualTo(InstallEvent.Outcome.SUCCEEDED);
    assertThat(second.of(InstallEvent.StepFinished.class)).extracting(InstallEvent.StepFinished::stepId).containsExactly("half-done");
    assertThat(Path.of(hosts.root("bravo"), "half-ran.log")).hasContent("ran");
    assertThat(run(plan, planDir, new RecordedEvents()).skipped()).as("finished now: skipped from here on").isEqualTo(1);
  }

  @Test
  void theHostsOfAPhaseWorkAtTheSameTimeUnlessThePoolIsOneWide() throws Exception {
    assertThat(overlapping("wide", Phase.PREPARE_OS, RunSettings.defaults())).as("three hosts, pool of 8").isTrue();
    assertThat(overlapping("narrow", Phase.PREPARE_OS, new RunSettings(1, FAST.commandTimeout(), FAST.verifyTimeout(),
        FAST.verifyInterval()))).as("three hosts, pool of 1").isFalse();
  }

  @Test
  void theLoadBalancersAndTheMastersGoOneHostAtATimeWhateverThePool() throws Exception {
    assertThat(overlapping("lb", Phase.LOAD_BALANCER, RunSettings.defaults())).as("load balancer, pool of 8").isFalse();
    assertThat(overlapping("cp", Phase.CONTROL_PLANE, RunSettings.defaults())).as("control plane, pool of 8").isFalse();
  }

  /** Runs one step per host that records when it ran; true when any two of those intervals overlap. */
  private static boolean overlapping(String name, Phase phase, RunSettings settings) throws Exception {
    TestPlans t = new TestPlans(hosts);
    for (String h : hosts.addresses.keySet()) {
      t.step("timed", phase, h, name + "/t.conf", "t\n", 0644, "true",
          "date +%s%N > $ROOT/" + name + ".start; sleep 1; date +%s%N > $ROOT/" + name + ".end");
    }
    Path planDir = dir.resolve("plan-" + name);
    assertThat(new Executor(planDir, hosts.transports(), settings).run(t.write(planDir)).succeeded()).isTrue();
    long latestStart = 0;
    long earliestEnd = Long.MAX_VALUE;
    for (String h : hosts.addresses.keySet()) {
      latestStart = Math.max(latestStart, Long.parseLong(Files.readString(Path.of(hosts.root(h), name + ".start")).strip()));
      earliestEnd = Math.min(earliestEnd, Long.parseLong(Files.readString(Path.of(hosts.root(h), name + ".end")).strip()));
    }
    return latestStart < earliestEnd;
  }

  @Test
  void aPlanDirectoryWithAnEditedFileIsRefusedBeforeAnyHostIsTouched() throws Exception {
    TestPlans t = new TestPlans(hosts);
    t.step("configure", Phase.PREPARE_OS, "alpha", "edited/app.conf", "original\n", 0644, "true");
    Path planDir = dir.resolve("plan-edited");
    Plan plan = t.write(planDir);
    Files.writeString(planDir.resolve("hosts/alpha" + hosts.root("alpha") + "/etc/edited/app.conf"), "edited\n");
    RecordedEvents events = new RecordedEvents();
    RunResult r = run(plan, planDir, events);
    assertThat(r.outcome()).isEqualTo(InstallEvent.Outcome.FAILED);
    assertThat(r.failures().get(0).message()).contains("does not have the sha256 plan.json expects");
    assertThat(events.of(InstallEvent.StepStarted.class)).isEmpty();
    assertThat(Path.of(hosts.root("alpha"), "etc/edited/app.conf")).doesNotExist();
  }
}
