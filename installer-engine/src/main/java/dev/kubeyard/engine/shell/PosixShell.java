package dev.kubeyard.engine.shell;

import dev.kubeyard.model.spec.OsFamily;
import java.util.List;
import java.util.stream.Collectors;

/** sh on a Linux host with systemd and coreutils: the commands Kubeyard has always sent there. */
public final class PosixShell implements HostShell {
  static final PosixShell INSTANCE = new PosixShell();

  private PosixShell() {}

  @Override
  public OsFamily os() {
    return OsFamily.LINUX;
  }

  @Override
  public String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** sshd already hands the command to the user's POSIX login shell. */
  @Override
  public String commandLine(String script) {
    return script;
  }

  @Override
  public String withEnvironment(String name, String value, String script) {
    String v = value.matches("[A-Za-z0-9._/:-]+") ? value : quote(value);
    return name + "=" + v + "; export " + name + "; " + script;
  }

  /** sshd starts each command in a new session, so the shell's pid is also its process group. */
  @Override
  public String reportingPid(String mark, String script) {
    return "printf '" + mark + "%s\\n' $$ >&2; exec 2>&1; " + script;
  }

  @Override
  public String stopTree(long pid) {
    return "kill -TERM -- -" + pid + " 2>/dev/null; sleep 1; kill -KILL -- -" + pid + " 2>/dev/null; true";
  }

  @Override
  public boolean isAbsolute(String path) {
    return path.startsWith("/");
  }

  @Override
  public String upload(FileUpload u) {
    String q = quote(u.temp());
    return "mkdir -p " + quote(u.directory())
        + " && { (umask 077 && cat > " + q + ") || { rm -f " + q + "; exit " + FileUpload.WRITE_FAILED + "; }; }"
        + " && if echo " + quote(u.sha256() + "  " + u.temp()) + " | sha256sum -c --status; then"
        + " chmod " + String.format("%04o", u.mode()) + " " + q + " && mv -f " + q + " " + quote(u.path()) + ";"
        + " else echo \"sha256 mismatch: expected " + u.sha256() + ", found $(sha256sum < " + q + " | cut -d' ' -f1)\";"
        + (u.keepTemp() ? " echo \"kept " + u.temp() + " (--retain)\";" : " rm -f " + q + ";")
        + " exit " + FileUpload.MISMATCH + "; fi";
  }

  @Override
  public String removeFiles(List<String> paths) {
    return "rm -f " + words(paths);
  }

  @Override
  public String printHashes(List<String> paths) {
    return "sha256sum " + words(paths) + " 2>/dev/null; true";
  }

  @Override
  public String fileIs(String path, String sha256, int mode) {
    return hashIs(path, sha256) + String.format(" && [ \"$(stat -c %%a %s)\" = \"%o\" ]", path, mode);
  }

  /** Grouped, as every condition that is one command of its own. */
  @Override
  public String contentIs(String path, String sha256) {
    return succeeds(hashIs(path, sha256));
  }

  private static String hashIs(String path, String sha256) {
    return String.format("echo '%s  %s' | sha256sum -c --status", sha256, path);
  }

  @Override
  public String serviceActive(String service) {
    return "systemctl is-active --quiet " + service;
  }

  @Override
  public String succeeds(String command) {
    return "{ " + command + "; }";
  }

  @Override
  public String check(List<String> conditions) {
    return conditions.isEmpty() ? "false" : String.join(" && ", conditions);
  }

  @Override
  public String startServices(List<String> services) {
    String names = String.join(" ", services);
    return "systemctl daemon-reload && systemctl enable " + names + " && systemctl restart " + names;
  }

  @Override
  public String noneLeft(List<String> files, List<String> services) {
    return (files.isEmpty() ? "" : "for f in " + words(files) + "; do [ -e \"$f\" ] && exit 1; done; ")
        + (services.isEmpty() ? "" : "for s in " + String.join(" ", services) + "; do systemctl is-active --quiet $s && exit 1; done; ")
        + "exit 0";
  }

  /** Units are stopped before their files go; the reload then lets systemd forget the removed ones. */
  @Override
  public String stopAndRemove(List<String> services, List<String> files) {
    if (services.isEmpty()) {
      return files.isEmpty() ? "true" : removeFiles(files);
    }
    return "systemctl disable --now " + String.join(" ", services) + " 2>/dev/null; "
        + (files.isEmpty() ? "" : removeFiles(files) + "; ") + "systemctl daemon-reload";
  }

  private String words(List<String> paths) {
    return paths.stream().map(this::quote).collect(Collectors.joining(" "));
  }

  @Override
  public String howToInspect(List<String> services) {
    return services.isEmpty() ? "journalctl -xe" : "journalctl -u " + String.join(" -u ", services);
  }
}
