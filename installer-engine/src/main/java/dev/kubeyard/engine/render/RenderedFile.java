package dev.kubeyard.engine.render;

import dev.kubeyard.engine.files.Sha256;

/**
 * One file destined for one host: its absolute path there, its bytes and its mode. {@code secret}
 * files (keys, the encryption config) are never printed or logged.
 */
public record RenderedFile(String host, String path, String content, int mode, boolean secret) {

  public static RenderedFile config(String host, String path, String content) {
    return new RenderedFile(host, path, content, 0644, false);
  }

  public static RenderedFile secret(String host, String path, String content) {
    return new RenderedFile(host, path, content, 0600, true);
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
