package dev.kubeyard.desktop.wizard.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.desktop.testing.Fixtures;
import dev.kubeyard.engine.cli.Main;
import dev.kubeyard.engine.plan.Action;
import dev.kubeyard.engine.plan.PlanBuilder;
import dev.kubeyard.model.validate.ValidSpec;
import dev.kubeyard.model.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI and the desktop make a plan through the engine's one pipeline, so they make the same plan. */
class OnePlanPipelineTest {
  @TempDir Path dir;

  private static ValidSpec exampleSpec() {
    return Validator.load(Fixtures.exampleClusterYaml()).validSpec();
  }

  @Test
  void kubeyardPlanAndTheDesktopReviewWriteByteIdenticalPlanFolders() throws Exception {
    Path cli = dir.resolve("cli");
    Path desktop = dir.resolve("desktop");
    assertThat(Main.run("plan", "-f", Fixtures.exampleClusterYaml().toString(), "-o", cli.toString())).isZero();
    copy(cli.resolve("pki"), desktop.resolve("pki")); // the same CA and keys: what differs otherwise is random

    PlanPreview written = PlanPreview.written(exampleSpec(), desktop, null);

    assertThat(written.folder()).isEqualTo(desktop);
    Map<String, byte[]> fromCli = contents(cli);
    assertThat(fromCli).containsKeys("plan.txt", "plan.json", "admin.kubeconfig");
    assertThat(contents(desktop)).containsOnlyKeys(fromCli.keySet())
        .allSatisfy((name, bytes) -> assertThat(bytes).as(name).isEqualTo(fromCli.get(name)));
  }

  @Test
  void thePreviewIsTheWrittenPlanWithCertificatesNotIssuedYet() throws Exception {
    PlanPreview preview = PlanPreview.of(exampleSpec());
    PlanPreview written = PlanPreview.written(exampleSpec(), dir, null);

    assertThat(preview.plan().steps()).extracting(s -> s.host() + "/" + s.id())
        .containsExactlyElementsOf(written.plan().steps().stream().map(s -> s.host() + "/" + s.id()).toList());
    assertThat(preview.plan().steps().stream().flatMap(s -> s.apply().stream()))
        .filteredOn(a -> a instanceof Action.PutFile f && f.source().startsWith("pki/"))
        .isNotEmpty().allMatch(a -> ((Action.PutFile) a).sha256().equals(PlanBuilder.CERTIFICATE_DIGEST_PENDING));
    assertThat(preview.files()).isEqualTo(written.files()).isPositive();
    assertThat(preview.filesOf("master1")).isEqualTo(written.filesOf("master1")).isPositive();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }

  /** Every regular file under {@code root}, by relative path. */
  private static Map<String, byte[]> contents(Path root) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(f).toString(), Files.readAllBytes(f));
      }
    }
    return out;
  }
}
