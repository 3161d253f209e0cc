package dev.kubeyard.engine.bundle.build;

import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.bundle.BundleFile;
import dev.kubeyard.engine.bundle.BundleLink;
import dev.kubeyard.engine.bundle.Platform;
import dev.kubeyard.engine.bundle.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * One unpacked Debian package: its regular files (moved into the bundle under debian/PACKAGE/) and
 * its symbolic links (recorded for the installer, not kept as links). Manual pages, changelogs and other
 * documentation are left out; each package's copyright file stays.
 */
record DebianTree(DebianPackage pkg, Path root, List<Path> files, Map<String, String> links) {

  private static final String CNI_DIR = "usr/lib/cni/";
  private static final List<String> BIN_DIRS = List.of("bin/", "sbin/", "usr/bin/", "usr/sbin/", CNI_DIR);
  private static final List<String> LEFT_OUT = List.of("usr/share/man/", "usr/share/info/", "usr/share/lintian/",
      "usr/share/bug/", "usr/share/doc-base/");

  /** Unpacks {@code deb} into {@code root} (emptied first) and reads what it holds. */
  public static DebianTree unpack(DebianArchive archive, DebianPackage pkg, Path deb, Path root)
      throws BundleException, IOException {
    deleteTree(root);
    Files.createDirectories(root);
    archive.unpack(deb, root);
    List<Path> files = new ArrayList<>();
    Map<String, String> links = new HashMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted().toList()) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        if (leftOut(rel)) {
          continue;
        }
        if (Files.isSymbolicLink(p)) {
          links.put(rel, Files.readSymbolicLink(p).toString());
        } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          files.add(p);
        }
      }
    }
    DebianAlternatives.of(pkg.name()).forEach(a -> links.put(a.path(), a.target()));
    return new DebianTree(pkg, root, List.copyOf(files), Map.copyOf(links));
  }

  static boolean leftOut(String rel) {
    if (rel.startsWith("usr/share/doc/")) {
      return !rel.endsWith("/copyright");
    }
    return LEFT_OUT.stream().anyMatch(rel::startsWith);
  }

  /** The commands an executable answers to: its own name and the names of links in bin folders to it. */
  List<String> commandsOf(Path file) throws IOException {
    String rel = root.relativize(file).toString().replace('\\', '/');
    if (BIN_DIRS.stream().noneMatch(d -> rel.startsWith(d) && rel.indexOf('/', d.length()) < 0)
        || !Files.isExecutable(file)) {
      return List.of();
    }
    // CNI plugins are named cni/NAME: "bridge" is also iproute2's command.
    String prefix = rel.startsWith(CNI_DIR) ? "cni/" : "";
    TreeSet<String> names = new TreeSet<>();
    names.add(prefix + file.getFileName().toString());
    links.forEach((link, target) -> {
      if (BIN_DIRS.stream().anyMatch(d -> link.startsWith(d) && link.indexOf('/', d.length()) < 0)
          && rel.equals(resolve(link))) {
        names.add((link.startsWith(CNI_DIR) ? "cni/" : "") + link.substring(link.lastIndexOf('/') + 1));
      }
    });
    return List.copyOf(names);
  }

  /** Follows a link (and links it points at) inside this package; the final package path, or null. */
  String resolve(String link) {
    return RootFilesystem.resolve(link, links);
  }

  /** Moves the files into {@code bundle}/debian/PACKAGE/ and describes files and links for the manifest. */
  public void moveInto(Path bundle, String architecture, List<BundleFile> files, List<BundleLink> linksOut)
      throws IOException {
    Path target = bundle.resolve("debian").resolve(pkg.name());
    deleteTree(target);
    String origin = "debian:" + pkg.pinned();
    Platform platform = new Platform("linux", pkg.architecture().equals("all") ? "all" : architecture);
    for (Path f : this.files) {
      List<String> commands = commandsOf(f);
      Path moved = target.resolve(root.relativize(f).toString());
      Files.createDirectories(moved.getParent());
      Files.move(f, moved, StandardCopyOption.REPLACE_EXISTING);
      files.add(BundleEntries.file(bundle, moved, pkg.name(), pkg.version(), platform, Source.DEBIAN, origin,
          commands));
    }
    links.forEach((link, to) -> linksOut.add(new BundleLink("debian/" + pkg.name() + "/" + link, to, pkg.name(),
        DebianAlternatives.of(pkg.name()).stream().anyMatch(a -> a.path().equals(link))
            ? DebianAlternatives.ORIGIN : origin)));
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
