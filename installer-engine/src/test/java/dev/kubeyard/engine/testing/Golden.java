package dev.kubeyard.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Golden files live under installer-engine/src/test/golden/. A test compares what the engine renders
 * with them; {@code scripts/update-golden} (which sets -Dkubeyard.golden.update=true) rewrites them.
 */
public final class Golden {
  private static final boolean UPDATE = Boolean.getBoolean("kubeyard.golden.update");

  private Golden() {}

  public static Path root() {
    return RepoRoot.path().resolve("installer-engine/src/test/golden");
  }

  /**
   * Fails when the golden folder {@code folder} holds a file that is none of {@code rendered} (paths relative
   * to the golden root): nothing renders it any more. Skipped while updating.
   */
  public static void assertNoOrphans(String folder, Collection<String> rendered) {
    if (UPDATE) {
      return;
    }
    Set<String> names = new HashSet<>(rendered);
    try (Stream<Path> golden = Files.walk(root().resolve(folder))) {
      assertThat(golden.filter(Files::isRegularFile).map(p -> root().relativize(p).toString())
          .filter(p -> !names.contains(p))).as("golden files nothing renders any more; delete them").isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fails when {@code actual} differs from the golden file at {@code relative}. */
  public static void assertMatches(String relative, String actual) {
    Path file = root().resolve(relative);
    try {
      if (UPDATE) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual);
        return;
      }
      assertThat(file).as("golden file %s is missing; run scripts/update-golden", relative).exists();
      assertThat(actual).as("golden file %s is stale; run scripts/update-golden and review the diff", relative)
          .isEqualTo(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
