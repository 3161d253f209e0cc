package dev.kubeyard.engine.plan;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Every step of an install, in order. The executor runs phase by phase, hosts of a phase in parallel. */
public record Plan(String cluster, String kubernetesVersion, List<Step> steps) {

  public Plan {
    steps = List.copyOf(steps);
  }

  public Map<String, List<Step>> byHost() {
    return steps.stream().collect(Collectors.groupingBy(Step::host, TreeMap::new, Collectors.toList()));
  }

  public List<Step> inPhase(Phase phase) {
    return steps.stream().filter(s -> s.phase() == phase).toList();
  }
}
