package dev.kubeyard.engine.bundle;

/**
 * One thing wrong with a bundle: the file (relative to the bundle folder) or manifest field it concerns,
 * what is wrong, and what to do about it.
 */
public record BundleProblem(String path, String problem, String fix) {
  @Override
  public String toString() {
    return path + ": " + problem + "; " + fix;
  }
}
