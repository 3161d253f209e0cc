package dev.kubeyard.engine.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Remembers, in the plan folder ({@code state/<host>/<step>.unfinished}), steps whose apply began but
 * did not end verified. A step's check covers its files and services, not the effect of its commands:
 * after a failure between an upload and a command the check may pass although the command never ran.
 * Such a step is applied again on the next run instead of being skipped.
 */
final class UnfinishedSteps {
  private final Path dir;

  UnfinishedSteps(Path planDir) {
    this.dir = planDir.resolve("state");
  }

  private Path marker(String host, String stepId) {
    return dir.resolve(host).resolve(stepId + ".unfinished");
  }

  boolean unfinished(String host, String stepId) {
    return Files.exists(marker(host, stepId));
  }

  void begin(String host, String stepId) {
    try {
      Files.createDirectories(marker(host, stepId).getParent());
      Files.writeString(marker(host, stepId), "apply began; not verified yet\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + marker(host, stepId), e);
    }
  }

  void finished(String host, String stepId) {
    try {
      Files.deleteIfExists(marker(host, stepId));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + marker(host, stepId), e);
    }
  }
}
