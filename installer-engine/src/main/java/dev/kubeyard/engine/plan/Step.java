package dev.kubeyard.engine.plan;

import java.util.List;

/**
 * One small, idempotent unit of the install on one host: {@code check} exits 0 when the step is
 * already satisfied (then nothing is applied); otherwise {@code apply} runs and {@code verify} must
 * pass afterwards.
 */
public record Step(String id, Phase phase, String host, String title, String check, List<Action> apply,
    String verify) {

  public Step {
    apply = List.copyOf(apply);
  }
}
