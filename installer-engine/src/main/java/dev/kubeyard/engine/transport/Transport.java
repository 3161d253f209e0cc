package dev.kubeyard.engine.transport;

import dev.kubeyard.engine.shell.HostShell;
import dev.kubeyard.model.spec.OsFamily;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * How the engine reaches one host: run a script in the host's shell, place a file. The SSH adapter is
 * {@link JschTransport}; nothing outside this package knows it is SSH.
 */
public interface Transport extends AutoCloseable {

  /** The host's name in the cluster spec, for messages. */
  String host();

  /** The shell the host's scripts are written in (sh on Linux, PowerShell on Windows). */
  default HostShell shell() {
    return HostShell.of(OsFamily.LINUX);
  }

  /** Connects now (host key check, login) instead of at the first command; does nothing when connected. */
  void connect();

  /**
   * Runs {@code command}, a script in {@link #shell()}, as the SSH user and returns its exit code and
   * combined output; a non-zero exit is a result, not an exception. {@link #cancel()} (or interrupting the calling
   * thread) stops the command on the host (its whole process group) and throws {@link CommandCancelled}.
   *
   * @param lines receives each output line as it arrives (never file contents from uploads)
   * @throws TransportException when the host cannot be reached, the connection drops or the command
   *     outlives {@code timeout}
   */
  CommandResult run(String command, Duration timeout, Consumer<String> lines);

  /**
   * As {@link #run(String, Duration, Consumer)}, with {@code stdin}'s bytes on the command's standard
   * input: they travel over the connection only and are never written to the host by the transport.
   */
  CommandResult run(String command, Path stdin, Duration timeout, Consumer<String> lines);

  default CommandResult run(String command, Duration timeout) {
    return run(command, timeout, line -> { });
  }

  /**
   * Places {@code local} at {@code target.path()}: uploads to a temporary file beside the target,
   * checks its sha256 on the host, sets the mode (not on Windows, which has none) and renames it into
   * place (atomic). The content is never logged.
   */
  void upload(Path local, RemoteFile target, Duration timeout);

  /**
   * Cancels: the running command (if any) is stopped on the host, its whole process group, and every
   * later command throws {@link CommandCancelled}. Safe to call from any thread.
   */
  void cancel();

  @Override
  void close();
}
