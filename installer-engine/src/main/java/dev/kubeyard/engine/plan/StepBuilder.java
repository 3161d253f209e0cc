package dev.kubeyard.engine.plan;

import dev.kubeyard.engine.render.RenderedFile;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds a step whose check is "these files already have these hashes and modes, and these services
 * are active". Every step that places files is idempotent this way.
 */
public final class StepBuilder {
  private final String id;
  private final Phase phase;
  private final String host;
  private final String title;
  private final List<Action.PutFile> files = new ArrayList<>();
  private final List<String> services = new ArrayList<>();
  private final List<Action> commands = new ArrayList<>();
  private final List<String> extraChecks = new ArrayList<>();
  private String verify;
  private boolean windows;

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

  public StepBuilder run(String command) {
    commands.add(new Action.Run(command));
    return this;
  }

  /**
   * A further condition the check needs, for state that lives in the cluster rather than in a
   * systemd service (e.g. the addons' rollouts): the step is skipped only when it passes too.
   */
  public StepBuilder alsoCheck(String command) {
    extraChecks.add(command);
    return this;
  }

  /**
   * The check also needs {@code path} to hold {@code sha256}: for a file another step places that this
   * step's services read only when they start (e.g. a certificate), so a new one restarts them.
   */
  public StepBuilder alsoCheckContent(String path, String sha256) {
    return alsoCheck(sha256Check(sha256, path));
  }

  private static String sha256Check(String sha256, String path) {
    return String.format("echo '%s  %s' | sha256sum -c --status", sha256, path);
  }

  public StepBuilder verify(String command) {
    this.verify = command;
    return this;
  }

  /** Checks and service handling through PowerShell (Windows OpenSSH), not sha256sum and systemd. */
  public StepBuilder windows() {
    this.windows = true;
    return this;
  }

  public boolean isEmpty() {
    return files.isEmpty() && services.isEmpty() && commands.isEmpty();
  }

  public Step build() {
    if (windows) {
      return buildForWindows();
    }
    List<String> checks = new ArrayList<>();
    for (Action.PutFile f : files) {
      checks.add(sha256Check(f.sha256(), f.path()) + String.format(" && [ \"$(stat -c %%a %s)\" = \"%o\" ]", f.path(), f.mode()));
    }
    services.forEach(s -> checks.add("systemctl is-active --quiet " + s));
    extraChecks.forEach(c -> checks.add("{ " + c + "; }"));
    List<Action> apply = new ArrayList<>(files);
    apply.addAll(commands);
    if (!services.isEmpty()) {
      String names = String.join(" ", services);
      apply.add(new Action.Run("systemctl daemon-reload && systemctl enable " + names + " && systemctl restart " + names));
    }
    String check = checks.isEmpty() ? "false" : checks.stream().collect(Collectors.joining(" && "));
    return new Step(id, phase, host, title, check, apply, verify);
  }

  private Step buildForWindows() {
    if (!extraChecks.isEmpty()) {
      throw new IllegalStateException("alsoCheck takes shell commands; step " + id + " runs PowerShell");
    }
    List<String> checks = new ArrayList<>();
    for (Action.PutFile f : files) {
      checks.add(String.format("((Get-FileHash -Algorithm SHA256 '%s' -ErrorAction Stop).Hash -eq '%s')",
          f.path(), f.sha256().toUpperCase(java.util.Locale.ROOT)));
    }
    services.forEach(s -> checks.add("((Get-Service '" + s + "' -ErrorAction Stop).Status -eq 'Running')"));
    String check = checks.isEmpty() ? "exit 1"
        : "if (" + String.join(" -and ", checks) + ") { exit 0 } else { exit 1 }";
    List<Action> apply = new ArrayList<>(files);
    apply.addAll(commands);
    return new Step(id, phase, host, title, PowerShell.command(check), apply,
        verify == null ? null : PowerShell.command(verify));
  }

}
