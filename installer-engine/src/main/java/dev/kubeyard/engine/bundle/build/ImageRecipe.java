package dev.kubeyard.engine.bundle.build;

import dev.kubeyard.engine.bundle.Platform;
import java.nio.file.Path;
import java.util.List;

/**
 * What goes into one container image built from scratch: its files (each with its place in the
 * image), how it starts and as whom.
 *
 * @param reference the name and tag it is imported under, e.g. kubeyard.local/pause:1.0.0
 * @param layers the files, one image layer per inner list (rarely changing content first)
 * @param origin what it was built from, for the manifest
 */
public record ImageRecipe(String component, String version, String reference, List<List<ImageFile>> layers,
    List<String> entrypoint, String user, String origin, java.util.Map<String, String> environment) {

  /** Images built here are named under this prefix, never mistaken for an upstream registry's image. */
  public static final String REGISTRY = "kubeyard.local";

  /**
   * One file (or, with a directory as source, an empty directory) of an image: where it comes from on
   * the build machine and where it lands in the image; {@code mode} (octal, e.g. "777") and
   * {@code owner} ("uid:gid") are optional, null meaning 755/644 and root.
   */
  public record ImageFile(Path source, String target, boolean executable, String mode, String owner) {
    public ImageFile(Path source, String target, boolean executable) {
      this(source, target, executable, null, null);
    }
  }

  public ImageRecipe {
    layers = layers.stream().map(List::copyOf).toList();
    entrypoint = List.copyOf(entrypoint);
    environment = java.util.Map.copyOf(environment);
  }

  public ImageRecipe(String component, String version, String reference, List<List<ImageFile>> layers,
      List<String> entrypoint, String user, String origin) {
    this(component, version, reference, layers, entrypoint, user, origin, java.util.Map.of());
  }

  public static String reference(String component, String version) {
    return REGISTRY + "/" + component + ":" + version;
  }

  /** The archive's file name in the bundle, e.g. pause-1.0.0-linux-amd64.tar. */
  public String archiveName(Platform platform) {
    return component + "-" + version + "-" + platform.folder() + ".tar";
  }
}
