package dev.kubeyard.engine.plan;

import dev.kubeyard.engine.shell.HostShell;
import dev.kubeyard.model.spec.OsFamily;
import java.util.List;

/**
 * One small, idempotent unit of the install on one host: {@code check} exits 0 when the step is
 * already satisfied (then nothing is applied); otherwise {@code apply} runs and {@code verify} must
 * pass afterwards. The commands are scripts in the shell of the host's {@code os}; {@code services}
 * are the services the step leaves running, kept as names so status and reset need not parse the check.
 */
public record Step(String id, Phase phase, String host, String title, String check, List<Action> apply,
    String verify, List<String> services, OsFamily os) {

  public Step {
    apply = List.copyOf(apply);
    services = services == null ? List.of() : List.copyOf(services); // a plan.json written before services were kept
    os = os == null ? OsFamily.LINUX : os;
  }

  /** A step on a Linux host that leaves no service running. */
  public Step(String id, Phase phase, String host, String title, String check, List<Action> apply, String verify) {
    this(id, phase, host, title, check, apply, verify, List.of(), OsFamily.LINUX);
  }

  /** The shell its commands are written for. */
  public HostShell shell() {
    return HostShell.of(os);
  }

  /** The files this step places. */
  public List<Action.PutFile> files() {
    return apply.stream().filter(a -> a instanceof Action.PutFile).map(a -> (Action.PutFile) a).toList();
  }
}
