package dev.kubeyard.engine.cli;

import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.run.Executor;
import dev.kubeyard.engine.run.ResetPlan;
import dev.kubeyard.engine.run.RunResult;
import dev.kubeyard.engine.run.RunSettings;
import dev.kubeyard.engine.transport.HostKeyTrust;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Stops what the install started and removes what it placed and made; keeps the PKI unless --pki, the data with --keep-data. */
@Command(name = "reset", description = "Stop the cluster's services, remove every file the plan placed and what the cluster made"
    + " (rules, network state, data); the PKI stays unless --pki, the data with --keep-data.")
final class ResetCommand implements Callable<Integer> {
  @Mixin ClusterTarget target;

  @Option(names = "--pki", description = "also remove certificates and keys, on the hosts and in the plan folder")
  boolean pki;

  @Option(names = "--keep-data", description = "keep the cluster's data on the hosts (etcd, kubelet, containerd,"
      + " audit logs, imported images); the rules, network state, services and placed files still go")
  boolean keepData;

  @Option(names = {"-v", "--verbose"}, description = "print every command's output")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    if (target.load() == null) {
      return 1;
    }
    Plan install = target.writePlan(false);
    Plan reset = ResetPlan.full(install, pki, keepData);
    RunResult r = new Executor(target.planDir(), target.transports(HostKeyTrust.REFUSE, false), RunSettings.defaults())
        .passphrase(target.pkiPassphrase()).listener(new EventPrinter(System.out, verbose)).run(reset);
    reset.steps().stream().filter(s -> s.title().contains("; keep ")) // what stays, host by host
        .forEach(s -> System.out.printf("  %-9s kept: %s%n", s.host(), s.title().substring(s.title().indexOf("; keep ") + 7)));
    if (r.succeeded() && pki) {
      try (var files = java.nio.file.Files.walk(target.planDir().resolve("pki"))) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
      System.out.println("removed the PKI in " + target.planDir().resolve("pki"));
    }
    return r.succeeded() ? 0 : 1;
  }
}
