package dev.kubeyard.desktop.ui;

import javafx.animation.AnimationTimer;

/**
 * Measures how long the FX thread stays away from rendering: an animation timer asks for a frame on
 * every pulse (about 60 a second), so the longest gap between two frames is the longest stall a person
 * would see (a gap of ~17 ms is a normal frame).
 */
final class FxStallMeter extends AnimationTimer {
  private long last;
  private long longestNanos;
  private long frames;
  final java.util.List<String> longGaps = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Override
  public void handle(long pulse) {
    long now = System.nanoTime();
    if (last != 0) {
      longestNanos = Math.max(longestNanos, now - last);
      if (now - last > 50_000_000L) {
        longGaps.add(String.format("frame %d: %.0f ms", frames, (now - last) / 1e6));
      }
    }
    last = now;
    frames++;
  }

  /** Stops measuring (e.g. while a screenshot is taken); {@link #start()} resumes without counting the pause. */
  @Override
  public void stop() {
    super.stop();
    last = 0;
  }

  double longestMillis() {
    return longestNanos / 1_000_000.0;
  }

  long frames() {
    return frames;
  }
}
