package dev.kubeyard.engine.shell;

import dev.kubeyard.model.spec.OsFamily;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Windows PowerShell reached through Windows OpenSSH, whose default shell is cmd.exe. Every script
 * travels as {@code -EncodedCommand} (base64 of UTF-16LE), so no quote or special character of the
 * script meets cmd.exe's parser (as rig does for k0sctl). Files have no POSIX mode here: an upload
 * ignores it, and install-node.ps1 restricts the keys' ACLs to SYSTEM and Administrators. cmd.exe
 * takes at most {@link #MAX_COMMAND_LINE} characters, which a check over a few hundred files would pass.
 */
public final class PowerShellOverSsh implements HostShell {
  static final PowerShellOverSsh INSTANCE = new PowerShellOverSsh();
  public static final int MAX_COMMAND_LINE = 8191;
  public static final String PREFIX = "powershell -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand ";

  private PowerShellOverSsh() {}

  @Override
  public OsFamily os() {
    return OsFamily.WINDOWS;
  }

  /** PowerShell also ends a single-quoted string at the typographic single quotes, so those are doubled too. */
  @Override
  public String quote(String s) {
    return "'" + s.replaceAll("['\u2018\u2019\u201A\u201B]", "$0$0") + "'";
  }

  @Override
  public String commandLine(String script) {
    return PREFIX + Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_16LE));
  }

  /** The script an encoded command line carries (for tests and logs). */
  public static String scriptOf(String commandLine) {
    if (!commandLine.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not an encoded PowerShell command: " + commandLine);
    }
    return new String(Base64.getDecoder().decode(commandLine.substring(PREFIX.length())), StandardCharsets.UTF_16LE);
  }

  @Override
  public String withEnvironment(String name, String value, String script) {
    return "$env:" + name + " = " + quote(value) + "\n" + script;
  }

  /** $PID is powershell.exe itself; taskkill /T then ends what it started. */
  @Override
  public String reportingPid(String mark, String script) {
    return "[Console]::Error.WriteLine(" + quote(mark) + " + $PID)\n" + script;
  }

  @Override
  public String stopTree(long pid) {
    return "taskkill /T /F /PID " + pid + " | Out-Null\nexit 0";
  }

  @Override
  public boolean isAbsolute(String path) {
    return path.matches("[A-Za-z]:[/\\\\].*");
  }

  @Override
  public String upload(FileUpload u) {
    String temp = quote(u.temp());
    return String.join("\n",
        "$ErrorActionPreference = 'Stop'",
        "$temp = " + temp,
        "try {",
        "  New-Item -ItemType Directory -Force -Path " + quote(u.directory()) + " | Out-Null",
        "  $out = [IO.File]::Create($temp)",
        "  try { [Console]::OpenStandardInput().CopyTo($out) } finally { $out.Close() }",
        "} catch {",
        "  Write-Output \"cannot write ${temp}: $_\"",
        "  Remove-Item -LiteralPath $temp -Force -ErrorAction SilentlyContinue",
        "  exit " + FileUpload.WRITE_FAILED,
        "}",
        "$found = (Get-FileHash -Algorithm SHA256 -LiteralPath $temp).Hash.ToLowerInvariant()",
        "if ($found -ne " + quote(u.sha256()) + ") {",
        "  Write-Output \"sha256 mismatch: expected " + u.sha256() + ", found $found\"",
        u.keepTemp() ? "  Write-Output \"kept ${temp} (--retain)\"" : "  Remove-Item -LiteralPath $temp -Force",
        "  exit " + FileUpload.MISMATCH,
        "}",
        "Move-Item -LiteralPath $temp -Destination " + quote(u.path()) + " -Force");
  }

  @Override
  public String removeFiles(List<String> paths) {
    return remove(paths) + "\nexit 0";
  }

  @Override
  public String printHashes(List<String> paths) {
    return forEach("p", paths,
        "$h = Get-FileHash -Algorithm SHA256 -LiteralPath $p -ErrorAction SilentlyContinue",
        "if ($h) { $h.Hash.ToLowerInvariant() + '  ' + $p }") + "\nexit 0";
  }

  /** Windows has no POSIX mode to compare. */
  @Override
  public String fileIs(String path, String sha256, int mode) {
    return contentIs(path, sha256);
  }

  /** -eq compares strings without regard to case, so Get-FileHash's upper-case hex matches. */
  @Override
  public String contentIs(String path, String sha256) {
    return "((Get-FileHash -Algorithm SHA256 -LiteralPath " + quote(path) + " -ErrorAction SilentlyContinue).Hash -eq "
        + quote(sha256) + ")";
  }

  @Override
  public String serviceActive(String service) {
    return "((Get-Service -Name " + quote(service) + " -ErrorAction SilentlyContinue).Status -eq 'Running')";
  }

  @Override
  public String succeeds(String command) {
    throw new IllegalStateException("a further check is a POSIX command, which a Windows host cannot run: " + command);
  }

  @Override
  public String check(List<String> conditions) {
    return conditions.isEmpty() ? "exit 1" : "if (\n  " + String.join(" -and\n  ", conditions) + "\n) { exit 0 } else { exit 1 }";
  }

  /** Restart-Service returns once the service runs; Windows services have no readiness of their own. */
  @Override
  public String startServicesWaitingOnlyIf(List<String> services, String condition) {
    return startServices(services);
  }

  @Override
  public String startServices(List<String> services) {
    return forEach("s", services, "Set-Service -Name $s -StartupType Automatic", "Restart-Service -Name $s -Force");
  }

  @Override
  public String namesFailing(Map<String, String> conditions) {
    StringBuilder b = new StringBuilder();
    conditions.forEach((name, condition) -> b.append("if (-not ").append(condition).append(") { ").append(quote(name)).append(" }\n"));
    return b.append("exit 0").toString();
  }

  @Override
  public String printFile(String path) {
    return "Get-Content -Raw -LiteralPath " + quote(path);
  }

  /** The Windows services of a step restart together when it applies (no per-service inputs yet). */
  @Override
  public Optional<String> noteChangedServices(List<ServiceInputs> declared) {
    return Optional.empty();
  }

  @Override
  public String startChangedServices(List<String> services, List<ServiceInputs> declared) {
    return startServices(services);
  }

  @Override
  public String noneLeft(List<String> files, List<String> services) {
    StringBuilder b = new StringBuilder();
    if (!files.isEmpty()) {
      b.append("foreach ($f in ").append(list(files)).append(") { if (Test-Path -LiteralPath $f) { exit 1 } }\n");
    }
    if (!services.isEmpty()) {
      b.append("foreach ($s in ").append(list(services))
          .append(") { if ((Get-Service -Name $s -ErrorAction SilentlyContinue).Status -eq 'Running') { exit 1 } }\n");
    }
    return b.append("exit 0").toString();
  }

  @Override
  public String stopAndRemove(List<String> services, List<String> files) {
    StringBuilder b = new StringBuilder();
    if (!services.isEmpty()) {
      b.append(forEach("s", services, "Stop-Service -Name $s -Force -ErrorAction SilentlyContinue",
          "Set-Service -Name $s -StartupType Disabled -ErrorAction SilentlyContinue")).append('\n');
    }
    if (!files.isEmpty()) {
      b.append(remove(files)).append('\n');
    }
    return b.append("exit 0").toString();
  }

  private String remove(List<String> paths) {
    return "Remove-Item -LiteralPath " + list(paths) + " -Force -ErrorAction SilentlyContinue";
  }

  /** A loop over literal words, its body indented. */
  private String forEach(String variable, List<String> words, String... body) {
    StringBuilder b = new StringBuilder("foreach ($" + variable + " in " + list(words) + ") {\n");
    for (String line : body) {
      b.append("  ").append(line).append('\n');
    }
    return b.append('}').toString();
  }

  private String list(List<String> words) {
    return words.stream().map(this::quote).collect(Collectors.joining(","));
  }

  @Override
  public String howToInspect(List<String> services) {
    // Windows services write to the event log, not a journal
    String events = "Get-WinEvent -LogName System -MaxEvents 50";
    return services.isEmpty() ? events : "Get-Service " + String.join(",", services) + "; " + events;
  }
}
