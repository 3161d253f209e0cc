package dev.kubeyard.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The offline bundle: every binary and image an air-gapped install needs, with checksums. */
@Command(name = "bundle", mixinStandardHelpOptions = true,
    description = "Build, fetch, verify, list the offline bundle of binaries and images, and import a site's images into it.",
    subcommands = {BundleBuildCommand.class, BundleFetchCommand.class, BundleVerifyCommand.class, BundleImportCommand.class,
        BundleListCommand.class})
final class BundleCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    new CommandLine(spec).usage(System.out);
  }
}
