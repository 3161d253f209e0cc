package dev.kubeyard.engine.topology;

/**
 * The colours of the picture, one per kind of thing, as web colours both renderers read (AWT for the SVG,
 * JavaFX on screen), so the file and the screen match. Ready and not-ready colour a kubelet's box when the
 * picture is live.
 */
public enum Tone {
  PAGE("#ffffff", "#ffffff", "#1f2933"),
  GROUP("#f7f9fb", "#9aa5b1", "#52606d"),
  VIP("#fff4e5", "#d9822b", "#1f2933"),
  LOAD_BALANCER("#fef9ec", "#c99a2e", "#1f2933"),
  MASTER("#e8f1fd", "#2d6cdf", "#1f2933"),
  ETCD("#eef7ee", "#3f8f4a", "#1f2933"),
  LINUX_WORKER("#f3eefc", "#7b5ccf", "#1f2933"),
  WINDOWS_WORKER("#e6f6fb", "#0f7ea8", "#1f2933"),
  NETWORK("#f4f5f7", "#7b8794", "#1f2933"),
  APP("#fdeef4", "#c2457a", "#1f2933"),
  API_TRAFFIC("#2d6cdf", "#2d6cdf", "#2d6cdf"),
  INGRESS_TRAFFIC("#7b5ccf", "#7b5ccf", "#7b5ccf"),
  ETCD_TRAFFIC("#3f8f4a", "#3f8f4a", "#3f8f4a"),
  VRRP("#d9822b", "#d9822b", "#d9822b"),
  READY("#e3f9e5", "#2f8132", "#1f2933"),
  NOT_READY("#ffe3e3", "#cf1124", "#1f2933");

  private final String fill;
  private final String stroke;
  private final String text;

  Tone(String fill, String stroke, String text) {
    this.fill = fill;
    this.stroke = stroke;
    this.text = text;
  }

  public String fill() {
    return fill;
  }

  public String stroke() {
    return stroke;
  }

  public String text() {
    return text;
  }
}
