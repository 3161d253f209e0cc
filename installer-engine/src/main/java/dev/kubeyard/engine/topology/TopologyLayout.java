package dev.kubeyard.engine.topology;

import dev.kubeyard.engine.topology.ClusterTopology.App;
import dev.kubeyard.engine.topology.ClusterTopology.Frontend;
import dev.kubeyard.engine.topology.ClusterTopology.Host;
import dev.kubeyard.engine.topology.Mark.Box;
import dev.kubeyard.engine.topology.Mark.Caption;
import dev.kubeyard.engine.topology.Mark.Point;
import dev.kubeyard.engine.topology.Mark.Route;
import dev.kubeyard.model.net.ComponentPorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Places the topology in rows, top to bottom: the VIP, the load balancers with haproxy's frontends, the
 * masters, the etcd members, the workers, the apps, the networks; then the traffic as routes (VRRP to the lb
 * hosts, the apiserver and ingress paths through haproxy, the apiservers to etcd, the apps onto their workers).
 * Everything is sized from character counts of a monospaced font, never from the machine's font metrics,
 * and rounded to whole pixels: the same topology gives the same marks on any machine, so the SVG's bytes are stable.
 */
public final class TopologyLayout {
  private static final double MARGIN = 24;
  private static final double GAP = 16;
  private static final double ROW_GAP = 60;
  private static final double PAD = 8;
  private static final double LINE = 16;
  /** The advance of a 12 px monospaced glyph (0.6 em), rounded up so text never overruns its box. */
  private static final double CHAR = 7.3;
  private static final double MIN_BOX = 132;
  /** The column right of the rows where the ingress route runs down to the workers. */
  private static final double LANE = 40;
  private static final double BUS = 24;

  private final ClusterTopology t;
  private final LiveState live;
  private final List<Mark> boxes = new ArrayList<>();
  private final List<Mark> routes = new ArrayList<>();
  private final List<Mark> captions = new ArrayList<>();

  private TopologyLayout(ClusterTopology t, LiveState live) {
    this.t = t;
    this.live = live;
  }

  public static TopologyDrawing draw(ClusterTopology topology, LiveState live) {
    return new TopologyLayout(topology, live).draw();
  }

  private record Spec(String id, Tone tone, List<String> lines) {
    double width() {
      return Math.max(MIN_BOX, Math.ceil(lines.stream().mapToInt(String::length).max().orElse(0) * CHAR + 2 * PAD));
    }
  }

