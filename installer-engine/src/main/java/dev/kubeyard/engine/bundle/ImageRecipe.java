package dev.kubeyard.engine.bundle;

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
    List<String> entrypoint, String user, String origin) {

  /** Images built here are named under this prefix, never mistaken for an upstream registry's image. */
  public static final String REGISTRY = "kubeyard.local";

  /** One file of an image: where it comes from on the build machine and where it lands in the image. */
  public record ImageFile(Path source, String target, boolean executable) {}

  public ImageRecipe {
    layers = layers.stream().map(List::copyOf).toList();
    entrypoint = List.copyOf(entrypoint);
  }

  public static String reference(String component, String version) {
    return REGISTRY + "/" + component + ":" + version;
  }

  /** The archive's file name in the bundle, e.g. pause-1.0.0-linux-amd64.tar. */
  public String archiveName(Platform platform) {
    return component + "-" + version + "-" + platform.folder() + ".tar";
  }
}
