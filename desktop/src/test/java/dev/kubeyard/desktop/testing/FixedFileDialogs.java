package dev.kubeyard.desktop.testing;

import dev.kubeyard.desktop.fx.FileDialogs;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Answers file dialogs with paths the test chose (native dialogs cannot be driven by a robot). */
public final class FixedFileDialogs implements FileDialogs {
  private final Map<Kind, Path> answers = new EnumMap<>(Kind.class);

  public FixedFileDialogs answer(Kind kind, Path path) {
    answers.put(kind, path);
    return this;
  }

  @Override
  public Optional<Path> open(Kind kind) {
    return Optional.ofNullable(answers.get(kind));
  }

  @Override
  public Optional<Path> save(Kind kind, String suggestedName) {
    return Optional.ofNullable(answers.get(kind));
  }
}
