package dev.kubeyard.model.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pins the English text of every problem the cases and fixtures produce, byte for byte: moving the
 * messages into a bundle must not change a word a script or an administrator already relies on.
 * Regenerate with -Dkubeyard.updateGolden=true only when a message is meant to change.
 */
class EnglishProblemsGoldenTest {
  private static final Path DIR = Path.of("src/test/resources/problems");

  @Test
  void everyEnglishMessageIsUnchanged() throws IOException {
    String actual = render();
    Path golden = DIR.resolve("english.txt");
    if (Boolean.getBoolean("kubeyard.updateGolden")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  static String render() throws IOException {
    StringBuilder b = new StringBuilder();
    String[] cases = Files.readString(DIR.resolve("cases.yaml"), StandardCharsets.UTF_8).split("\n---\n");
    for (int i = 0; i < cases.length; i++) {
      b.append("## case ").append(i).append('\n');
      Validator.loadText(cases[i]).problems().forEach(p -> b.append(p).append('\n'));
    }
    List<Path> fixtures;
    try (Stream<Path> s = Files.list(Path.of("src/test/resources/fixtures"))) {
      fixtures = s.filter(p -> p.getFileName().toString().startsWith("invalid-")).sorted().toList();
    }
    for (Path f : fixtures) {
      b.append("## ").append(f.getFileName()).append('\n');
      Validator.load(f).problems().forEach(p -> b.append(p).append('\n'));
    }
    return b.toString();
  }
}
