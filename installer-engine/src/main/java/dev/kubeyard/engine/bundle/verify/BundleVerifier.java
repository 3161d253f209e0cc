package dev.kubeyard.engine.bundle.verify;

import dev.kubeyard.engine.bundle.AppImage;
import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.bundle.BundleFile;
import dev.kubeyard.engine.bundle.BundleImage;
import dev.kubeyard.engine.bundle.BundleLink;
import dev.kubeyard.engine.bundle.BundleManifest;
import dev.kubeyard.engine.bundle.BundleProblem;
import dev.kubeyard.engine.bundle.BundleRequirements;
import dev.kubeyard.engine.bundle.ManifestJson;
import dev.kubeyard.engine.bundle.Platform;
import dev.kubeyard.engine.bundle.Source;
import dev.kubeyard.engine.files.Sha256;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.model.spec.ClusterSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a bundle folder against its manifest.json (every file present, size and sha256 as recorded,
 * executables and images built for the platform they are listed for) and, given a cluster spec,
 * against what that cluster needs. Collects every problem instead of stopping at the first.
 */
public final class BundleVerifier {

  /** The outcome: the manifest read (null when it could not be) and every problem found. */
  public record Report(BundleManifest manifest, List<BundleProblem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private BundleVerifier() {}

  /** Integrity only: is every listed file and image intact and of its listed platform? */
  public static Report verify(Path bundle) {
    return verify(bundle, null);
  }

  /** Integrity, and completeness for {@code spec} (already defaulted and valid) when it is not null. */
  public static Report verify(Path folder, ClusterSpec spec) {
    return verify(folder, spec, true, true);
  }

  /**
   * Before an install: every file present with its size, and complete for {@code spec}, without reading
   * 500 MB again; the transport checks each file's sha256 when it uploads it, and on the host after.
   */
  public static Report verifyForInstall(Path folder, ClusterSpec spec) {
    return verify(folder, spec, false, false);
  }

  /** {@link #verifyForInstall(Path, ClusterSpec)} for the facts' spec: completeness reads the whole spec. */
  public static Report verifyForInstall(Path folder, ClusterFacts facts) {
    return verifyForInstall(folder, facts.spec());
  }

  /**
   * {@code appImages}: also the images an app's deploy needs by reference (SQL Server's, ADR 41); the
   * install itself does not place them, so only {@code bundle verify} asks for them.
   */
  private static Report verify(Path folder, ClusterSpec spec, boolean hash, boolean appImages) {
    Path bundle = folder.toAbsolutePath().normalize();
    BundleManifest manifest;
    try {
      manifest = ManifestJson.read(bundle);
    } catch (BundleException e) {
      return new Report(null, List.of(new BundleProblem(BundleManifest.FILE_NAME, e.getMessage(),
          "nothing else can be checked without it")));
    }
    List<BundleProblem> problems = new ArrayList<>();
    for (BundleFile f : manifest.files()) {
      if (intact(bundle, f.path(), f.size(), f.sha256(), hash, problems)) {
        checkExecutablePlatform(bundle, f, problems);
      }
    }
    checkLinks(manifest, problems);
    for (BundleImage image : manifest.images()) {
      if (intact(bundle, image.path(), image.size(), image.sha256(), hash, problems)) {
        checkImage(bundle, image, problems);
      }
    }
    if (spec != null) {
      problems.addAll(Completeness.check(manifest, BundleRequirements.of(spec)));
      if (appImages) {
        problems.addAll(Completeness.checkAppImages(manifest, AppImage.of(spec)));
      }
    }
    return new Report(manifest, List.copyOf(problems));
  }

  /** Present, inside the bundle, of the recorded size and checksum. */
  private static boolean intact(Path bundle, String path, long size, String sha256, boolean hash,
      List<BundleProblem> out) {
    Path file = bundle.resolve(path).normalize();
    if (Path.of(path).isAbsolute() || !file.startsWith(bundle)) {
      out.add(new BundleProblem(path, "the path leads outside the bundle folder",
          "manifest.json was altered; copy the bundle again from its source"));
      return false;
    }
    if (!Files.isRegularFile(file)) {
      out.add(new BundleProblem(path, "listed in manifest.json but missing",
          "copy the bundle again (or extract its .tar.gz again), or rebuild it with 'kubeyard bundle build'"));
      return false;
    }
    try {
      long actualSize = Files.size(file);
      if (actualSize != size) {
        out.add(new BundleProblem(path, "is " + actualSize + " bytes but manifest.json records " + size,
            "the file is truncated or was changed; copy the bundle again from its source"));
        return false;
      }
      if (!hash) {
        return true;
      }
      String actual = Sha256.of(file);
      if (!actual.equals(sha256)) {
        out.add(new BundleProblem(path, "sha256 is " + actual + " but manifest.json records " + sha256,
            "the file was changed or damaged in transit; copy the bundle again from its source"));
        return false;
      }
      return true;
    } catch (IOException e) {
      out.add(new BundleProblem(path, "cannot be read: " + e.getMessage(), "check the file's permissions"));
      return false;
    }
  }

  private static void checkExecutablePlatform(Path bundle, BundleFile f, List<BundleProblem> out) {
    if (f.architecture().equals("all")) {
      return; // architecture-independent Debian package content: scripts, config, docs
    }
    try {
      Optional<Platform> built = ExecutableHeader.platformOf(bundle.resolve(f.path()));
      if (built.isPresent() && !built.get().equals(f.platform())) {
        out.add(new BundleProblem(f.path(), "is a " + built.get() + " executable but manifest.json lists it for "
            + f.platform(), "replace it with the " + f.platform() + " build of " + f.component() + " "
            + f.version() + " (rebuild or fetch the bundle for " + f.platform() + ")"));
      }
    } catch (IOException e) {
      out.add(new BundleProblem(f.path(), "cannot be read: " + e.getMessage(), "check the file's permissions"));
    }
  }

  /**
   * A relative link must lead to a file, link or folder the bundle has, or the installer would make a
   * dangling one.
   */
  private static void checkLinks(BundleManifest manifest, List<BundleProblem> out) {
    java.util.Set<String> known = new java.util.HashSet<>();
    manifest.files().forEach(f -> {
      known.add(f.path());
      for (Path dir = Path.of(f.path()).getParent(); dir != null; dir = dir.getParent()) {
        known.add(dir.toString().replace('\\', '/'));
      }
    });
    manifest.links().forEach(l -> known.add(l.path()));
    for (BundleLink link : manifest.links()) {
      if (link.target().startsWith("/")) {
        continue; // a path on the host, e.g. into another package or /etc/alternatives
      }
      String resolved = Path.of(link.path()).resolveSibling(link.target()).normalize().toString().replace('\\', '/');
      if (!known.contains(resolved)) {
        out.add(new BundleProblem(link.path(), "links to " + link.target() + " but the bundle has no " + resolved,
            "copy the bundle again from its source, or rebuild it with 'kubeyard bundle build'"));
      }
    }
  }

  /** A built image is rebuilt; an imported one is imported again, from the site's archive. */
  private static String rebuildOrImport(BundleImage image, String forPlatform) {
    if (image.source() == Source.IMPORTED) {
      return "import the site's archive of " + image.reference() + (forPlatform.isEmpty() ? "" : " " + forPlatform)
          + " again with 'kubeyard bundle import BUNDLE ARCHIVE.tar --name " + image.reference() + "'";
    }
    return forPlatform.isEmpty() ? "rebuild it with 'kubeyard bundle build'"
        : "rebuild the " + image.component() + " image " + forPlatform + " with 'kubeyard bundle build'";
  }

  private static void checkImage(Path bundle, BundleImage image, List<BundleProblem> out) {
    try {
      ImageArchive archive = ImageArchive.read(bundle.resolve(image.path()));
      if (!archive.platforms().contains(image.platform())) {
        out.add(new BundleProblem(image.path(), "the image is for " + archive.platforms().stream()
            .map(Platform::toString).collect(java.util.stream.Collectors.joining(", "))
            + " but manifest.json lists it for " + image.platform(),
            rebuildOrImport(image, "for " + image.platform())));
      }
      if (!archive.repoTags().contains(image.reference())) {
        out.add(new BundleProblem(image.path(), "the archive is tagged " + archive.repoTags() + ", not "
            + image.reference(), rebuildOrImport(image, "")));
      }
    } catch (BundleException e) {
      out.add(new BundleProblem(image.path(), e.getMessage(), "the image cannot be imported on the nodes"));
    }
  }
}
