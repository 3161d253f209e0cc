package dev.kubeyard.engine.bundle;

import dev.kubeyard.engine.plan.BundleContent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Turns a bundle's manifest into what the plan needs: each Linux command, library and image, by place and sha256. */
public final class PlanBundle {
  private static final Pattern LIBRARY = Pattern.compile(".*/lib/x86_64-linux-gnu/(lib[^/]+\\.so(\\.[0-9]+)*)$");
  private static final Platform LINUX = new Platform("linux", BundleRequirements.HOST_ARCHITECTURE);

  private PlanBundle() {}

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
