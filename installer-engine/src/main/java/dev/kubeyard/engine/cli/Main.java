package dev.kubeyard.engine.cli;

import dev.kubeyard.engine.k8s.ClusterStatusException;
import dev.kubeyard.engine.pki.IngressCertificateException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The kubeyard command line. With no subcommand the launcher opens the desktop app instead. */
@Command(name = "kubeyard", mixinStandardHelpOptions = true, version = "kubeyard 0.1.0",
    description = "Installs and manages a highly available Kubernetes platform from plain binaries.",
    subcommands = {InitCommand.class, ValidateCommand.class, PlanCommand.class, DiffCommand.class, ApplyCommand.class, StatusCommand.class,
        ResetCommand.class, HostsCommand.class, AuditCommand.class, LabCommand.class, BundleCommand.class, EsCommand.class,
        PythonServiceCommand.class, GitlabCommand.class, SqlServerCommand.class})
public final class Main implements Runnable {

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** The command tree; every command and subcommand answers -h/--help, required options or not. */
  static CommandLine commandLine() {
    CommandLine line = new CommandLine(new Main());
    addHelp(line);
    return line;
  }

  // not mixinStandardHelpOptions everywhere: its -V/--version would clash with the --version options
  // of `es deploy`, `es update` and `bundle fetch`
  private static void addHelp(CommandLine line) {
    CommandSpec spec = line.getCommandSpec();
    if (spec.findOption("--help") == null && spec.findOption("-h") == null) {
      spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
          .description("Show this help message and exit.").build());
    }
    line.getSubcommands().values().forEach(Main::addHelp);
  }

  public static int run(String... args) {
    return run(commandLine(), args);
  }

  private static int run(CommandLine line, String... args) {
    return line.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof CommandFailure f) {
        cmd.getErr().println("error: " + f.getMessage() + "\n  fix: " + f.fix());
        return 1;
      }
      if (e instanceof IngressCertificateException c) { // pki.ingressCertificate names files that cannot serve
        cmd.getErr().println(IngressTlsLine.problems(c.problems()));
        return 1;
      }
      if (e instanceof ClusterStatusException c) { // the cluster could not be read or refused a change
        cmd.getErr().println("error: " + c.getMessage() + "\n  fix: " + c.hint());
        return 1;
      }
      throw e;
    }).execute(args);
  }

  public static void main(String[] args) {
    // only here, not in run(): tests and the desktop keep the streams they set
    ConsoleOutput console = ConsoleOutput.detect(System::getProperty, System::getenv);
    console.install();
    System.exit(run(console.attach(commandLine()), args));
  }
}
