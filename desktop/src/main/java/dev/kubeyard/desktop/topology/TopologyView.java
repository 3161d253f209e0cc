package dev.kubeyard.desktop.topology;

import dev.kubeyard.engine.topology.Mark;
import dev.kubeyard.engine.topology.Mark.Box;
import dev.kubeyard.engine.topology.Mark.Caption;
import dev.kubeyard.engine.topology.Mark.Point;
import dev.kubeyard.engine.topology.Mark.Route;
import dev.kubeyard.engine.topology.Tone;
import dev.kubeyard.engine.topology.TopologyDrawing;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * The cluster's topology on screen: paints the marks its view model laid out, the same marks topology.svg
 * is painted from (ADR 26), onto a canvas in a scroll pane. It only paints; it lays out nothing.
 */
public final class TopologyView {
  private final Canvas canvas = new Canvas();
  private final ScrollPane root = new ScrollPane(canvas);

  public TopologyView(ObservableValue<TopologyDrawing> drawing, String id) {
    root.setId(id);
    root.setPannable(true);
    canvas.setId(id + "-canvas");
    drawing.addListener((o, old, now) -> paint(now));
    paint(drawing.getValue());
  }

  private void paint(TopologyDrawing d) {
    GraphicsContext g = canvas.getGraphicsContext2D();
    if (d == null) {
      canvas.setWidth(0);
      canvas.setHeight(0);
      return;
    }
    canvas.setWidth(d.width());
    canvas.setHeight(d.height());
    g.setFill(Color.web(Tone.PAGE.fill()));
    g.fillRect(0, 0, d.width(), d.height());
    for (Mark m : d.marks()) {
      if (m instanceof Box b) {
        box(g, b);
      } else if (m instanceof Route r) {
        route(g, r);
      } else if (m instanceof Caption c) {
        g.setFill(Color.web(c.tone().text()));
        g.setFont(font(c.size(), c.bold()));
        g.fillText(c.text(), c.x(), c.y());
      }
    }
  }

  private static void box(GraphicsContext g, Box b) {
    g.setFill(Color.web(b.tone().fill()));
    g.fillRect(b.x(), b.y(), b.width(), b.height());
    g.setStroke(Color.web(b.tone().stroke()));
    g.setLineWidth(1.5);
    g.setLineDashes(b.dashed() ? new double[] {5, 4} : null);
    g.strokeRect(b.x(), b.y(), b.width(), b.height());
    g.setFill(Color.web(b.tone().text()));
    for (int i = 0; i < b.lines().size(); i++) {
      g.setFont(font(TopologyDrawing.TEXT_SIZE, i == 0));
      g.fillText(b.lines().get(i), b.lineAt(i).x(), b.lineAt(i).y());
    }
  }

  private static void route(GraphicsContext g, Route r) {
    Color colour = Color.web(r.tone().stroke());
    g.setStroke(colour);
    g.setLineWidth(1.5);
    g.setLineDashes(r.dashed() ? new double[] {5, 4} : null);
    List<Point> p = r.points();
    for (int i = 1; i < p.size(); i++) {
      g.strokeLine(p.get(i - 1).x(), p.get(i - 1).y(), p.get(i).x(), p.get(i).y());
    }
    if (r.arrow()) {
      List<Point> h = r.head();
      g.setFill(colour);
      g.fillPolygon(h.stream().mapToDouble(Point::x).toArray(), h.stream().mapToDouble(Point::y).toArray(), h.size());
    }
  }

  private static Font font(double size, boolean bold) {
    return Font.font("Monospaced", bold ? FontWeight.BOLD : FontWeight.NORMAL, size);
  }

  public ScrollPane node() {
    return root;
  }
}
