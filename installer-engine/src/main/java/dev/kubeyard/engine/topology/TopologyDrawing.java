package dev.kubeyard.engine.topology;

import java.util.List;

/** The laid-out picture: its size and the marks to paint, back to front. */
public record TopologyDrawing(double width, double height, List<Mark> marks) {

  /** The monospaced font size of box text; {@link TopologyLayout} sizes boxes for it. */
  public static final double TEXT_SIZE = 12;
}
