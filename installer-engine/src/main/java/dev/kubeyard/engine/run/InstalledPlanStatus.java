package dev.kubeyard.engine.run;

import dev.kubeyard.engine.plan.Action;
import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.transport.CommandResult;
import dev.kubeyard.engine.transport.Transport;
import dev.kubeyard.engine.transport.TransportException;
import dev.kubeyard.engine.transport.TransportFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 'kubeyard status': for each host and step, do the files still have the plan's hashes, are the services
 * active. Asked over SSH, host by host; what Kubernetes itself reports is k8s.ClusterStatus.
 */
public final class InstalledPlanStatus {
  private static final Duration T = Duration.ofSeconds(30);

  /** One component on one host. {@code error} is set when the host could not be asked. */
  public record StepStatus(String host, String stepId, int files, List<String> changedFiles, List<String> services,
      List<String> inactive, String error) {
    public boolean healthy() {
      return error == null && changedFiles.isEmpty() && inactive.isEmpty();
    }
  }

  private InstalledPlanStatus() {}

  public static List<StepStatus> of(Plan plan, TransportFactory transports) {
    List<StepStatus> out = new ArrayList<>();
    plan.byHost().forEach((host, steps) -> {
      try (Transport t = transports.open(host)) {
        for (Step s : steps) {
          List<Action.PutFile> files = s.files();
          List<String> services = s.services();
          if (files.isEmpty() && services.isEmpty()) {
            continue;
          }
          try {
            out.add(new StepStatus(host, s.id(), files.size(), changed(t, files), services, inactive(t, services), null));
          } catch (TransportException e) {
            out.add(new StepStatus(host, s.id(), files.size(), List.of(), services, List.of(), e.getMessage()));
          }
        }
      } catch (TransportException e) {
        out.add(new StepStatus(host, "-", 0, List.of(), List.of(), List.of(), e.getMessage() + "; " + e.hint()));
      }
    });
    return out;
  }

  private static List<String> changed(Transport t, List<Action.PutFile> files) {
    if (files.isEmpty()) {
      return List.of();
    }
    CommandResult r = t.run(t.shell().printHashes(files.stream().map(Action.PutFile::path).toList()), T);
    Map<String, String> found = new HashMap<>();
    r.output().lines().map(l -> l.strip().split("\\s+", 2)).filter(p -> p.length == 2).forEach(p -> found.put(p[1], p[0]));
    return files.stream().filter(f -> !f.sha256().equals(found.get(f.path()))).map(Action.PutFile::path).toList();
  }

  private static List<String> inactive(Transport t, List<String> services) {
    List<String> out = new ArrayList<>();
    for (String s : services) {
      if (!t.run(t.shell().check(List.of(t.shell().serviceActive(s))), T).succeeded()) {
        out.add(s);
      }
    }
    return out;
  }
}
