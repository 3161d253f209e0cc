package dev.kubeyard.engine.bundle.build;

import dev.kubeyard.engine.bundle.BundleException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several unpacked Debian packages seen as one root filesystem for an image layer. Jib layers hold
 * files only, so each symbolic link becomes a copy of the file it resolves to (across packages, e.g.
 * /lib64/ld-linux-x86-64.so.2 in libc6, or iptables -> xtables-nft-multi).
 */
final class RootFilesystem {

  private RootFilesystem() {}

  static List<ImageRecipe.ImageFile> files(List<DebianTree> trees) throws BundleException {
    Map<String, Path> files = new LinkedHashMap<>();
    Map<String, String> links = new LinkedHashMap<>();
    for (DebianTree t : trees) {
      for (Path f : t.files()) {
        files.putIfAbsent(t.root().relativize(f).toString().replace('\\', '/'), f);
      }
      links.putAll(t.links());
    }
    List<ImageRecipe.ImageFile> out = new ArrayList<>();
    files.forEach((rel, source) -> out.add(new ImageRecipe.ImageFile(source, "/" + rel, Files.isExecutable(source))));
    for (Map.Entry<String, String> link : links.entrySet()) {
      String resolved = resolve(link.getKey(), links);
      Path source = resolved == null ? null : files.get(resolved);
      if (source != null && !files.containsKey(link.getKey())) {
        out.add(new ImageRecipe.ImageFile(source, "/" + link.getKey(), Files.isExecutable(source)));
      }
    }
    return out;
  }

  /** Follows links (absolute or relative) through the combined tree; null for a loop. */
  static String resolve(String path, Map<String, String> links) {
    String current = path;
    for (int hops = 0; hops < 16 && links.containsKey(current); hops++) {
      String target = links.get(current);
      Path base = target.startsWith("/") ? Path.of("/") : Path.of("/" + current).getParent();
      current = base.resolve(target).normalize().toString().substring(1);
    }
    return links.containsKey(current) ? null : current;
  }
}
