package dev.kubeyard.engine.cli;

import dev.kubeyard.engine.transport.HostKeyRejected;
import dev.kubeyard.engine.transport.HostKeyTrust;
import dev.kubeyard.engine.transport.OfferedHostKey;
import dev.kubeyard.engine.transport.Transport;
import dev.kubeyard.engine.transport.TransportException;
import dev.kubeyard.model.spec.HostSpec;
import java.io.Console;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** kubeyard hosts trust: record host keys in known_hosts after the user compared the fingerprints. */
@Command(name = "hosts", description = "Manage the hosts' SSH keys.", subcommands = HostsCommand.Trust.class)
final class HostsCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(name = "trust", description = "Show each host's key fingerprint and record it in known_hosts once you confirm it "
      + "(or pass the --fingerprint you read on the host's console). A changed key is never replaced here.")
  static final class Trust implements Callable<Integer> {
    @Mixin ClusterTarget target;

    @Parameters(arity = "0..*", description = "host names (default: every Linux host)")
    List<String> names;

    @Option(names = "--fingerprint", description = "trust only a key with this SHA256 fingerprint")
    String fingerprint;

    @Override
    public Integer call() {
      if (target.load() == null) {
        return 1;
      }
      int failed = 0;
      for (HostSpec h : target.spec.hosts()) {
        if (h.isWindows() || (names != null && !names.isEmpty() && !names.contains(h.name()))) {
          continue;
        }
        HostKeyTrust trust = fingerprint != null ? HostKeyTrust.fingerprint(fingerprint) : Trust::ask;
        try (Transport t = target.transports(trust, false).open(h.name())) {
          t.run("true", Duration.ofSeconds(30));
          System.out.println(h.name() + ": trusted (" + target.knownHosts() + ")");
        } catch (HostKeyRejected e) {
          failed++;
          System.err.println(e.getMessage() + "\n  what to do: " + e.hint());
        } catch (TransportException e) {
          failed++;
          System.err.println(e.getMessage() + "\n  what to do: " + e.hint());
        }
      }
      return failed == 0 ? 0 : 1;
    }

    private static boolean ask(OfferedHostKey key) {
      Console c = System.console();
      if (c == null) {
        return false;
      }
      String answer = c.readLine("%s offers %s %s%nDoes this match the key on the host's console? [y/N] ",
          key.hostName() + " (" + key.knownHostsName() + ")", key.type(), key.fingerprint());
      return answer != null && answer.strip().equalsIgnoreCase("y");
    }
  }
}
