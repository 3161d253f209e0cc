package dev.kubeyard.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The handshakes started before the plan is written: a connected one is handed over, a failed one is made again for real. */
class PreconnectingTest {
  /** A transport that records its connect and close; connecting to "down" fails, as a host that refuses would. */
  private record Recorded(String host, String by, Set<String> log) implements Transport {
    @Override
    public void connect() {
      log.add(by + " connect " + host);
      if (host.equals("down") && by.equals("quiet")) {
        throw new TransportException(host, "needs a key passphrase", "asked for by the real connect", null);
      }
    }

    @Override
    public CommandResult run(String command, Duration timeout, Consumer<String> lines) {
      return new CommandResult(host, command, 0, "");
    }

    @Override
    public CommandResult run(String command, Path stdin, Duration timeout, Consumer<String> lines) {
      return run(command, timeout, lines);
    }

    @Override
    public void upload(Path local, RemoteFile target, Duration timeout) {}

    @Override
    public void cancel() {}

    @Override
    public void close() {
      log.add(by + " close " + host);
    }
  }

  @Test
  void aHostThatConnectedInTheBackgroundIsHandedOverAndOneThatFailedIsOpenedByTheRealFactory() throws Exception {
    Set<String> log = ConcurrentHashMap.newKeySet();
    try (Preconnecting p = Preconnecting.start(h -> new Recorded(h, "quiet", log), h -> new Recorded(h, "real", log),
        List.of("master1", "down", "idle"), 8)) {
      Transport master1 = p.open("master1");
      Transport down = p.open("down");
      assertThat(((Recorded) master1).by()).isEqualTo("quiet");
      assertThat(((Recorded) down).by()).isEqualTo("real");
      assertThat(log).contains("quiet connect master1", "quiet connect down", "quiet close down")
          .doesNotContain("real connect down"); // the executor connects it, with its prompts and errors
      assertThat(((Recorded) p.open("other")).by()).as("a host not started early").isEqualTo("real");
    }
    long end = System.nanoTime() + 2_000_000_000L; // closed when its handshake ends, which may be after close()
    while (!log.contains("quiet close idle") && System.nanoTime() < end) {
      Thread.onSpinWait();
    }
    assertThat(log).as("the one nobody took is closed").contains("quiet close idle").doesNotContain("quiet close master1");
  }
}
