package dev.kubeyard.model.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  private static String render() throws IOException {
    StringBuilder b = new StringBuilder();
    groups().forEach((name, problems) -> {
      b.append("## ").append(name).append('\n');
      problems.forEach(p -> b.append(p).append('\n'));
    });
    return b.toString();
  }

  /** Every problem the cases and the invalid fixtures produce. */
  static List<Problem> problems() throws IOException {
    return groups().values().stream().flatMap(List::stream).toList();
  }

  private static Map<String, List<Problem>> groups() throws IOException {
    Map<String, List<Problem>> groups = new LinkedHashMap<>();
    String[] cases = Files.readString(DIR.resolve("cases.yaml"), StandardCharsets.UTF_8).split("\n---\n");
    for (int i = 0; i < cases.length; i++) {
      groups.put("case " + i, Validator.loadText(cases[i]).problems());
    }
    try (Stream<Path> s = Files.list(Path.of("src/test/resources/fixtures"))) {
      s.filter(p -> p.getFileName().toString().startsWith("invalid-")).sorted()
          .forEach(f -> groups.put(f.getFileName().toString(), Validator.load(f).problems()));
    }
    return groups;
  }
}
