package dev.kubeyard.desktop.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kubeyard.desktop.install.InstallViewModel.RunState;
import dev.kubeyard.desktop.testing.LoopbackSshd;
import dev.kubeyard.desktop.testing.SshTestHosts;
import dev.kubeyard.engine.plan.Phase;
import dev.kubeyard.engine.run.InstallEvent;
import dev.kubeyard.engine.run.RunSettings;
import dev.kubeyard.engine.transport.HostKeyTrust;
import dev.kubeyard.engine.transport.SshSettings;
import dev.kubeyard.engine.transport.SshTransports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The install page's logic over the engine's real executor and real sshd hosts on loopback. */
class ExecutorRunnerTest {
  @TempDir Path dir;
  private SshTestHosts hosts;
  private final Semaphore finished = new Semaphore(0);
  private final Object lock = new Object();

  @BeforeEach
  void hosts() {
    assumeTrue(LoopbackSshd.available(), "needs /usr/sbin/sshd (apt-get install openssh-server)");
    hosts = new SshTestHosts(dir);
  }

  @AfterEach
  void stop() {
    if (hosts != null) {
      hosts.close();
    }
  }

  private InstallViewModel viewModel() {
    InstallViewModel vm = new InstallViewModel(null, sink -> e -> {
      synchronized (lock) {
        sink.accept(List.of(e));
      }
      if (e instanceof InstallEvent.RunFinished) {
        finished.release();
      }
    });
    vm.load(hosts.plan());
    return vm;
  }

  private ExecutorRunner runner(Path knownHosts, HostKeyTrust trust) {
    return new ExecutorRunner(dir.resolve("plan"), new SshTransports(hosts.spec(), SshSettings.of(knownHosts).withTrust(trust)),
        RunSettings.defaults().withVerifyTimeout(Duration.ofSeconds(5), Duration.ofMillis(500)));
  }

  private void awaitEnd() throws InterruptedException {
    assertThat(finished.tryAcquire(120, TimeUnit.SECONDS)).as("the run ended").isTrue();
  }

  @Test
  void aFailingHostShowsTheCommandsErrorAndItsLogAndRetryFinishesAfterTheFix() throws Exception {
    InstallViewModel vm = viewModel();
    ExecutorRunner runner = runner(hosts.trustedKnownHosts(), HostKeyTrust.REFUSE);

    vm.start(runner);
    awaitEnd();

    synchronized (lock) {
      assertThat(vm.stateProperty().get()).isEqualTo(RunState.FAILED);
      assertThat(vm.changesHostsProperty().get()).isTrue();
      InstallEvent.StepFailed f = vm.failureProperty().get();
      assertThat(f.host()).isEqualTo("beta");
      assertThat(f.stepId()).isEqualTo("write-marker");
      assertThat(vm.shownLog()).anyMatch(l -> l.contains("no space left on device"));
      assertThat(vm.cell("alpha", Phase.NODE).get()).isEqualTo(CellState.DONE);
      assertThat(vm.logFileOf("beta")).isEqualTo(dir.resolve("plan/logs/beta.log"));
    }
    assertThat(Files.readString(dir.resolve("plan/logs/beta.log"))).contains("no space left on device");
    assertThat(dir.resolve("desktop-logs")).as("the executor keeps the logs").doesNotExist();

    hosts.fixBeta();
    vm.retryFromFailed();
    awaitEnd();

    synchronized (lock) {
      assertThat(vm.stateProperty().get()).isEqualTo(RunState.SUCCEEDED);
      assertThat(vm.stepState("alpha", "write-marker")).as("its check passes on the host").isEqualTo(CellState.SKIPPED);
      assertThat(vm.stepState("beta", "write-marker")).isEqualTo(CellState.DONE);
    }
    assertThat(dir.resolve("roots/beta/marker")).hasContent("installed");
  }

  @Test
  void anUnacceptedHostKeyStopsTheInstallAndSaysHowToTrustIt() throws Exception {
    InstallViewModel vm = viewModel();

    vm.start(runner(dir.resolve("empty_known_hosts"), HostKeyTrust.REFUSE));
    awaitEnd();

    synchronized (lock) {
      assertThat(vm.stateProperty().get()).isEqualTo(RunState.FAILED);
      assertThat(vm.failureProperty().get().message()).contains("host key");
    }
    assertThat(dir.resolve("roots")).as("nothing ran on the hosts").doesNotExist();
  }
}