  private TopologyDrawing draw() {
    String title = "Kubeyard cluster " + t.cluster() + " · Kubernetes " + t.kubernetesVersion();
    String footnote = live.live()
        ? "Live: Ready states from the Kubernetes API. Which lb host holds the VIP now is not known to it (ip addr on the lb hosts)."
        : t.vip() == null ? "A single master: clients reach its apiserver directly, there is no VIP."
        : "keepalived nopreempt (ADR 17): " + t.vip().firstHolder().name()
            + " takes the VIP first; after a failover the VIP stays where it moved.";
    List<Spec> vipRow = t.vip() == null ? List.of() : List.of(vipBox());
    List<Spec> lbRow = lbRow();
    List<Spec> masters = t.masters().stream().map(h -> host("master-", h, Tone.MASTER,
        "apiserver :" + ComponentPorts.APISERVER)).toList();
    List<Spec> etcd = t.etcd().stream().map(h -> new Spec("etcd-" + h.name(), Tone.ETCD, List.of("etcd " + h.name(),
        h.address(), "client :" + ComponentPorts.ETCD_CLIENT + ", peer :" + ComponentPorts.ETCD_PEER))).toList();
    List<Spec> workers = t.workers().stream().map(this::worker).toList();
    List<Spec> apps = t.apps().stream().map(TopologyLayout::app).toList();
    Spec networks = new Spec("networks", Tone.NETWORK, List.of("networks",
        "pods     " + t.podCidr() + " (" + t.podNetwork() + ")", "services " + t.serviceCidr()));

    double content = Stream.of(vipRow, lbRow, masters, etcd, workers, apps, List.of(networks))
        .mapToDouble(TopologyLayout::rowWidth).max().orElse(MIN_BOX);
    content = Math.max(content, Math.ceil(Math.max(title.length() * 14 * 0.6, footnote.length() * 11 * 0.6)) - LANE);
    double width = MARGIN * 2 + content + LANE;
    captions.add(new Caption(MARGIN, MARGIN + 14, title, Tone.PAGE, 14, true));

    double y = MARGIN + 40;
    List<Box> vip = place(vipRow, y, content, null);
    y = bottom(vip, y);
    List<Box> lbs = place(lbRow, y, content, "load balancers: haproxy + keepalived");
    y = bottom(lbs, y);
    List<Box> masterBoxes = place(masters, y, content, "masters");
    y = bottom(masterBoxes, y);
    List<Box> etcdBoxes = place(etcd, y, content, "etcd members");
    y = bottom(etcdBoxes, y);
    List<Box> workerBoxes = place(workers, y, content, "workers");
    y = bottom(workerBoxes, y);
    List<Box> appBoxes = place(apps, y, content, "apps");
    y = bottom(appBoxes, y) - (appBoxes.isEmpty() ? 0 : ROW_GAP - GAP);
    List<Box> networkBox = place(List.of(networks), y, content, null);
    y = bottom(networkBox, y) - ROW_GAP + 28;
    captions.add(new Caption(MARGIN, y, footnote, Tone.GROUP, 11, false));

    if (!vip.isEmpty()) {
      for (Box lb : lbs.subList(0, lbs.size() - 1)) {
        routes.add(new Route(List.of(bottomOf(vip.get(0)), topOf(lb)), Tone.VRRP, true, true));
      }
      Box haproxy = lbs.get(lbs.size() - 1);
      fan(List.of(bottomOf(haproxy)), masterBoxes, Tone.API_TRAFFIC,
          ":" + t.frontends().get(0).port() + " → :" + ComponentPorts.APISERVER);
      ingress(haproxy, workerBoxes, width - MARGIN - LANE / 2);
    }
    fan(masterBoxes.stream().map(TopologyLayout::bottomOf).toList(), etcdBoxes, Tone.ETCD_TRAFFIC,
        "apiservers → etcd :" + ComponentPorts.ETCD_CLIENT + " (TLS)");
    List<Point> appHosts = workerBoxes.stream().filter(b -> t.apps().stream().anyMatch(a -> a.runsOn().contains(nameOf(b))))
        .map(TopologyLayout::bottomOf).toList();
    if (!appHosts.isEmpty()) {
      fan(appHosts, appBoxes, Tone.INGRESS_TRAFFIC, "pods on the Linux workers");
    }
    List<Mark> marks = new ArrayList<>(boxes);
    marks.addAll(routes);
    marks.addAll(captions);
    return new TopologyDrawing(width, y + MARGIN, List.copyOf(marks));
  }

  private Spec vipBox() {
    Host first = t.vip().firstHolder();
    List<String> lines = new ArrayList<>(List.of("VIP " + t.vip().address(),
        "keepalived VRID " + t.vip().virtualRouterId() + ", nopreempt",
        "first holder " + first.name() + " (priority " + first.priority() + ")"));
    if (live.live()) {
      lines.add("holder now: not known to the API");
    }
    return new Spec("vip", Tone.VIP, lines);
  }

  /** The lb hosts by keepalived priority, then one box for haproxy's frontends (the same on every lb host). */
  private List<Spec> lbRow() {
    if (t.vip() == null) {
      return List.of();
    }
    List<Spec> row = new ArrayList<>();
    for (Host h : t.vip().holders()) {
      row.add(new Spec("lb-" + h.name(), Tone.LOAD_BALANCER, List.of(h.name(), h.address(),
          "keepalived priority " + h.priority())));
    }
    List<String> haproxy = new ArrayList<>(List.of("haproxy frontends (TCP)"));
    for (Frontend f : t.frontends()) {
      haproxy.add(f.name() + " *:" + f.port());
      haproxy.add("  → " + f.backends().stream().map(b -> b.host() + ":" + b.port()).collect(Collectors.joining(" ")));
    }
    row.add(new Spec("haproxy", Tone.LOAD_BALANCER, haproxy));
    return row;
  }

  private Spec host(String prefix, Host h, Tone tone, String what) {
    List<String> lines = new ArrayList<>(List.of(h.name(), h.address(), what));
    Boolean ready = live.ready(h);
    if (live.live()) {
      lines.add(ready == null ? "not reported" : ready ? "Ready" : "NotReady");
    }
    Tone shown = ready == null ? tone : ready ? Tone.READY : Tone.NOT_READY;
    return new Spec(prefix + h.name(), shown, lines);
  }

  private Spec worker(Host h) {
    if (h.windows()) {
      return host("worker-", h, Tone.WINDOWS_WORKER, "Windows worker");
    }
    String ingress = t.frontends().size() < 3 ? "Linux worker"
        : "Linux, ingress " + ingressFrontends().stream().map(f -> ":" + f.backends().get(0).port()).collect(Collectors.joining("/"));
    return host("worker-", h, Tone.LINUX_WORKER, ingress);
  }

