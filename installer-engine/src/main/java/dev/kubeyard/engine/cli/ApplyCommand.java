package dev.kubeyard.engine.cli;

import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.run.Executor;
import dev.kubeyard.engine.run.Rehearsal;
import dev.kubeyard.engine.run.RunResult;
import dev.kubeyard.engine.run.RunSettings;
import dev.kubeyard.engine.transport.Preconnecting;
import dev.kubeyard.engine.transport.TransportFactory;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Plan, then run: installs a new cluster or converges an existing one; a re-run with no change applies
 * nothing. {@code --dry-run} is the same executor over a {@link Rehearsal}: it prints what each host would
 * be asked and reaches none.
 */
@Command(name = "apply", description = "Write the plan (PKI kept), then carry it out over SSH: each step is skipped when its check passes.")
final class ApplyCommand implements Callable<Integer> {
  @Mixin ClusterTarget target;

  @Option(names = "--retain", description = "keep temp files on the hosts when an upload fails (for inspection)")
  boolean retain;

  @Option(names = "--parallel", defaultValue = "8", description = "hosts worked on at once (default: ${DEFAULT-VALUE})")
  int parallel;

  @Option(names = {"-v", "--verbose"}, description = "print every command's output, not only failures")
  boolean verbose;

  @Option(names = "--verify", description = "hash every file placed on the hosts instead of trusting their ledger of"
      + " what was placed (slower; finds a file changed without a new ctime, which a hand edit always gives)")
  boolean rehash;

  @Option(names = "--dry-run", description = "write the plan and walk it with the executor, printing every step's"
      + " commands and files, without connecting to any host (no bundle needed)")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    if (target.load() == null) {
      return 1;
    }
    // the hosts' handshakes start now and overlap with writing the plan (a no-op re-apply's largest cost)
    try (Preconnecting early = dryRun ? null : target.preconnected(retain, parallel)) {
      return run(early);
    }
  }

  private int run(Preconnecting early) throws Exception {
    Plan plan = target.writePlan(!dryRun);
    IngressTlsLine.print(target.ingressTls, System.out);
    RunSettings settings = RunSettings.defaults();
    TransportFactory transports = dryRun ? Rehearsal.of(plan) : early;
    Executor executor = new Executor(target.planDir(), transports,
        new RunSettings(parallel, settings.commandTimeout(), settings.verifyTimeout(), settings.verifyInterval(), rehash))
        .passphrase(target.pkiPassphrase())
        .listener(new EventPrinter(System.out, verbose || dryRun, dryRun));
    CountDownLatch finished = new CountDownLatch(1);
    Thread onCtrlC = new Thread(() -> { // Ctrl-C: stop the commands on the hosts, let the run report, then exit
      executor.cancel();
      try {
        finished.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException ignored) {
        // exiting anyway
      }
    });
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    RunResult r = executor.run(plan);
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(onCtrlC);
    } catch (IllegalStateException shuttingDown) {
      // Ctrl-C came: the hook is running and ends now
    }
    return switch (r.outcome()) {
      case SUCCEEDED -> 0;
      case FAILED -> 1;
      case CANCELLED -> 130;
    };
  }
}
