package dev.kubeyard.engine.shell;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one service of a step reads, each file with the sha256 the plan gives it: a change to one of
 * {@code restartOn} restarts the service, a change to one of {@code reloadOn} only reloads it (the unit
 * must have an ExecReload). A file in neither touches the service not at all.
 */
public record ServiceInputs(String service, Map<String, String> restartOn, Map<String, String> reloadOn) {
  public ServiceInputs {
    restartOn = Collections.unmodifiableMap(new TreeMap<>(restartOn)); // sorted: the scripts are golden
    reloadOn = Collections.unmodifiableMap(new TreeMap<>(reloadOn));
  }
}
