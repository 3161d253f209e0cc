package dev.kubeyard.engine.render;

import dev.kubeyard.engine.files.Sha256;

/**
 * One file destined for one host: its absolute path there, its bytes and its mode. {@code secret}
 * files (keys, the encryption config) are never printed or logged.
 */
public record RenderedFile(String host, String path, String content, int mode, boolean secret) {
  /** Owner read/write only: keys, and every Kubernetes file CIS level 1 wants at 600 or tighter. */
  public static final int ROOT_ONLY = 0600;

  public static RenderedFile config(String host, String path, String content) {
    return new RenderedFile(host, path, content, 0644, false);
  }

  /**
   * A file only root reads (units, kubeconfigs, component configs, manifests): 0600, as the CIS
   * Kubernetes Benchmark level 1 asks of them (1.1.1-1.1.9, 1.1.13-1.1.17, 4.1.1, 4.1.3, 4.1.5, 4.1.9;
   * ADR 38). Not secret: its content may be shown.
   */
  public static RenderedFile rootOnly(String host, String path, String content) {
    return new RenderedFile(host, path, content, ROOT_ONLY, false);
  }

  public static RenderedFile secret(String host, String path, String content) {
    return new RenderedFile(host, path, content, ROOT_ONLY, true);
  }

  public String sha256() {
    return Sha256.of(content);
  }

  /** The path as a relative folder path: /etc/x stays, a Windows C:/k/x becomes /C/k/x. */
  public String pathAsFolders() {
    return path.startsWith("/") ? path : "/" + path.replaceFirst("^([A-Za-z]):", "$1");
  }

  public String modeOctal() {
    return String.format("%04o", mode);
  }
}
