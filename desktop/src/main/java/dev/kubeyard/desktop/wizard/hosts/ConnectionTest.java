package dev.kubeyard.desktop.wizard.hosts;

import dev.kubeyard.desktop.fx.Threads;
import dev.kubeyard.engine.transport.CommandResult;
import dev.kubeyard.engine.transport.OfferedHostKey;
import dev.kubeyard.engine.transport.SshSettings;
import dev.kubeyard.engine.transport.SshTransports;
import dev.kubeyard.engine.transport.Transport;
import dev.kubeyard.engine.transport.TransportException;
import dev.kubeyard.model.spec.ClusterSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * "Test connection": logs in to one host with the engine's SSH transport and runs {@code uname -sr}
 * ({@code echo} on Windows).
 * A host key that known_hosts does not list is shown (type and SHA256 fingerprint) for the
 * administrator to compare with the host's console; accepted, it is recorded in known_hosts, refused,
 * nothing is recorded. A changed key is always refused by the transport.
 */
public final class ConnectionTest {
  /** How a test ended: connected (with the host's answer) or not (what failed, what to do). */
  public record Result(String host, boolean connected, String detail, String hint) {}

  private final Threads threads;
  private final ObjectProperty<OfferedHostKey> offeredKey = new SimpleObjectProperty<>(this, "offeredKey");
  private final ObjectProperty<Result> result = new SimpleObjectProperty<>(this, "result");
  private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
  private volatile CompletableFuture<Boolean> answer;

  public ConnectionTest(Threads threads) {
    this.threads = threads;
  }

  public void run(ClusterSpec spec, String host, Path knownHosts) {
    running.set(true);
    result.set(null);
    threads.run(() -> connect(spec, host, knownHosts), r -> {
      running.set(false);
      offeredKey.set(null);
      result.set(r);
    }, e -> {
      running.set(false);
      offeredKey.set(null);
      result.set(new Result(host, false, e.getMessage(), "check the host's SSH settings"));
    });
  }

  private Result connect(ClusterSpec spec, String host, Path knownHosts) {
    SshSettings settings = SshSettings.of(knownHosts).withTrust(this::ask);
    try (Transport t = new SshTransports(spec, settings).open(host)) {
      boolean windows = spec.hosts().stream().anyMatch(h -> h.name().equals(host) && h.isWindows());
      CommandResult r = t.run(windows ? "echo connected" : "uname -sr", Duration.ofSeconds(30));
      return new Result(host, r.succeeded(), r.output().strip(), r.succeeded() ? "" : "the login works; the command failed");
    } catch (TransportException e) {
      return new Result(host, false, e.getMessage(), e.hint());
    } catch (Exception e) {
      return new Result(host, false, e.toString(), "check the host's SSH settings");
    }
  }

  /** Called on the transport's thread: shows the key and waits (up to 5 minutes) for the answer. */
  private boolean ask(OfferedHostKey key) {
    CompletableFuture<Boolean> a = new CompletableFuture<>();
    answer = a;
    threads.ui().execute(() -> offeredKey.set(key));
    try {
      return a.get(5, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  /** The fingerprint matches the host's console: record the key. */
  public void accept() {
    answered(true);
  }

  public void refuse() {
    answered(false);
  }

  private void answered(boolean trusted) {
    offeredKey.set(null);
    CompletableFuture<Boolean> a = answer;
    if (a != null) {
      a.complete(trusted);
    }
  }

  public ObjectProperty<OfferedHostKey> offeredKeyProperty() {
    return offeredKey;
  }

  public ObjectProperty<Result> resultProperty() {
    return result;
  }

  public BooleanProperty runningProperty() {
    return running;
  }
}
