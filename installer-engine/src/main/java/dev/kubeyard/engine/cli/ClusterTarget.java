package dev.kubeyard.engine.cli;

import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.pipeline.PlanPipeline;
import dev.kubeyard.engine.pki.IngressTls;
import dev.kubeyard.engine.pki.PkiPassphrase;
import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.transport.HostKeyTrust;
import dev.kubeyard.engine.transport.SshSettings;
import dev.kubeyard.engine.transport.Preconnecting;
import dev.kubeyard.engine.transport.SshTransports;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.validate.ValidSpec;
import dev.kubeyard.model.version.KubernetesVersion;
import dev.kubeyard.model.validate.Validator;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options every command that reaches the hosts shares: the spec, the plan folder, known_hosts. */
final class ClusterTarget {
  @Option(names = {"-f", "--file"}, required = true, description = "the cluster spec")
  Path file;

  @Option(names = "--plan-dir", description = "the plan folder (default: kubeyard-plan beside the spec)")
  Path planDir;

  @Option(names = "--known-hosts", description = "trusted host keys (default: known_hosts beside the spec)")
  Path knownHosts;

  @Option(names = "--bundle", description = "the offline bundle folder (default: the newest bundle tools/build-bundle.sh"
      + " built on this machine, when it carries the spec's Kubernetes version)")
  Path bundle;

  @Mixin PassphraseOptions passphrase;

  ClusterSpec spec;
  /** The certificate the ingress serves, once {@link #writePlan} ran: for the apply's output. */
  IngressTls ingressTls;
  /** The same spec as the validator accepted it, for {@code ClusterFacts.of} (no second validation). */
  ValidSpec valid;

  /**
   * Issues the PKI (kept) and writes the plan through the engine's one pipeline; with a bundle (given, or
   * the newest built here for this version) it installs binaries and images too. An incomplete or damaged
   * bundle is refused before any host is touched.
   */
  Plan writePlan(boolean bundleRequired) throws IOException {
    Path folder = PlanPipeline.bundleFor(bundle, spec).orElse(null);
    if (folder == null && bundleRequired) {
      throw new CommandFailure("no offline bundle for Kubernetes " + KubernetesVersion.of(spec.kubernetes().version())
          + " was given or built here", "pass --bundle DIR (a folder from 'kubeyard bundle fetch' or tools/build-bundle.sh)");
    }
    try {
      PlanPipeline.WrittenPlan written = PlanPipeline.write(valid, planDir(), folder, pkiPassphrase());
      ingressTls = written.ingressTls();
      return written.plan();
    } catch (BundleException e) {
      throw new CommandFailure(e.getMessage(), "rebuild it with tools/build-bundle.sh or pass another with --bundle");
    }
  }

  /** Loads and validates the spec; null (after printing every problem) when it is invalid. */
  ClusterSpec load() {
    Validator.Result r = Validator.load(file);
    if (!r.valid()) {
      ValidateCommand.report(file, r.problems(), System.err);
      return null;
    }
    spec = r.spec();
    valid = r.validSpec();
    return spec;
  }

  /** The CA keys' passphrase for this run: the plan and the apply ask at most once between them. */
  PkiPassphrase pkiPassphrase() {
    return passphrase.source(dir());
  }

  Path planDir() {
    return planDir != null ? planDir : defaultPlanDir(file);
  }

  /** Where `plan` writes for {@code spec} unless told otherwise: kubeyard-plan beside it. */
  static Path defaultPlanDir(Path spec) {
    Path parent = spec.toAbsolutePath().getParent();
    return (parent == null ? Path.of(".") : parent).resolve("kubeyard-plan");
  }

  Path knownHosts() {
    return knownHosts != null ? knownHosts : dir().resolve("known_hosts");
  }

  private Path dir() {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of(".") : parent;
  }

  SshTransports transports(HostKeyTrust trust, boolean retain) {
    return new SshTransports(spec, SshSettings.of(knownHosts()).withTrust(trust).retainingTempFiles(retain)
        .withKeyPrompt(PassphraseOptions.sshKeyPrompt()));
  }

  /**
   * The transports of {@link #transports} with their handshakes already under way while the plan is written;
   * close it after the run.
   */
  Preconnecting preconnected(boolean retain, int parallel) {
    SshTransports quiet = new SshTransports(spec, SshSettings.of(knownHosts()).withTrust(HostKeyTrust.REFUSE)
        .retainingTempFiles(retain)); // no prompt: a key that needs a passphrase connects later, asked for it
    return Preconnecting.start(quiet, transports(HostKeyTrust.REFUSE, retain),
        spec.hosts().stream().map(h -> h.name()).toList(), parallel);
  }
}
