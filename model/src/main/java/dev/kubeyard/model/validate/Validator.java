package dev.kubeyard.model.validate;

import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.Defaults;
import dev.kubeyard.model.spec.SpecYaml;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Validates a cluster spec and reports every problem at once. Nothing is written to any host, and
 * nothing rendered, unless this returns no problems.
 */
public final class Validator {
  private static final List<Rule> RULES = List.of(
      new HeaderRules(),
      new KubernetesRules(),
      new HostRules(),
      new TopologyRules(),
      new LoadBalancerRules(),
      new NetworkRules(),
      new ServiceAddressRules(),
      new WindowsRules(),
      new PkiRules(),
      new AppRules(),
      new SqlServerRules(),
      new GitlabImageRules());

  private Validator() {}

  /**
   * The result of loading a spec: the defaulted spec when valid, or the problems; {@code warnings} never
   * make it invalid.
   */
  public record Result(ClusterSpec spec, List<Problem> problems, List<Problem> warnings) {
    public Result(ClusterSpec spec, List<Problem> problems) {
      this(spec, problems, List.of());
    }

    public boolean valid() {
      return problems.isEmpty();
    }

    /** The accepted spec; only for a valid result (check {@link #valid()} first). */
    public ValidSpec validSpec() {
      if (!valid()) {
        throw new IllegalStateException("the spec has " + problems.size() + " problems; check valid() first");
      }
      return new ValidSpec(spec);
    }
  }

  /** Validates an already parsed spec (defaults are applied first). */
  public static Result validate(ClusterSpec raw) {
    ClusterSpec spec = Defaults.apply(raw);
    Problems out = new Problems();
    for (Rule rule : RULES) {
      rule.check(spec, out);
    }
    return new Result(spec, out.list(), out.warnings());
  }

  /** Defaults and validates {@code raw}; refuses an invalid one with every problem in the message. */
  public static ValidSpec requireValid(ClusterSpec raw) {
    Result result = validate(raw);
    if (!result.valid()) {
      throw new IllegalArgumentException("the spec is invalid:\n  " + result.problems().stream()
          .map(Object::toString).collect(Collectors.joining("\n  ")));
    }
    return result.validSpec();
  }

  /** Reads, defaults and validates a cluster.yaml; relative file paths in it are taken from its folder. */
  public static Result load(Path file) {
    SpecYaml.Read read = SpecYaml.read(file);
    if (!read.ok()) {
      return new Result(null, read.problems());
    }
    Path folder = file.toAbsolutePath().getParent();
    return validate(read.spec().withFilesFrom(folder));
  }

  /** Parses, defaults and validates YAML text. */
  public static Result loadText(String yaml) {
    SpecYaml.Read read = SpecYaml.parse(yaml);
    if (!read.ok()) {
      return new Result(null, read.problems());
    }
    return validate(read.spec());
  }
}
