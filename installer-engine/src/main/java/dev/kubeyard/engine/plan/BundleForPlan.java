package dev.kubeyard.engine.plan;

import dev.kubeyard.engine.bundle.BundleCache;
import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.bundle.BundleFile;
import dev.kubeyard.engine.bundle.BundleLine;
import dev.kubeyard.engine.bundle.BundleLink;
import dev.kubeyard.engine.bundle.BundleManifest;
import dev.kubeyard.engine.bundle.BundleProblem;
import dev.kubeyard.engine.bundle.BundleRequirements;
import dev.kubeyard.engine.bundle.ManifestJson;
import dev.kubeyard.engine.bundle.Platform;
import dev.kubeyard.engine.bundle.verify.BundleVerifier;
import dev.kubeyard.engine.facts.ClusterFacts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An offline bundle as a plan sees it. Finds the bundle to install from (the one given, or else the
 * newest built on this machine when it carries the spec's Kubernetes version), refuses one that cannot
 * install the spec (a missing binary or image, a damaged file) before any host is touched, and turns
 * its manifest into {@link BundleContent}: each Linux command, library and image, by place and sha256.
 * Reads bundles only; building them is bundle.build's job. CLI and desktop share it.
 */
public final class BundleForPlan {
  private static final Pattern LIBRARY = Pattern.compile(".*/lib/x86_64-linux-gnu/(lib[^/]+\\.so(\\.[0-9]+)*)$");
  private static final Platform LINUX = new Platform("linux", BundleRequirements.HOST_ARCHITECTURE);

  private BundleForPlan() {}

  /** The bundle to install from: {@code given}, or the newest built here for the facts' version. */
  public static Optional<Path> locate(Path given, ClusterFacts facts) {
    return locate(given, facts, BundleCache.fromEnvironment());
  }

  /** As {@link #locate(Path, ClusterFacts)}, looking in {@code cache}: each line has its own newest bundle. */
  static Optional<Path> locate(Path given, ClusterFacts facts, BundleCache cache) {
    if (given != null) {
      return Optional.of(given);
    }
    return cache.latestBundle(BundleLine.ofVersion(facts.version().toString()))
        .filter(b -> b.getFileName().toString().startsWith("kubeyard-bundle-" + facts.version() + "-"));
  }

  /** Verifies {@code bundle} against the spec, then writes the plan that installs from it. */
  public static Plan write(ClusterFacts facts, Path planDir, Path bundle) throws IOException, BundleException {
    BundleVerifier.Report report = BundleVerifier.verifyForInstall(bundle, facts);
    if (!report.ok()) {
      List<BundleProblem> problems = report.problems();
      throw new BundleException("the bundle " + bundle + " cannot install this spec:\n" + problems.stream()
          .map(p -> "  " + p.path() + ": " + p.problem() + "\n    fix: " + p.fix()).collect(Collectors.joining("\n")));
    }
    return PlanBuilder.write(facts, planDir, bundle, read(bundle));
  }

  /** The manifest of {@code bundle} as the plan needs it, without verifying the files (see {@link #write}). */
  public static BundleContent read(Path bundle) throws BundleException {
    return of(ManifestJson.read(bundle));
  }

  static BundleContent of(BundleManifest m) {
    String at = BundleContent.FOLDER + "/";
    Map<String, BundleContent.Artifact> commands = new TreeMap<>();
    m.commands(LINUX).forEach((name, f) -> commands.put(name, new BundleContent.Artifact(at + f.path(), f.sha256())));
    Map<String, BundleFile> byPath = new TreeMap<>();
    m.files().forEach(f -> byPath.put(f.path(), f));
    Map<String, BundleContent.Library> libraries = new TreeMap<>();
    for (BundleFile f : m.files()) {
      var match = LIBRARY.matcher(f.path());
      if (match.matches() && f.component().startsWith("lib")) {
        libraries.put(match.group(1), new BundleContent.Library(match.group(1), at + f.path(), f.sha256()));
      }
    }
    // the sonames programs ask for are links to the versioned file: place the file under the link's name
    for (BundleLink l : m.links()) {
      var match = LIBRARY.matcher(l.path());
      BundleFile target = byPath.get(Path.of(l.path()).resolveSibling(l.target()).normalize().toString());
      if (match.matches() && target != null && l.component().startsWith("lib")) {
        libraries.put(match.group(1), new BundleContent.Library(match.group(1), at + target.path(), target.sha256()));
      }
    }
    Map<String, BundleContent.Image> images = new TreeMap<>();
    m.images().stream().filter(i -> i.platform().equals(LINUX)).forEach(i -> images.put(i.component(),
        new BundleContent.Image(i.component(), i.reference(), at + i.path(), i.sha256())));
    return new BundleContent(m.kubernetesVersion(), commands, new ArrayList<>(libraries.values()), images);
  }
}
