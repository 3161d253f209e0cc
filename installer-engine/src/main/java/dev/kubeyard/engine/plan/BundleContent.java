package dev.kubeyard.engine.plan;

import java.util.List;
import java.util.Map;

/**
 * What a plan takes from the offline bundle: each command, shared library and container image with its
 * place in the plan folder ({@code bundle/...}) and its sha256. Empty when the plan is written without
 * a bundle (then the steps that copy binaries and images are left out and the plan says so).
 */
public record BundleContent(String kubernetesVersion, Map<String, Artifact> commands, List<Library> libraries,
    Map<String, Image> images) {

  /** Where the plan folder links the bundle it was written from. */
  public static final String FOLDER = "bundle";

  /** A file in the bundle; {@code fileName} is what it is called on hosts (a multi-call binary keeps its own name). */
  public record Artifact(String source, String sha256) {
    public String fileName() {
      return source.substring(source.lastIndexOf('/') + 1);
    }
  }

  /** A shared library the bundle's Debian programs load, placed under its soname. */
  public record Library(String soname, String source, String sha256) {}

  /** A container image archive and the reference it is imported under. */
  public record Image(String component, String reference, String source, String sha256) {}

  public BundleContent {
    commands = Map.copyOf(commands);
    libraries = List.copyOf(libraries);
    images = Map.copyOf(images);
  }

  public static BundleContent none() {
    return new BundleContent("", Map.of(), List.of(), Map.of());
  }

  public boolean isEmpty() {
    return commands.isEmpty();
  }
}
