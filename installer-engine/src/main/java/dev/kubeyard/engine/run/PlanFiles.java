package dev.kubeyard.engine.run;

import dev.kubeyard.engine.pki.KeyFiles;
import dev.kubeyard.engine.plan.Action;
import dev.kubeyard.engine.plan.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks, before anything connects, that every file the plan places is in the plan directory with its sha256. */
final class PlanFiles {
  private PlanFiles() {}

  static List<String> problems(Path planDir, Plan plan) {
    Map<String, String> wanted = new LinkedHashMap<>();
    plan.steps().forEach(s -> s.apply().forEach(a -> {
      if (a instanceof Action.PutFile f) {
        wanted.put(f.source(), f.sha256());
      }
    }));
    List<String> out = new ArrayList<>();
    wanted.forEach((source, sha) -> {
      Path p = planDir.resolve(source);
      if (!Files.isRegularFile(p)) {
        out.add(source + " is missing from " + planDir);
      } else if (!KeyFiles.placedDigest(p).equals(sha)) {
        out.add(source + " does not have the sha256 plan.json expects (" + sha.substring(0, 12) + "...)");
      }
    });
    return out;
  }
}