  private static Spec app(App a) {
    List<String> lines = new ArrayList<>(List.of(a.name(), a.workload()));
    if (a.ingressHost() != null) {
      lines.add("ingress host " + a.ingressHost());
    }
    lines.add("on " + String.join(", ", a.runsOn()));
    return new Spec("app-" + a.name().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'), Tone.APP, lines);
  }

  private static double rowWidth(List<Spec> row) {
    return row.stream().mapToDouble(Spec::width).sum() + GAP * Math.max(0, row.size() - 1);
  }

  /** Puts a row's boxes side by side, centred, all as tall as its tallest; a row caption above on the left. */
  private List<Box> place(List<Spec> row, double top, double content, String caption) {
    if (row.isEmpty()) {
      return List.of();
    }
    int lines = row.stream().mapToInt(s -> s.lines().size()).max().orElse(1);
    double height = 2 * PAD + lines * LINE;
    double x = MARGIN + Math.floor((content - rowWidth(row)) / 2);
    List<Box> placed = new ArrayList<>();
    for (Spec s : row) {
      Box b = new Box(s.id(), x, top, s.width(), height, s.tone(), false, s.lines());
      placed.add(b);
      boxes.add(b);
      x += s.width() + GAP;
    }
    if (caption != null) {
      captions.add(new Caption(MARGIN, top - 6, caption, Tone.GROUP, 11, true));
    }
    return placed;
  }

  private static double bottom(List<Box> row, double top) {
    return row.isEmpty() ? top : top + row.get(0).height() + ROW_GAP;
  }

  /** Lines from every source down to a bus just above the targets' row, and an arrow from it into each target. */
  private void fan(List<Point> sources, List<Box> targets, Tone tone, String label) {
    if (sources.isEmpty() || targets.isEmpty()) {
      return;
    }
    double busY = targets.get(0).y() - BUS;
    for (Point s : sources) {
      routes.add(new Route(List.of(s, new Point(s.x(), busY)), tone, false, false));
    }
    bus(sources, targets, busY, tone);
    double left = Math.min(sources.get(0).x(), topOf(targets.get(0)).x());
    captions.add(new Caption(left + 4, busY - 5, label, tone, 11, false));
  }

  /** haproxy's 80/443 down the lane on the right to the Linux workers' ingress NodePorts. */
  private void ingress(Box haproxy, List<Box> workers, double laneX) {
    List<Box> linux = workers.stream().filter(b -> !b.lines().contains("Windows worker")).toList();
    if (linux.isEmpty() || t.frontends().size() < 3) {
      return;
    }
    double busY = linux.get(0).y() - BUS;
    double midY = haproxy.y() + Math.floor(haproxy.height() / 2);
    Point from = new Point(haproxy.x() + haproxy.width(), midY);
    routes.add(new Route(List.of(from, new Point(laneX, midY), new Point(laneX, busY)), Tone.INGRESS_TRAFFIC, false, false));
    bus(List.of(new Point(laneX, busY)), linux, busY, Tone.INGRESS_TRAFFIC);
    String label = "ingress " + ingressFrontends().stream()
        .map(f -> ":" + f.port() + " → :" + f.backends().get(0).port()).collect(Collectors.joining(", "));
    captions.add(new Caption(topOf(linux.get(0)).x() + 4, busY - 5, label, Tone.INGRESS_TRAFFIC, 11, false));
  }

  /** Every haproxy frontend after the apiserver's goes to the ingress controller's NodePorts. */
  private List<Frontend> ingressFrontends() {
    return t.frontends().subList(1, t.frontends().size());
  }

  private void bus(List<Point> sources, List<Box> targets, double busY, Tone tone) {
    List<Double> xs = new ArrayList<>(sources.stream().map(Point::x).toList());
    targets.forEach(b -> xs.add(topOf(b).x()));
    double min = xs.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double max = xs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    if (max > min) {
      routes.add(new Route(List.of(new Point(min, busY), new Point(max, busY)), tone, false, false));
    }
    for (Box b : targets) {
      routes.add(new Route(List.of(new Point(topOf(b).x(), busY), topOf(b)), tone, true, false));
    }
  }

  private static Point topOf(Box b) {
    return new Point(b.x() + Math.floor(b.width() / 2), b.y());
  }

  private static Point bottomOf(Box b) {
    return new Point(b.x() + Math.floor(b.width() / 2), b.y() + b.height());
  }

  private static String nameOf(Box b) {
    return Objects.requireNonNull(b.lines().get(0));
  }
}
