package dev.kubeyard.engine.bundle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** A bundle's contents as text: one line per component (or per file) and per image. */
public final class BundleListing {
  private BundleListing() {}

  public static String render(BundleManifest m, boolean everyFile) {
    StringBuilder out = new StringBuilder();
    out.append("Kubernetes ").append(m.kubernetesVersion()).append(" for ").append(m.architecture())
        .append(" hosts: ").append(m.files().size()).append(" files, ").append(m.images().size())
        .append(" images, ").append(size(m.totalSize())).append('\n');
    List<String[]> rows = new ArrayList<>();
    if (everyFile) {
      rows.add(new String[] {"PATH", "COMPONENT", "VERSION", "PLATFORM", "SIZE", "SOURCE"});
      m.files().forEach(f -> rows.add(new String[] {f.path(), f.component(), f.version(),
          f.platform().toString(), size(f.size()), f.source().jsonName()}));
    } else {
      rows.add(new String[] {"COMPONENT", "VERSION", "PLATFORM", "FILES", "SIZE", "SOURCE", "COMMANDS"});
      Map<String, List<BundleFile>> byComponent = new LinkedHashMap<>();
      m.files().stream().sorted((a, b) -> (a.component() + a.platform()).compareTo(b.component() + b.platform()))
          .forEach(f -> byComponent.computeIfAbsent(f.component() + " " + f.version() + " " + f.platform(),
              k -> new ArrayList<>()).add(f));
      byComponent.values().forEach(files -> {
        BundleFile first = files.get(0);
        TreeSet<String> commands = new TreeSet<>();
        files.forEach(f -> commands.addAll(f.provides()));
        rows.add(new String[] {first.component(), first.version(), first.platform().toString(),
            String.valueOf(files.size()), size(files.stream().mapToLong(BundleFile::size).sum()),
            first.source().jsonName(), String.join(",", commands)});
      });
    }
    table(rows, out);
    if (!m.images().isEmpty()) {
      out.append('\n');
      List<String[]> images = new ArrayList<>();
      images.add(new String[] {"IMAGE", "PLATFORM", "SIZE", "SOURCE", "PATH"});
      m.images().forEach(i -> images.add(new String[] {i.reference(), i.platform().toString(), size(i.size()),
          i.source().jsonName(), i.path()}));
      table(images, out);
    }
    return out.toString();
  }

  /** A byte count as people read it: 512 B, 3.4 KiB, 120.0 MiB. */
  public static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
  }

  private static void table(List<String[]> rows, StringBuilder out) {
    int[] width = new int[rows.get(0).length];
    rows.forEach(r -> {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    });
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        line.append(i == r.length - 1 ? r[i] : String.format(Locale.ROOT, "%-" + (width[i] + 2) + "s", r[i]));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }
}
