package dev.kubeyard.engine.cli;

import dev.kubeyard.engine.transport.HostKeyTrust;
import dev.kubeyard.engine.transport.SshSettings;
import dev.kubeyard.engine.transport.SshTransports;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.validate.Validator;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command that reaches the hosts shares: the spec, the plan folder, known_hosts. */
final class ClusterTarget {
  @Option(names = {"-f", "--file"}, required = true, description = "the cluster spec")
  Path file;

  @Option(names = "--plan-dir", description = "the plan folder (default: kubeyard-plan beside the spec)")
  Path planDir;

  @Option(names = "--known-hosts", description = "trusted host keys (default: known_hosts beside the spec)")
  Path knownHosts;

  ClusterSpec spec;

  /** Loads and validates the spec; null (after printing every problem) when it is invalid. */
  ClusterSpec load() {
    Validator.Result r = Validator.load(file);
    if (!r.valid()) {
      ValidateCommand.report(file, r.problems(), System.err);
      return null;
    }
    spec = r.spec();
    return spec;
  }

  Path planDir() {
    return planDir != null ? planDir : dir().resolve("kubeyard-plan");
  }

  Path knownHosts() {
    return knownHosts != null ? knownHosts : dir().resolve("known_hosts");
  }

  private Path dir() {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of(".") : parent;
  }

  SshTransports transports(HostKeyTrust trust, boolean retain) {
    return new SshTransports(spec, SshSettings.of(knownHosts()).withTrust(trust).retainingTempFiles(retain));
  }
}
