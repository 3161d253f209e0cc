package dev.kubeyard.engine.apps.elasticsearch;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An Elasticsearch release such as 7.17.29; ordering decides upgrades, the major decides discovery. */
public record EsVersion(int major, int minor, int patch) implements Comparable<EsVersion> {
  private static final Pattern FORM = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

  public static EsVersion of(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("not an Elasticsearch version: " + text + " (expected e.g. 7.17.29)");
    }
    return new EsVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
  }

  /** 6.x clusters discover through zen1 (minimum_master_nodes, unicast hosts); 7.0 brought zen2. */
  public boolean usesZen1Discovery() {
    return major < 7;
  }

  /** {@code node.roles} exists from 7.9; before, the booleans node.master / node.data / node.ingest. */
  public boolean hasNodeRolesSetting() {
    return major > 7 || (major == 7 && minor >= 9);
  }

  public boolean isAfter(EsVersion other) {
    return compareTo(other) > 0;
  }

  @Override
  public int compareTo(EsVersion o) {
    int c = Integer.compare(major, o.major);
    if (c == 0) {
      c = Integer.compare(minor, o.minor);
    }
    return c != 0 ? c : Integer.compare(patch, o.patch);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
