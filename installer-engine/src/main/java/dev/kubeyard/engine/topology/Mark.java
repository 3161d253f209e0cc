package dev.kubeyard.engine.topology;

import java.util.List;

/**
 * One thing on the picture, placed in pixels by {@link TopologyLayout}. Both renderers (the SVG file and the
 * desktop's canvas) only paint these, so the two pictures cannot drift apart.
 */
public sealed interface Mark {

  /** A labelled rectangle: the first line is its title (bold), the others plain. */
  record Box(String id, double x, double y, double width, double height, Tone tone, boolean dashed,
      List<String> lines) implements Mark {}

  /** A polyline along {@code points}; {@code arrow} puts a head on its last point. */
  record Route(List<Point> points, Tone tone, boolean arrow, boolean dashed) implements Mark {}

  /** A free text whose baseline starts at (x, y). */
  record Caption(double x, double y, String text, Tone tone, double size, boolean bold) implements Mark {}

  record Point(double x, double y) {}
}
