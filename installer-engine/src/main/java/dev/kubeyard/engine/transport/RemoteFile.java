package dev.kubeyard.engine.transport;

/**
 * A file as it must end up on a host: absolute path (POSIX, or a Windows drive path such as C:/k/x),
 * content hash and mode.
 */
public record RemoteFile(String path, String sha256, int mode) {
  public RemoteFile {
    if (!path.startsWith("/") && !path.matches("[A-Za-z]:/.*")) {
      throw new IllegalArgumentException("a remote path must be absolute: " + path);
    }
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a sha256 hex digest: " + sha256);
    }
  }

  public String directory() {
    int slash = path.lastIndexOf('/');
    return slash == 0 ? "/" : path.substring(0, slash);
  }

  public String fileName() {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
