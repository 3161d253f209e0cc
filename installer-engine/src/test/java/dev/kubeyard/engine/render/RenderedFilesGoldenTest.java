package dev.kubeyard.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.testing.Golden;
import dev.kubeyard.engine.testing.Specs;
import dev.kubeyard.model.spec.ClusterSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rendered file of the example cluster, on both lines, equals its golden copy; no golden file is orphaned. */
class RenderedFilesGoldenTest {

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void everyRenderedFileMatchesItsGoldenCopy(String line) throws IOException {
    ClusterSpec spec = line.equals("1.14") ? Specs.legacy() : Specs.current();
    List<RenderedFile> files = ClusterRenderer.render(Specs.context(spec));
    for (RenderedFile f : files) {
      Golden.assertMatches(relative(line, f), f.content());
    }
    Path dir = Golden.root().resolve("render/" + line);
    if (Files.isDirectory(dir) && !Boolean.getBoolean("kubeyard.golden.update")) {
      Set<String> rendered = files.stream().map(f -> relative(line, f)).collect(Collectors.toSet());
      try (Stream<Path> golden = Files.walk(dir)) {
        List<String> orphans = golden.filter(Files::isRegularFile)
            .map(p -> Golden.root().relativize(p).toString())
            .filter(p -> !rendered.contains(p)).toList();
        assertThat(orphans).as("golden files nothing renders any more; delete them").isEmpty();
      }
    }
  }

  private static String relative(String line, RenderedFile f) {
    return "render/" + line + "/" + f.host() + f.pathAsFolders();
  }
}
