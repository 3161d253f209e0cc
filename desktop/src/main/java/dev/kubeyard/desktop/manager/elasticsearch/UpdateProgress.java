package dev.kubeyard.desktop.manager.elasticsearch;

import dev.kubeyard.engine.apps.elasticsearch.update.UpdateState;

/**
 * The last or running update for the summary: {@code phase} is in_progress, completed, cancelled
 * (stored) or running, failed (live).
 */
public record UpdateProgress(String kind, String from, String to, String phase, int done, int total, String current) {
  static UpdateProgress of(UpdateState s) {
    return new UpdateProgress(s.kind().name().toLowerCase(), s.from().toString(), s.to().toString(),
        s.phase().name().toLowerCase(), s.done().size(),
        s.order().size(), s.current());
  }

  UpdateProgress with(String phase, int done, int total, String current) {
    return new UpdateProgress(kind, from, to, phase, done, total, current);
  }

  public double fraction() {
    return total == 0 ? 0 : (double) done / total;
  }
}
