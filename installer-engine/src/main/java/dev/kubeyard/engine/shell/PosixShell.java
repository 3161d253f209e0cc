package dev.kubeyard.engine.shell;

import dev.kubeyard.model.spec.OsFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** sh on a Linux host with systemd and coreutils: the commands Kubeyard has always sent there. */
public final class PosixShell implements HostShell {
  static final PosixShell INSTANCE = new PosixShell();
  /**
   * What the host was given, one line per placed file (ADR 46): a cache of the hashes that spares the
   * checks hashing every binary on every re-apply. KUBEYARD_STATE_ROOT moves it (and the notes of
   * changed services) for tests run on this machine; it is unset on hosts.
   */
  static final String LEDGER = "\"${KUBEYARD_STATE_ROOT:-}/var/lib/kubeyard/placed\"";
  /** Where a step notes the services to restart or reload, until it has done so: kept across a failed run, gone at boot. */
  static final String CHANGED = "\"${KUBEYARD_STATE_ROOT:-}/run/kubeyard/changed\"";
  /** inode, size and ctime: any write or chmod to the file, or a new file in its place, changes one. */
  private static final String STAT = "%i %s %z";

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
        + " chmod " + String.format("%04o", u.mode()) + " " + q + " && mv -f " + q + " " + quote(u.path())
        + " && { " + record(u.path(), u.sha256()) + " || true; };"
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

  /**
   * The ledger first: the file is as placed when its line (path, sha256, inode, size, ctime, mode) is
   * still what stat says, which costs no hashing; otherwise, or with KUBEYARD_VERIFY set (apply
   * --verify), the content is hashed. A hand edit changes the ctime, so it is still found.
   */
  @Override
  public String fileIs(String path, String sha256, int mode) {
    String recorded = quote(path + "|" + sha256 + "|") + "\"$(stat -c '" + STAT + "' " + quote(path) + " 2>/dev/null)\""
        + quote(String.format("|%o", mode));
    return "{ { [ -z \"$KUBEYARD_VERIFY\" ] && grep -qxF " + recorded + " " + LEDGER + " 2>/dev/null; } || { "
        + hashIs(path, sha256) + String.format(" && [ \"$(stat -c %%a %s)\" = \"%o\" ]; }; }", path, mode);
  }

  /** Like {@link #fileIs}, whatever the mode. */
  @Override
  public String contentIs(String path, String sha256) {
    String recorded = quote(path + "|" + sha256 + "|") + "\"$(stat -c '" + STAT + "|%a' " + quote(path) + " 2>/dev/null)\"";
    return "{ { [ -z \"$KUBEYARD_VERIFY\" ] && grep -qxF " + recorded + " " + LEDGER + " 2>/dev/null; } || "
        + hashIs(path, sha256) + "; }";
  }

  /** Replaces the ledger's line for {@code path} with what stat says of the file just placed. */
  private String record(String path, String sha256) {
    return "mkdir -p \"$(dirname " + LEDGER + ")\" && { awk -F'|' -v p=" + quote(path) + " '$1 != p' " + LEDGER
        + " 2>/dev/null; echo " + quote(path + "|" + sha256 + "|") + "\"$(stat -c '" + STAT + "|%a' " + quote(path) + ")\"; } > "
        + LEDGER + ".$$ && mv -f " + LEDGER + ".$$ " + LEDGER;
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
  public String startServicesWaitingOnlyIf(List<String> services, String condition) {
    String names = String.join(" ", services);
    return "systemctl daemon-reload && systemctl enable " + names + " && if " + succeeds(condition) + "; then systemctl restart "
        + names + "; else systemctl restart --no-block " + names + "; fi";
  }

  @Override
  public String namesFailing(Map<String, String> conditions) {
    StringBuilder b = new StringBuilder();
    conditions.forEach((name, condition) -> b.append("{ ").append(condition).append(" || echo ").append(quote(name)).append("; }; "));
    return b.append("true").toString();
  }

  @Override
  public String printFile(String path) {
    return "cat " + quote(path);
  }

  @Override
  public Optional<String> noteChangedServices(List<ServiceInputs> declared) {
    if (declared.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder b = new StringBuilder("mkdir -p " + CHANGED);
    for (ServiceInputs s : declared) {
      List<String> restart = new ArrayList<>(List.of(serviceActive(s.service())));
      s.restartOn().forEach((path, sha) -> restart.add(contentIs(path, sha)));
      b.append(" && { { ").append(String.join(" && ", restart)).append("; } || touch ").append(CHANGED).append("/")
          .append(s.service()).append(".restart; }");
      if (!s.reloadOn().isEmpty()) {
        List<String> reload = new ArrayList<>();
        s.reloadOn().forEach((path, sha) -> reload.add(contentIs(path, sha)));
        b.append(" && { { ").append(String.join(" && ", reload)).append("; } || touch ").append(CHANGED).append("/")
            .append(s.service()).append(".reload; }");
      }
    }
    return Optional.of(b.toString());
  }

  @Override
  public String startChangedServices(List<String> services, List<ServiceInputs> declared) {
    if (declared.isEmpty()) {
      return startServices(services);
    }
    List<String> declaredNames = declared.stream().map(ServiceInputs::service).toList();
    List<String> always = services.stream().filter(s -> !declaredNames.contains(s)).toList();
    return "systemctl daemon-reload && systemctl enable " + String.join(" ", services)
        + (always.isEmpty() ? "" : " && systemctl restart " + String.join(" ", always))
        + " && for s in " + String.join(" ", declaredNames) + "; do if [ -e " + CHANGED + "/$s.restart ]; then"
        + " echo \"restart $s\" && systemctl restart $s || exit 1; elif [ -e " + CHANGED + "/$s.reload ]; then"
        + " echo \"reload $s\" && systemctl reload $s || exit 1; fi; rm -f " + CHANGED + "/$s.restart " + CHANGED + "/$s.reload; done";
  }

  @Override
  public String noneLeft(List<String> files, List<String> services) {
    return (files.isEmpty() ? "" : "for f in " + words(files) + "; do [ -e \"$f\" ] && exit 1; done; ")
        + (services.isEmpty() ? "" : "for s in " + String.join(" ", services) + "; do systemctl is-active --quiet $s && exit 1; done; ")
        + "exit 0";
  }

  /**
   * Units are stopped before their files go; the reload then lets systemd forget the removed ones. The
   * ledger and the notes of changed services go too: a file kept (the PKI without --pki) is hashed again.
   */
  @Override
  public String stopAndRemove(List<String> services, List<String> files) {
    String forget = "rm -rf " + LEDGER + " " + CHANGED;
    if (services.isEmpty()) {
      return (files.isEmpty() ? "" : removeFiles(files) + "; ") + forget;
    }
    return "systemctl disable --now " + String.join(" ", services) + " 2>/dev/null; "
        + (files.isEmpty() ? "" : removeFiles(files) + "; ") + forget + "; systemctl daemon-reload";
  }

  private String words(List<String> paths) {
    return paths.stream().map(this::quote).collect(Collectors.joining(" "));
  }

  @Override
  public String howToInspect(List<String> services) {
    return services.isEmpty() ? "journalctl -xe" : "journalctl -u " + String.join(" -u ", services);
  }
}
