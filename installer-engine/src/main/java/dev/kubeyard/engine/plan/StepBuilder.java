package dev.kubeyard.engine.plan;

import dev.kubeyard.engine.render.RenderedFile;
import dev.kubeyard.engine.shell.HostShell;
import dev.kubeyard.engine.shell.ServiceInputs;
import dev.kubeyard.model.spec.OsFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds a step whose check is "these files already have these hashes and modes, and these services
 * are active", written by the shell of the host's OS. Every step that places files is idempotent this way.
 */
public final class StepBuilder {
  private final String id;
  private final Phase phase;
  private final String host;
  private final String title;
  private final List<Action.PutFile> files = new ArrayList<>();
  private final List<String> services = new ArrayList<>();
  private final List<Action> commands = new ArrayList<>();
  private final List<Function<HostShell, String>> extraChecks = new ArrayList<>();
  private final Map<String, String> extraContent = new LinkedHashMap<>();
  private final Map<String, List<String>> restartOn = new LinkedHashMap<>();
  private final Map<String, List<String>> reloadOn = new LinkedHashMap<>();
  private String verify;
  private OsFamily os = OsFamily.LINUX;
  private String waitOnlyIf;

  public StepBuilder(String id, Phase phase, String host, String title) {
    this.id = id;
    this.phase = phase;
    this.host = host;
    this.title = title;
  }

  public StepBuilder put(RenderedFile f) {
    files.add(new Action.PutFile(f.path(), PlanInput.sourceOf(f), f.sha256(), f.mode()));
    return this;
  }

  public StepBuilder put(List<RenderedFile> list) {
    list.forEach(this::put);
    return this;
  }

  public StepBuilder put(String path, String source, String sha256, int mode) {
    files.add(new Action.PutFile(path, source, sha256, mode));
    return this;
  }

  /** Services started (and restarted when a file changed) by this step. */
  public StepBuilder services(String... names) {
    services.addAll(List.of(names));
    return this;
  }

  /** A command in the host's shell, run as root (Linux) or as the SSH user, an administrator (Windows). */
  public StepBuilder run(String command) {
    commands.add(new Action.Run(command));
    return this;
  }

  /**
   * A command fed {@code planFile} (relative to the plan folder) on its standard input: the file is
   * streamed over the connection and never placed on the host. Linux only.
   */
  public StepBuilder runWithInput(String command, String planFile) {
    commands.add(new Action.Run(command, planFile));
    return this;
  }

  /**
   * A further condition the check needs, for state that lives in the cluster rather than in a
   * service (e.g. the addons' rollouts): the step is skipped only when it passes too. A POSIX command.
   */
  public StepBuilder alsoCheck(String command) {
    extraChecks.add(shell -> shell.succeeds(command));
    return this;
  }

  /**
   * The check also needs {@code path} to hold {@code sha256}: for a file another step places that this
   * step's services read only when they start (e.g. a certificate), so a new one restarts them.
   */
  public StepBuilder alsoCheckContent(String path, String sha256) {
    extraContent.put(path, sha256);
    return this;
  }

  /**
   * Narrows what restarts {@code service}: only a change to a file of this step (or of
   * {@link #alsoCheckContent}) under one of {@code prefixes}, or the service not running. Without it,
   * every service of the step restarts whenever the step applies.
   */
  public StepBuilder restartOn(String service, String... prefixes) {
    restartOn.computeIfAbsent(service, s -> new ArrayList<>()).addAll(List.of(prefixes));
    return this;
  }

  /** A change to a file under one of {@code prefixes} reloads {@code service} (its unit has ExecReload) instead. */
  public StepBuilder reloadOn(String service, String... prefixes) {
    reloadOn.computeIfAbsent(service, s -> new ArrayList<>()).addAll(List.of(prefixes));
    return this;
  }

  /**
   * The services' (re)start waits for them to report ready only when {@code condition} (a POSIX command)
   * holds; otherwise it is queued and the verify decides when the step is done. For a service that cannot be
   * ready alone: an etcd member of a cluster being formed.
   */
  public StepBuilder waitForStartOnlyIf(String condition) {
    waitOnlyIf = condition;
    return this;
  }

  public StepBuilder verify(String command) {
    this.verify = command;
    return this;
  }

  /** The host's OS, whose shell writes the checks and the service handling (Linux unless told). */
  public StepBuilder os(OsFamily os) {
    this.os = os;
    return this;
  }

  public boolean isEmpty() {
    return files.isEmpty() && services.isEmpty() && commands.isEmpty();
  }

  public Step build() {
    HostShell shell = HostShell.of(os);
    List<String> checks = new ArrayList<>();
    files.forEach(f -> checks.add(shell.fileIs(f.path(), f.sha256(), f.mode())));
    services.forEach(s -> checks.add(shell.serviceActive(s)));
    extraContent.forEach((path, sha) -> checks.add(shell.contentIs(path, sha)));
    extraChecks.forEach(c -> checks.add(c.apply(shell)));
    List<ServiceInputs> declared = declaredInputs();
    List<Action> apply = new ArrayList<>();
    shell.noteChangedServices(declared).ifPresent(note -> apply.add(new Action.Run(note))); // before the files change
    apply.addAll(files);
    apply.addAll(commands);
    if (!services.isEmpty()) {
      if (waitOnlyIf != null && !declared.isEmpty()) {
        throw new IllegalStateException(id + ": a start that may not wait restarts every service of the step");
      }
      apply.add(new Action.Run(waitOnlyIf != null ? shell.startServicesWaitingOnlyIf(services, waitOnlyIf)
          : shell.startChangedServices(services, declared)));
    }
    return new Step(id, phase, host, title, shell.check(checks), apply, verify, services, os, declared);
  }

  /** The services whose inputs were declared, each with the files (and their hashes) under its prefixes. */
  private List<ServiceInputs> declaredInputs() {
    Set<String> names = new LinkedHashSet<>(restartOn.keySet());
    names.addAll(reloadOn.keySet());
    if (names.isEmpty()) {
      return List.of();
    }
    if (!services.containsAll(names)) {
      throw new IllegalStateException(id + ": inputs declared for services it does not start: " + names);
    }
    if (!extraChecks.isEmpty()) { // a check that is not about content would apply the step and restart nothing
      throw new IllegalStateException(id + ": declared service inputs need every further check to be about content");
    }
    Map<String, String> all = new LinkedHashMap<>();
    files.forEach(f -> all.put(f.path(), f.sha256()));
    all.putAll(extraContent);
    List<ServiceInputs> list = new ArrayList<>();
    for (String name : names) {
      Map<String, String> reload = under(all, reloadOn.getOrDefault(name, List.of()));
      Map<String, String> restart = under(all, restartOn.getOrDefault(name, List.of()));
      reload.keySet().removeAll(restart.keySet());
      list.add(new ServiceInputs(name, restart, reload));
    }
    return list;
  }

  private static Map<String, String> under(Map<String, String> files, List<String> prefixes) {
    Map<String, String> m = new LinkedHashMap<>();
    files.forEach((path, sha) -> {
      if (prefixes.stream().anyMatch(path::startsWith)) {
        m.put(path, sha);
      }
    });
    return m;
  }
}
