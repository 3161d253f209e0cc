package dev.kubeyard.engine.shell;

/**
 * One file placed from stdin: written to {@code temp} beside {@code path}, checked against {@code sha256},
 * given {@code mode} and renamed into place. On a mismatch the script exits {@link #MISMATCH}, keeping the
 * temp file only when {@code keepTemp} (to look at it).
 */
public record FileUpload(String path, String temp, String sha256, int mode, boolean keepTemp) {
  public static final int MISMATCH = 97;
  /** The temp file could not be written. */
  public static final int WRITE_FAILED = 98;

  /** An upload to {@code path} through a hidden temp file beside it, named with {@code unique}. */
  public static FileUpload beside(String path, String sha256, int mode, boolean keepTemp, String unique) {
    int slash = lastSlash(path);
    String temp = path.substring(0, slash + 1) + ".kubeyard-" + path.substring(slash + 1) + "." + unique + ".tmp";
    return new FileUpload(path, temp, sha256, mode, keepTemp);
  }

  /** The folder holding {@code path}, for a POSIX path or a Windows one with a drive ("C:/k"). */
  public String directory() {
    int slash = lastSlash(path);
    if (slash == 0 || (slash > 0 && path.charAt(slash - 1) == ':')) {
      return path.substring(0, slash + 1);
    }
    return path.substring(0, slash);
  }

  private static int lastSlash(String path) {
    return Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  }
}
