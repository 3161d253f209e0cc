package dev.kubeyard.engine.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kubeyard.engine.files.AtomicFiles;
import dev.kubeyard.engine.render.RenderedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a plan directory: hosts/&lt;host&gt;/&lt;absolute path&gt; for every rendered file (secrets 0600),
 * plan.txt for people and plan.json for the executor. Same inputs give byte-identical output.
 */
public final class PlanWriter {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private PlanWriter() {}

  public static void write(Path dir, Plan plan, List<RenderedFile> files) throws IOException {
    Files.createDirectories(dir);
    for (RenderedFile f : files) {
      Path target = dir.resolve(PlanInput.sourceOf(f));
      AtomicFiles.write(target, f.content(), f.secret() || f.mode() == 0600 ? AtomicFiles.OWNER_ONLY : AtomicFiles.WORLD_READABLE);
    }
    AtomicFiles.write(dir.resolve("plan.txt"), PlanText.format(plan), AtomicFiles.WORLD_READABLE);
    AtomicFiles.write(dir.resolve("plan.json"), JSON.writeValueAsString(plan) + "\n", AtomicFiles.WORLD_READABLE);
  }
}
