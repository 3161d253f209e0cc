package dev.kubeyard.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The kubeyard command line. With no subcommand the launcher opens the desktop app instead. */
@Command(name = "kubeyard", mixinStandardHelpOptions = true, version = "kubeyard 0.1.0",
    description = "Installs and manages a highly available Kubernetes platform from plain binaries.",
    subcommands = {InitCommand.class, ValidateCommand.class, PlanCommand.class, ApplyCommand.class, StatusCommand.class,
        ResetCommand.class, HostsCommand.class, LabCommand.class, BundleCommand.class, EsCommand.class,
        PythonServiceCommand.class})
public final class Main implements Runnable {

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static int run(String... args) {
    return new CommandLine(new Main()).setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof CommandFailure f) {
        cmd.getErr().println("error: " + f.getMessage() + "\n  fix: " + f.fix());
        return 1;
      }
      throw e;
    }).execute(args);
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }
}
