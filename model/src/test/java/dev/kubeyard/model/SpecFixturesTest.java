package dev.kubeyard.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.model.validate.Problem;
import dev.kubeyard.model.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Paired fixtures: every valid-*.yaml validates cleanly; every invalid-*.yaml produces exactly the
 * message written in its first line ("# expect: ...").
 */
class SpecFixturesTest {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

  static Stream<Path> valid() throws IOException {
    return list("valid-");
  }

  static Stream<Path> invalid() throws IOException {
    return list("invalid-");
  }

  private static Stream<Path> list(String prefix) throws IOException {
    return Files.list(FIXTURES).filter(p -> p.getFileName().toString().startsWith(prefix)).sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void validFixturesHaveNoProblems(Path file) {
    assertThat(Validator.load(file).problems()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidFixturesReportTheirExpectedProblem(Path file) throws IOException {
    String expected = Files.readAllLines(file).get(0).replaceFirst("^# expect: ", "");
    List<String> found = Validator.load(file).problems().stream().map(Problem::toString).toList();
    assertThat(found).contains(expected);
  }

  @Test
  void theExampleSpecThatInitWritesIsValid() {
    Path example = Path.of("../resources/examples/cluster.yaml");
    assertThat(Validator.load(example).problems()).isEmpty();
  }

  @Test
  void everyProblemIsReportedAtOnce() throws IOException {
    String yaml = Files.readString(FIXTURES.resolve("valid-ha-current-line.yaml"))
        .replace("vip: 10.200.0.10", "vip: 10.200.0.22")
        .replace("name: master1", "name: Master_1")
        .replace("version: 1.35.0", "version: 1.35.0, clusterDnsIp: 10.68.0.1");
    assertThat(Validator.loadText(yaml).problems()).extracting(Problem::path)
        .containsExactlyInAnyOrder("loadBalancer.vip", "hosts[2].name", "kubernetes.clusterDnsIp");
  }
}
