package dev.kubeyard.engine.plan;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.render.RenderedFile;
import java.util.List;
import java.util.Map;

/**
 * What the install sequence builds steps from: the facts, the rendered files, the sha256 of each PKI
 * file (by file name) and what the offline bundle holds (empty when the plan is written without one).
 */
public record PlanInput(ClusterFacts facts, List<RenderedFile> files, Map<String, String> pkiSha256,
    BundleContent bundle) {

  public List<RenderedFile> filesOf(String host, String... pathPrefixes) {
    return files.stream().filter(f -> f.host().equals(host))
        .filter(f -> pathPrefixes.length == 0 || java.util.Arrays.stream(pathPrefixes).anyMatch(f.path()::startsWith))
        .toList();
  }

  /** Where plan writes a rendered file, relative to the plan directory. */
  public static String sourceOf(RenderedFile f) {
    return "hosts/" + f.host() + f.pathAsFolders();
  }
}
