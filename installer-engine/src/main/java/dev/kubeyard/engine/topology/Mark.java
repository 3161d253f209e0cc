package dev.kubeyard.engine.topology;

import java.util.List;

/**
 * One thing on the picture, placed in pixels by {@link TopologyLayout}. Both renderers (the SVG file and the
 * desktop's canvas) only paint these, so the two pictures cannot drift apart.
 */
public sealed interface Mark {

  /** A labelled rectangle: the first line is its title (bold), the others plain. */
  record Box(String id, double x, double y, double width, double height, Tone tone, boolean dashed,
      List<String> lines) implements Mark {

    /** Where line {@code i}'s baseline starts (the layout sizes boxes for 16 px lines and 8 px padding). */
    public Point lineAt(int i) {
      return new Point(x + 8, y + 20 + 16 * i);
    }
  }

  /** A polyline along {@code points}; {@code arrow} puts a head on its last point. */
  record Route(List<Point> points, Tone tone, boolean arrow, boolean dashed) implements Mark {

    /**
     * The arrow head's triangle, tip first, for both painters. StrictMath and rounding to 1/100 px:
     * Math's trigonometry may differ in the last bit between JVMs, and the SVG's bytes must not.
     */
    public List<Point> head() {
      Point from = points.get(points.size() - 2);
      Point tip = points.get(points.size() - 1);
      double angle = StrictMath.atan2(tip.y() - from.y(), tip.x() - from.x());
      return List.of(tip, barb(tip, angle - 0.4), barb(tip, angle + 0.4));
    }

    private static Point barb(Point tip, double angle) {
      return new Point(cents(tip.x() - 8 * StrictMath.cos(angle)), cents(tip.y() - 8 * StrictMath.sin(angle)));
    }

    private static double cents(double v) {
      return Math.round(v * 100) / 100.0;
    }
  }

  /** A free text whose baseline starts at (x, y). */
  record Caption(double x, double y, String text, Tone tone, double size, boolean bold) implements Mark {}

  record Point(double x, double y) {}
}
