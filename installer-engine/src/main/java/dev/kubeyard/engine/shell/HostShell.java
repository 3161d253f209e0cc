package dev.kubeyard.engine.shell;

import dev.kubeyard.model.spec.OsFamily;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The language a host's commands are written in, chosen once from the host's OS: every command the
 * engine sends (checks, service handling, uploads, cancel) is built here, so no other class assumes
 * POSIX. Pure string building: nothing here connects anywhere.
 *
 * <p>Two levels: a <em>script</em> is text in the shell's own language (what a step keeps and plan.txt
 * shows); {@link #commandLine} turns it into what sshd's default shell on the host runs. A
 * <em>condition</em> is one part of a check, combined by {@link #check}.
 */
public interface HostShell {

  static HostShell of(OsFamily os) {
    return os == OsFamily.WINDOWS ? PowerShellOverSsh.INSTANCE : PosixShell.INSTANCE;
  }

  OsFamily os();

  /** {@code s} as one literal word of the script, passed through unchanged. */
  String quote(String s);

  /** The command line sshd runs for {@code script} (its default shell: sh on Linux, cmd.exe on Windows). */
  String commandLine(String script);

  /** {@code script} with environment variable {@code name} set to {@code value} for it and what it starts. */
  String withEnvironment(String name, String value, String script);

  /**
   * {@code script} preceded by a line {@code mark + pid} on stderr, where pid is what {@link #stopTree}
   * stops; everything the script writes after that line goes to stdout where the shell can merge it.
   */
  String reportingPid(String mark, String script);

  /** Stops the process {@code pid} reported by {@link #reportingPid} and everything it started. */
  String stopTree(long pid);

  /** Whether {@code path} is absolute for this host (a remote path must be). */
  boolean isAbsolute(String path);

  /** Places stdin at the upload's path: temp file beside it, sha256 checked, mode, atomic rename. */
  String upload(FileUpload upload);

  /** Removes {@code paths}; missing ones are no error. */
  String removeFiles(List<String> paths);

  /** Prints one line {@code <sha256 hex> <path>} per existing file of {@code paths}; always exits 0. */
  String printHashes(List<String> paths);

  /** Prints each name of {@code conditions} whose condition fails, one per line; always exits 0. */
  String namesFailing(Map<String, String> conditions);

  /** Prints the file at {@code path} as it is (for a diff; never called for a secret). */
  String printFile(String path);

  /** Condition: {@code path} holds {@code sha256} and has {@code mode} (where the OS has modes). */
  String fileIs(String path, String sha256, int mode);

  /** Condition: {@code path} holds {@code sha256}. */
  String contentIs(String path, String sha256);

  /** Condition: the service is running. */
  String serviceActive(String service);

  /** Condition: {@code command}, a command in this shell, exits 0. */
  String succeeds(String command);

  /** A check: exits 0 when every condition holds, non-zero otherwise (also when there is none). */
  String check(List<String> conditions);

  /** Makes {@code services} start at boot and (re)starts them now, so they read changed files. */
  String startServices(List<String> services);

  /**
   * As {@link #startServices}, but waiting for the services to report ready only when {@code condition} (a
   * command in this shell) holds at that moment; otherwise the restart is only queued.
   */
  String startServicesWaitingOnlyIf(List<String> services, String condition);

  /**
   * Run before a step places its files: notes, for each of {@code declared}, whether it must restart (not
   * running, or a restart input differs from the plan) or reload (a reload input differs), in a place
   * that outlives a failed run. Empty where the shell restarts every service of the step instead.
   */
  Optional<String> noteChangedServices(List<ServiceInputs> declared);

  /**
   * Makes {@code services} start at boot; restarts those without declared inputs, and restarts or
   * reloads each declared one only as {@link #noteChangedServices} noted, then forgets the note.
   */
  String startChangedServices(List<String> services, List<ServiceInputs> declared);

  /** A check that passes when none of {@code files} exists and none of {@code services} runs. */
  String noneLeft(List<String> files, List<String> services);

  /** Stops and disables {@code services}, then removes {@code files}; tolerates what is already gone. */
  String stopAndRemove(List<String> services, List<String> files);

  /** What an administrator runs on the host to see why {@code services} are unhealthy (for error hints). */
  String howToInspect(List<String> services);
}
