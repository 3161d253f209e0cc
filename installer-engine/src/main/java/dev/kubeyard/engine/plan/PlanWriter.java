package dev.kubeyard.engine.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kubeyard.engine.render.RenderedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

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
      Files.createDirectories(target.getParent());
      writeAtomically(target, f.content(), f.secret() || f.mode() == 0600 ? "rw-------" : "rw-r--r--");
    }
    writeAtomically(dir.resolve("plan.txt"), PlanText.format(plan), "rw-r--r--");
    writeAtomically(dir.resolve("plan.json"), JSON.writeValueAsString(plan) + "\n", "rw-r--r--");
  }

  private static void writeAtomically(Path target, String content, String perms) throws IOException {
    Set<PosixFilePermission> p = PosixFilePermissions.fromString(perms);
    Path tmp = Files.createTempFile(target.getParent(), ".kubeyard", ".tmp", PosixFilePermissions.asFileAttribute(p));
    Files.writeString(tmp, content);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
