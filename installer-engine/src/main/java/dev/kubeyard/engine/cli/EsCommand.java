package dev.kubeyard.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kubeyard es ...}: the Elasticsearch cluster on Kubernetes, or on local harness nodes. */
@Command(name = "es", mixinStandardHelpOptions = true,
    description = "Deploy, inspect, update, roll back and snapshot the Elasticsearch cluster.",
    subcommands = {EsDeployCommand.class, EsStatusCommand.class, EsUpdateCommand.class, EsRollbackCommand.class,
        EsSnapshotCommand.class})
final class EsCommand implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
