package dev.kubeyard.engine.transport;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import dev.kubeyard.engine.shell.FileUpload;
import dev.kubeyard.engine.shell.HostShell;
import dev.kubeyard.engine.files.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * The SSH adapter (JSch): one session per host, one exec channel per command, each written by the
 * host's {@link HostShell}. Host keys are checked against {@link SshSettings#knownHosts()} and never
 * accepted silently. Each command reports its shell's pid first, which a cancel or timeout stops on
 * the host with everything it started (a POSIX process group, a Windows process tree).
 */
public final class JschTransport implements Transport {
  private static final String PID_MARK = "kubeyard-pid ";
  private static final long GRACE_FOR_PID = Duration.ofSeconds(5).toNanos();

  private final SshTarget target;
  private final SshSettings settings;
  private final KnownHostsFile knownHosts;
  private Session session;
  private volatile boolean cancelled;

  public JschTransport(SshTarget target, SshSettings settings) {
    this.target = target;
    this.settings = settings;
    this.knownHosts = new KnownHostsFile(settings.knownHosts());
  }

  @Override
  public String host() {
    return target.host();
  }

  @Override
  public HostShell shell() {
    return target.shell();
  }

  @Override
  public synchronized void connect() {
    session();
  }

  @Override
  public CommandResult run(String command, Duration timeout, Consumer<String> lines) {
    return exec(command, command, new ByteArrayInputStream(new byte[0]), timeout, lines);
  }

