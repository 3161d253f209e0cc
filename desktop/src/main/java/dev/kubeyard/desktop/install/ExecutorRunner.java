package dev.kubeyard.desktop.install;

import dev.kubeyard.desktop.security.PassphrasePrompt;
import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.run.Executor;
import dev.kubeyard.engine.run.InstallListener;
import dev.kubeyard.engine.run.RunSettings;
import dev.kubeyard.engine.transport.HostKeyTrust;
import dev.kubeyard.engine.transport.SshSettings;
import dev.kubeyard.engine.transport.SshTransports;
import dev.kubeyard.engine.transport.TransportFactory;
import dev.kubeyard.model.spec.ClusterSpec;
import java.nio.file.Path;
import java.util.Set;

/**
 * The real install: the engine's {@link Executor} carries out the plan folder over SSH, exactly as
 * {@code kubeyard apply}. Unknown host keys are refused (they are accepted first with "Test
 * connection"); the executor writes each host's log to {@code logs/<host>.log} in the plan folder.
 */
public final class ExecutorRunner implements InstallRunner {
  private final Path planDir;
  private final TransportFactory transports;
  private final RunSettings settings;

  public ExecutorRunner(Path planDir, TransportFactory transports, RunSettings settings) {
    this.planDir = planDir;
    this.transports = transports;
    this.settings = settings;
  }

  public static ExecutorRunner forSpec(ClusterSpec spec, Path planDir, Path knownHosts) {
    return new ExecutorRunner(planDir, sshTransports(spec, knownHosts), RunSettings.defaults());
  }

  /** The spec's hosts over SSH: known host keys only, key passphrases asked in a dialog. */
  public static TransportFactory sshTransports(ClusterSpec spec, Path knownHosts) {
    return new SshTransports(spec, SshSettings.of(knownHosts).withTrust(HostKeyTrust.REFUSE)
        .withKeyPrompt(PassphrasePrompt.current().sshKeys()));
  }

  @Override
  public boolean changesHosts() {
    return true;
  }

  /** Steps done by an earlier attempt pass their checks on the hosts and are skipped there. */
  @Override
  public RunningInstall start(Plan plan, Set<String> alreadyDone, InstallListener listener) {
    Executor executor = new Executor(planDir, transports, settings).passphrase(PassphrasePrompt.current().pki())
        .listener(listener);
    Thread run = new Thread(() -> executor.run(plan), "kubeyard-install");
    run.setDaemon(true);
    run.start();
    return executor::cancel;
  }

  @Override
  public Path logFile(String host) {
    return planDir.resolve("logs").resolve(host + ".log");
  }
}
