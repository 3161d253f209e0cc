package dev.kubeyard.engine.run;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.kubeyard.engine.plan.Action;
import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.shell.HostShell;
import dev.kubeyard.engine.transport.CommandResult;
import dev.kubeyard.engine.transport.Transport;
import dev.kubeyard.engine.transport.TransportException;
import dev.kubeyard.engine.transport.TransportFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 'kubeyard diff': what applying the plan would change on each host, before anything runs. Per step, the
 * files whose content or mode differ (each file's own check, so the hosts' ledger spares the hashing), a
 * unified diff of the rendered ones with secret values masked, and the services it would restart or reload
 * (ADR 46). Read-only: nothing is written on a host. State that lives in the cluster (the addons'
 * rollouts) is not compared.
 */
public final class PlanDiff {
  private static final Duration T = Duration.ofSeconds(60);
  /** Larger plan files are not diffed line by line. */
  static final long MAX_DIFF_BYTES = 256 * 1024;

  /** One file that differs; {@code diff} is empty when it is not shown, and {@code note} says why. */
  public record FileChange(String path, String note, List<String> diff) {}

  /** One step that would apply: its files that differ and what it would do to each service. */
  public record StepChange(String stepId, List<FileChange> files, Map<String, String> services) {}

  /** One host: the steps that would apply there, or why it could not be asked. */
  public record HostChange(String host, List<StepChange> steps, String error) {
    public boolean unchanged() {
      return error == null && steps.isEmpty();
    }
  }

  private PlanDiff() {}

  /** The report 'kubeyard diff' prints and the desktop's review shows: per host, its steps, files and diffs. */
  public static List<String> report(List<HostChange> hosts) {
    List<String> out = new ArrayList<>();
    for (HostChange h : hosts) {
      if (h.error() != null) {
        out.add(h.host() + ": UNREACHABLE: " + h.error());
        continue;
      }
      if (h.unchanged()) {
        out.add(h.host() + ": nothing to change");
        continue;
      }
      out.add(h.host() + ":");
      for (StepChange s : h.steps()) {
        out.add("  " + s.stepId() + (s.services().isEmpty() ? "" : ": " + String.join(", ",
            s.services().entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList())));
        for (FileChange f : s.files()) {
          out.add("    ~ " + f.path() + " (" + f.note() + ")");
          f.diff().forEach(line -> out.add("      " + line));
        }
      }
    }
    if (hosts.stream().noneMatch(h -> h.error() != null)) {
      out.add(hosts.stream().allMatch(HostChange::unchanged) ? "nothing to change" : "kubeyard apply makes these changes");
    }
    return out;
  }

  public static List<HostChange> of(Plan plan, Path planDir, TransportFactory transports) {
    List<HostChange> out = new ArrayList<>();
    plan.byHost().forEach((host, steps) -> {
      try (Transport t = transports.open(host)) {
        List<StepChange> changes = new ArrayList<>();
        for (Step s : steps) {
          StepChange c = step(t, planDir, s);
          if (c != null) {
            changes.add(c);
          }
        }
        out.add(new HostChange(host, changes, null));
      } catch (TransportException e) {
        out.add(new HostChange(host, List.of(), e.getMessage() + "; " + e.hint()));
      }
    });
    return out;
  }

  private static StepChange step(Transport t, Path planDir, Step s) {
    HostShell shell = s.shell();
    Map<String, String> fileChecks = new LinkedHashMap<>();
    s.files().forEach(f -> fileChecks.put(f.path(), shell.fileIs(f.path(), f.sha256(), f.mode())));
    Set<String> changed = failing(t, shell, fileChecks);
    Map<String, String> serviceChecks = new LinkedHashMap<>();
    s.services().forEach(name -> serviceChecks.put(name, shell.serviceActive(name)));
    Set<String> stopped = failing(t, shell, serviceChecks);
    if (changed.isEmpty() && stopped.isEmpty()) {
      return null;
    }
    Map<String, String> services = new LinkedHashMap<>(changed.isEmpty() ? Map.of() : s.serviceEffects(changed));
    stopped.forEach(name -> services.put(name, "start (not running)"));
    List<FileChange> files = new ArrayList<>();
    for (Action.PutFile f : s.files()) {
      if (changed.contains(f.path())) {
        files.add(file(t, shell, planDir, f));
      }
    }
    return new StepChange(s.id(), files, services);
  }

  private static Set<String> failing(Transport t, HostShell shell, Map<String, String> conditions) {
    if (conditions.isEmpty()) {
      return Set.of();
    }
    CommandResult r = t.run(shell.namesFailing(conditions), T);
    if (!r.succeeded()) {
      throw new TransportException(t.host(), "compare with the plan", r.exitCode(), r.outputTail(),
          "the host could not run the comparison; see its output");
    }
    Set<String> names = new LinkedHashSet<>();
    r.output().lines().map(String::strip).filter(conditions::containsKey).forEach(names::add);
    return names;
  }

  private static FileChange file(Transport t, HostShell shell, Path planDir, Action.PutFile f) {
    if (f.source().startsWith("pki/")) {
      return new FileChange(f.path(), "differs (certificate or key: not shown)", List.of());
    }
    Path local = planDir.resolve(f.source());
    String planned;
    try {
      if (!f.source().startsWith("hosts/") || Files.size(local) > MAX_DIFF_BYTES) {
        return new FileChange(f.path(), "differs (binary or large: not shown)", List.of());
      }
      planned = Files.readString(local, StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      return new FileChange(f.path(), "differs (not shown: " + e.getMessage() + ")", List.of());
    }
    CommandResult onHost = t.run(shell.printFile(f.path()), T);
    if (!onHost.succeeded()) {
      return new FileChange(f.path(), "missing on the host", List.of());
    }
    List<String> before = SecretMask.lines(onHost.output());
    List<String> after = SecretMask.lines(planned);
    List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(t.host() + ":" + f.path(), "plan:" + f.path(), before,
        DiffUtils.diff(before, after), 3);
    String note = diff.isEmpty() ? "same text: its mode, or a masked value, differs" : "differs";
    return new FileChange(f.path(), note, diff);
  }
}
