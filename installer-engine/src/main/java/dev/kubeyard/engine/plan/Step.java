package dev.kubeyard.engine.plan;

import dev.kubeyard.engine.shell.HostShell;
import dev.kubeyard.engine.shell.ServiceInputs;
import dev.kubeyard.model.spec.OsFamily;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One small, idempotent unit of the install on one host: {@code check} exits 0 when the step is
 * already satisfied (then nothing is applied); otherwise {@code apply} runs and {@code verify} must
 * pass afterwards. The commands are scripts in the shell of the host's {@code os}; {@code services}
 * are the services the step leaves running, kept as names so status and reset need not parse the check;
 * {@code inputs} are those of them that restart or reload only for their own files (ADR 46), so
 * {@code plan --diff} can say which a change touches.
 */
public record Step(String id, Phase phase, String host, String title, String check, List<Action> apply,
    String verify, List<String> services, OsFamily os, List<ServiceInputs> inputs) {

  public Step {
    apply = List.copyOf(apply);
    services = services == null ? List.of() : List.copyOf(services); // a plan.json written before services were kept
    os = os == null ? OsFamily.LINUX : os;
    inputs = inputs == null ? List.of() : List.copyOf(inputs);
  }

  /** A step whose services all restart whenever it applies. */
  public Step(String id, Phase phase, String host, String title, String check, List<Action> apply,
      String verify, List<String> services, OsFamily os) {
    this(id, phase, host, title, check, apply, verify, services, os, List.of());
  }

  /** A step on a Linux host that leaves no service running. */
  public Step(String id, Phase phase, String host, String title, String check, List<Action> apply, String verify) {
    this(id, phase, host, title, check, apply, verify, List.of(), OsFamily.LINUX);
  }

  /** The shell its commands are written for. */
  public HostShell shell() {
    return HostShell.of(os);
  }

  /**
   * What applying this step does to its services when {@code changed} (paths of its files, or of
   * content it checks) differ from the plan: each service with "restart" or "reload", or none.
   */
  public Map<String, String> serviceEffects(Set<String> changed) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String service : services) {
      ServiceInputs declared = inputs.stream().filter(i -> i.service().equals(service)).findFirst().orElse(null);
      if (declared == null) {
        out.put(service, "restart"); // every service without declared inputs restarts when the step applies
      } else if (declared.restartOn().keySet().stream().anyMatch(changed::contains)) {
        out.put(service, "restart");
      } else if (declared.reloadOn().keySet().stream().anyMatch(changed::contains)) {
        out.put(service, "reload");
      }
    }
    return out;
  }

  /** The files this step places. */
  public List<Action.PutFile> files() {
    return apply.stream().filter(a -> a instanceof Action.PutFile).map(a -> (Action.PutFile) a).toList();
  }
}
