package dev.kubeyard.desktop.ui;

import javafx.animation.AnimationTimer;

/**
 * Measures how long the FX thread stays away from rendering: an animation timer asks for a frame on
 * every pulse (about 60 a second), so the longest gap between two frames is the longest stall a person
 * would see (a gap of ~17 ms is a normal frame).
 */
final class FxStallMeter extends AnimationTimer {
  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
  private long last;
  private long lastCpu;
  private long longestNanos;
  private long frames;
  final java.util.List<String> longGaps = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Override
  public void handle(long pulse) {
    long now = System.nanoTime();
    long cpu = THREADS.getCurrentThreadCpuTime();
    if (last != 0) {
      longestNanos = Math.max(longestNanos, now - last);
      if (now - last > 50_000_000L) {
        // the JVM's uptime at the gap's end (to line it up with a -Xlog:gc*,safepoint log) and the FX
        // thread's own CPU time in the gap: near the gap, it was busy; near zero, it waited for a core
        longGaps.add(String.format("frame %d at %.3fs, FX CPU %.0f ms: %.0f ms", frames,
            java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3, (cpu - lastCpu) / 1e6,
            (now - last) / 1e6));
      }
    }
    last = now;
    lastCpu = cpu;
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
