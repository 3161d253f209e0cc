package dev.kubeyard.engine.pki;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.testing.RepoRoot;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.OsFamily;
import dev.kubeyard.model.spec.PkiSpec;
import dev.kubeyard.model.spec.Role;
import dev.kubeyard.model.validate.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The example spec (resources/examples/cluster.yaml) and variations of it, plus one PKI issued for it
 * once per test run; tests that change files work on a copy.
 */
final class ExampleCluster {
  private static Path issued;
  private static Instant issuedAt;

  private ExampleCluster() {}

  static ClusterSpec spec() {
    Validator.Result r = Validator.load(RepoRoot.path().resolve("resources/examples/cluster.yaml"));
    assertThat(r.problems()).as("the example spec is valid").isEmpty();
    return r.spec();
  }

  static ClusterFacts facts() {
    return ClusterFacts.of(spec());
  }

  static ClusterFacts withHost(String name, String address, Role... roles) {
    List<HostSpec> hosts = new ArrayList<>(spec().hosts());
    hosts.add(new HostSpec(name, address, OsFamily.LINUX, List.of(roles), null));
    return ClusterFacts.of(spec().withHosts(hosts));
  }

  static ClusterFacts withoutHost(String name) {
    return ClusterFacts.of(spec().withHosts(spec().hosts().stream().filter(h -> !h.name().equals(name)).toList()));
  }

  static ClusterFacts withKeyAlgorithm(String algorithm) {
    ClusterSpec s = spec();
    return ClusterFacts.of(new ClusterSpec(s.apiVersion(), s.kind(), s.metadata(), s.kubernetes(),
        s.loadBalancer(), s.network(), new PkiSpec(algorithm, s.pki().caValidityDays(), s.pki().certValidityDays()),
        s.windows(), s.hosts(), s.apps()));
  }

  /** A PKI issued for the example spec at the real current time, shared read-only by the tests. */
  static synchronized Path issued() {
    if (issued == null) {
      try {
        Path parent = Files.createTempDirectory("kubeyard-pki-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(parent)));
        Instant now = Instant.now();
        Path dir = parent.resolve("pki");
        ClusterPki.ensure(facts(), dir, Clock.systemUTC());
        issuedAt = now;
        issued = dir;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return issued;
  }

  /** When {@link #issued()} was created. */
  static synchronized Instant issuedAt() {
    issued();
    return issuedAt;
  }

  /** A private copy of {@link #issued()} at {@code target} (permissions kept). */
  static Path copyOfIssued(Path target) {
    try {
      Path dir = target.resolve("pki");
      Files.createDirectory(dir);
      Files.setPosixFilePermissions(dir, Files.getPosixFilePermissions(issued()));
      try (Stream<Path> files = Files.list(issued())) {
        for (Path f : files.toList()) {
          Files.copy(f, dir.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file's exact content by name, to compare a directory before and after a run. */
  static Map<String, String> snapshot(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      Map<String, String> bytes = new TreeMap<>();
      for (Path f : files.toList()) {
        bytes.put(f.getFileName().toString(), new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> all = Files.walk(root)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort at JVM exit
    }
  }
}
