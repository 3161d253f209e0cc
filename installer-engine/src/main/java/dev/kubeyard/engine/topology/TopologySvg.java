package dev.kubeyard.engine.topology;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.topology.Mark.Box;
import dev.kubeyard.engine.topology.Mark.Caption;
import dev.kubeyard.engine.topology.Mark.Point;
import dev.kubeyard.engine.topology.Mark.Route;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.awt.Dimension;
import java.io.StringWriter;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.svggen.SVGGraphics2DIOException;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Paints a {@link TopologyDrawing} into an SVG document through Apache Batik's SVGGraphics2D (ADR 26): a
 * Graphics2D that writes SVG. Batik numbers its ids in order and formats numbers without the locale, this
 * draws no gradient or clip, and the generator's comment is dropped, so the same topology gives the same
 * bytes: a golden file holds it.
 */
public final class TopologySvg {
  private TopologySvg() {}

  /** The picture of the cluster a plan installs: topology.svg in the plan folder. */
  public static String of(ClusterFacts facts) {
    return render(TopologyLayout.draw(ClusterTopology.of(facts), LiveState.planned()));
  }

  public static String render(TopologyDrawing d) {
    Document doc = newDocument();
    SVGGeneratorContext context = SVGGeneratorContext.createDefault(doc);
    context.setComment(null);
    context.setPrecision(2);
    SVGGraphics2D g = new SVGGraphics2D(context, false);
    g.setSVGCanvasSize(new Dimension((int) d.width(), (int) d.height()));
    paint(g, d);
    Element root = g.getRoot();
    root.setAttributeNS(null, "viewBox", "0 0 " + (int) d.width() + " " + (int) d.height());
    StringWriter out = new StringWriter();
    try {
      g.stream(root, out, true, false);
    } catch (SVGGraphics2DIOException e) {
      throw new IllegalStateException("cannot write the topology's SVG", e);
    }
    // Batik writes a DOCTYPE that points at the SVG 1.0 DTD on w3.org; SVG 2 has none and a parser
    // that honours it goes to the network, so the document starts at <svg>, declared UTF-8.
    String svg = out.toString();
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg.substring(svg.indexOf("<svg")).strip() + "\n";
  }

  /** The JDK's DOM: Batik's generator needs only a Document to create its elements in. */
  private static Document newDocument() {
    try {
      return DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Paints on any Graphics2D: Batik's for the file, an image's to look at a change while working on it. */
  static void paint(Graphics2D g, TopologyDrawing d) {
    g.setColor(Color.decode(Tone.PAGE.fill()));
    g.fill(new Rectangle2D.Double(0, 0, d.width(), d.height()));
    for (Mark m : d.marks()) {
      if (m instanceof Box b) {
        box(g, b);
      } else if (m instanceof Route r) {
        route(g, r);
      } else if (m instanceof Caption c) {
        caption(g, c);
      }
    }
  }

  private static void box(Graphics2D g, Box b) {
    Rectangle2D.Double r = new Rectangle2D.Double(b.x(), b.y(), b.width(), b.height());
    g.setColor(Color.decode(b.tone().fill()));
    g.fill(r);
    g.setColor(Color.decode(b.tone().stroke()));
    g.setStroke(stroke(1.5, b.dashed()));
    g.draw(r);
    g.setColor(Color.decode(b.tone().text()));
    for (int i = 0; i < b.lines().size(); i++) {
      g.setFont(font(TopologyDrawing.TEXT_SIZE, i == 0));
      g.drawString(b.lines().get(i), (float) b.lineAt(i).x(), (float) b.lineAt(i).y());
    }
  }

  private static void route(Graphics2D g, Route r) {
    g.setColor(Color.decode(r.tone().stroke()));
    g.setStroke(stroke(1.5, r.dashed()));
    List<Point> p = r.points();
    for (int i = 1; i < p.size(); i++) {
      g.draw(new Line2D.Double(p.get(i - 1).x(), p.get(i - 1).y(), p.get(i).x(), p.get(i).y()));
    }
    if (r.arrow()) {
      g.setStroke(stroke(1, false));
      Path2D.Double head = new Path2D.Double();
      List<Point> h = r.head();
      head.moveTo(h.get(0).x(), h.get(0).y());
      head.lineTo(h.get(1).x(), h.get(1).y());
      head.lineTo(h.get(2).x(), h.get(2).y());
      head.closePath();
      g.fill(head);
    }
  }

  private static void caption(Graphics2D g, Caption c) {
    g.setColor(Color.decode(c.tone().text()));
    g.setFont(font(c.size(), c.bold()));
    g.drawString(c.text(), (float) c.x(), (float) c.y());
  }

  private static Font font(double size, boolean bold) {
    return new Font(Font.MONOSPACED, bold ? Font.BOLD : Font.PLAIN, (int) size);
  }

  private static BasicStroke stroke(double width, boolean dashed) {
    return dashed ? new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f)
        : new BasicStroke((float) width);
  }
}