  @Override
  public CommandResult run(String command, Path stdin, Duration timeout, Consumer<String> lines) {
    try (InputStream in = Files.newInputStream(stdin)) {
      return exec(command, command, in, timeout, lines);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + stdin, e);
    }
  }

  @Override
  public void upload(Path local, RemoteFile file, Duration timeout) {
    String what = "upload " + file.path();
    String localSha = Sha256.remembered(local);
    if (!localSha.equals(file.sha256())) {
      throw new TransportException(host(), what, -1, "",
          "the local file " + local + " has sha256 " + localSha + " but the plan expects " + file.sha256()
              + "; write the plan again (kubeyard plan) instead of editing its files");
    }
    FileUpload u = FileUpload.beside(file.path(), file.sha256(), file.mode(), settings.retainTempFiles(),
        Long.toHexString(ThreadLocalRandom.current().nextLong()));
    String script = shell().upload(u);
    CommandResult r;
    try (InputStream in = Files.newInputStream(local)) {
      r = exec(what, script, in, timeout, line -> { });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + local, e);
    } catch (TransportException e) {
      if (!settings.retainTempFiles() && !(e instanceof HostKeyRejected)) {
        removeQuietly(u.temp());
      }
      throw e;
    }
    if (!r.succeeded()) {
      throw new TransportException(host(), what, r.exitCode(), r.outputTail(), r.exitCode() == FileUpload.MISMATCH
          ? "the file arrived corrupted; re-run (the upload is retried), and check the host's disk and network"
          : "check that the host has room in " + u.directory() + " and that the SSH user may write there");
    }
  }

  private void removeQuietly(String tmp) {
    try {
      if (session != null && session.isConnected()) {
        boolean wasCancelled = cancelled;
        cancelled = false; // a cancelled upload still removes its temp file
        try {
          exec("rm", shell().removeFiles(List.of(tmp)), new ByteArrayInputStream(new byte[0]), Duration.ofSeconds(5), l -> { });
        } finally {
          cancelled = cancelled || wasCancelled;
        }
      }
    } catch (TransportException ignored) {
      // the host is gone; the temp file is harmless and hidden
    }
  }

  @Override
  public void cancel() {
    cancelled = true;
  }

  private CommandResult exec(String shown, String command, InputStream stdin, Duration timeout, Consumer<String> lines) {
    if (cancelled) {
      throw new CommandCancelled(host(), shown, "");
    }
    Session s = session();
    ChannelExec ch;
    CommandOutput out = new CommandOutput(lines);
    CommandOutput err = new CommandOutput(line -> { });
    try {
      String wrapped = shell().commandLine(shell().reportingPid(PID_MARK, command));
      Opened opened;
      try {
        opened = channel(s, wrapped, stdin);
      } catch (JSchException e) {
        if (s.isConnected()) {
          throw e;
        }
        // the session dropped before the channel opened, so nothing ran: one new session, once
        s = session();
        opened = channel(s, wrapped, stdin);
      }
      ch = opened.channel();
      InputStream stdout = opened.stdout();
      InputStream stderr = opened.stderr();
      long deadline = System.nanoTime() + timeout.toNanos();
      long cancelSeen = 0;
      boolean interrupted = false;
      try {
        while (true) {
          boolean read = out.drain(stdout) | err.drain(stderr);
          if (ch.isClosed() && stdout.available() == 0 && stderr.available() == 0) {
            break;
          }
          if (!s.isConnected()) {
            throw connectionLost(shown, out.tail(), null);
          }
          if (cancelled || interrupted || Thread.currentThread().isInterrupted()) {
            cancelSeen = cancelSeen == 0 ? System.nanoTime() : cancelSeen;
            boolean pidComing = err.pid() < 0 && System.nanoTime() - cancelSeen < GRACE_FOR_PID;
            if (!pidComing) { // a command that started says its pid first; kill it only once that is known
              kill(err.pid());
              if (interrupted) {
                Thread.currentThread().interrupt();
              }
              throw new CommandCancelled(host(), shown, out.tail());
            }
          }
          if (System.nanoTime() > deadline) {
            kill(err.pid());
            throw new TransportException(host(), shown, -1, out.tail(),
                "it ran longer than " + timeout.toSeconds() + " s and was stopped; look at what it waits for in the log");
          }
          if (!read) {
            try {
              Thread.sleep(10);
            } catch (InterruptedException e) {
              interrupted = true; // this command only: acted on in the next round, once the pid is known
            }
          }
        }
      } finally {
        ch.disconnect();
      }
    } catch (JSchException | IOException e) {
      throw connectionLost(shown, out.tail(), e);
    }
    out.finish();
    int exit = ch.getExitStatus();
    if (exit < 0 && sessionEnds(s)) {
      throw connectionLost(shown, out.tail(), null);
    }
    return new CommandResult(host(), shown, exit, out.text() + err.textAfterPid());
  }

  /**
   * A channel closed without an exit status: the command died by a signal, or the connection broke.
   * JSch closes a broken session's channels before it marks the session disconnected, so the loop can
   * see the closed channel first (CI of stop 27); wait a moment for the session's own verdict.
   */
  private static boolean sessionEnds(Session s) {
    long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (s.isConnected() && System.nanoTime() < end) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return !s.isConnected();
  }

  private record Opened(ChannelExec channel, InputStream stdout, InputStream stderr) {}

  /**
   * The streams are taken before connecting: what the command writes at once must not be missed.
   *
   * <p>JSch starts the thread that feeds the command's stdin only after the exec request is sent. A
   * command that ends at once can have its channel closed by the server first; JSch's session thread
   * then clears that thread and {@code connect} fails with a NullPointerException, although the command
   * ran and its output and exit status have arrived (found under load in CI, reproduced by
   * CommandsThatEndAtOnceTest). A closed channel with that failure is a finished command.
   */
  private Opened channel(Session s, String command, InputStream stdin) throws JSchException {
    ChannelExec ch = (ChannelExec) s.openChannel("exec");
    ch.setCommand(command);
    ch.setInputStream(stdin);
    InputStream stdout;
    InputStream stderr;
    try {
      stdout = ch.getInputStream();
      stderr = ch.getErrStream();
    } catch (IOException e) {
      throw new JSchException("cannot open the channel's streams: " + e.getMessage(), e);
    }
    try {
      // JSch swallows an interrupt that lands while it opens the channel; cancel() is the reliable stop
      ch.connect((int) settings.connectTimeout().toMillis());
    } catch (JSchException e) {
      if (!(e.getCause() instanceof NullPointerException && ch.isClosed())) {
        throw e;
      }
    }
    return new Opened(ch, stdout, stderr);
  }

  private TransportException connectionLost(String shown, String tail, Exception cause) {
    return new TransportException(host(), shown, -1, tail,
        "the connection to " + target.address() + ":" + target.port() + " was lost"
            + (cause == null ? "" : " (" + cause.getMessage() + ")")
            + "; check the host and its network, then re-run: finished steps are skipped by their checks", cause);
  }

  /** Stops the command's process group on the host (TERM, then KILL), on a second channel; tried three times. */
  private void kill(long pid) {
    if (pid <= 1 || session == null || !session.isConnected()) {
      return;
    }
    boolean interrupted = Thread.interrupted(); // JSch cannot open a channel from an interrupted thread
    try {
      for (int attempt = 0; attempt < 3; attempt++) {
        try {
          ChannelExec ch = (ChannelExec) session.openChannel("exec");
          ch.setCommand(shell().commandLine(shell().stopTree(pid)));
          ch.setInputStream(new ByteArrayInputStream(new byte[0]));
          ch.connect(5000);
          long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
          while (!ch.isClosed() && System.nanoTime() < end) {
            try {
              Thread.sleep(20);
            } catch (InterruptedException e) {
              interrupted = true;
            }
          }
          ch.disconnect();
          return;
        } catch (JSchException e) {
          if (!session.isConnected()) {
            return; // the host went away; its sshd ends the session's processes when it notices
          }
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private synchronized Session session() {
    if (session != null && session.isConnected()) {
      return session;
    }
    session = open(false);
    return session;
  }

  private Session open(boolean retriedAfterTrust) {
    JSch jsch = new JSch();
    VerifyingHostKeys keys = new VerifyingHostKeys(knownHosts, host());
    jsch.setHostKeyRepository(keys);
    String password = PasswordSource.resolve(host(), target.passwordFrom());
    try {
      SshKeys.offer(jsch, target, settings);
      Session s = jsch.getSession(target.user(), target.address(), target.port());
      s.setConfig("StrictHostKeyChecking", "yes");
      s.setConfig("HashKnownHosts", "no");
      s.setConfig("PreferredAuthentications", password != null ? "publickey,password" : "publickey");
      s.setConfig("server_host_key", preferKnownTypes(keys.knownTypes(target.knownHostsName())));
      if (password != null) {
        s.setPassword(password);
      }
      s.setServerAliveInterval((int) settings.keepAlive().toMillis());
      s.setServerAliveCountMax(settings.keepAliveCountMax());
      s.connect((int) settings.connectTimeout().toMillis());
      return s;
    } catch (JSchException e) {
      if (keys.result() == HostKeyRepository.CHANGED) {
        throw HostKeyRejected.changed(keys.offered(), keys.expectedFingerprint(), knownHosts.path());
      }
      if (keys.result() == HostKeyRepository.NOT_INCLUDED) {
        if (!retriedAfterTrust && settings.trust().trust(keys.offered())) {
          knownHosts.add(keys.offered());
          return open(true);
        }
        throw HostKeyRejected.unknown(keys.offered(), knownHosts.path());
      }
      throw connectFailed(e);
    }
  }

  private TransportException connectFailed(JSchException e) {
    String m = String.valueOf(e.getMessage());
    String where = target.user() + "@" + target.address() + ":" + target.port();
    if (m.startsWith("Auth fail") || m.contains("Auth cancel")) {
      return new TransportException(host(), "login as " + where + " was refused (" + m + ")",
          "put the public key of " + (target.agent() ? "a key in your ssh-agent" : target.privateKey()) + " into ~" + target.user()
              + "/.ssh/authorized_keys on the host, or check ssh.user / ssh.passwordFrom", e);
    }
    return new TransportException(host(), "cannot connect to " + where + " (" + m + ")",
        "check that the host is up, that sshd listens on port " + target.port()
            + " and that the address in cluster.yaml is right", e);
  }

  private static String preferKnownTypes(List<String> known) {
    Set<String> order = new LinkedHashSet<>(known);
    List<String> defaults = new ArrayList<>(List.of(JSch.getConfig("server_host_key").split(",")));
    order.addAll(defaults);
    order.retainAll(defaults);
    return String.join(",", order);
  }

  @Override
  public synchronized void close() {
    if (session != null) {
      session.disconnect();
      session = null;
    }
  }
}
