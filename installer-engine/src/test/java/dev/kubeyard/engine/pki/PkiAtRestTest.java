package dev.kubeyard.engine.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeyard.engine.files.Sha256;
import dev.kubeyard.engine.pki.PkiReport.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ADR 37: the CA and service-account keys encrypted in the plan folder, opened only to sign. */
class PkiAtRestTest {
  private static final char[] PASSPHRASE = "unit tests only, not a secret".toCharArray();

  @TempDir
  Path tmp;
  Path dir;
  final List<String> asked = new ArrayList<>();

  @BeforeEach
  void issued() throws IOException {
    dir = ExampleCluster.copyOfIssued(tmp);
  }

  private PkiPassphrase recording(char[] answer) {
    return PkiPassphrase.prompt("a test prompt", why -> {
      asked.add(why);
      return answer.clone();
    });
  }

  private PkiReport run(PkiPassphrase passphrase) {
    return ClusterPki.ensure(ExampleCluster.facts(), dir, Clock.systemUTC(), passphrase);
  }

  @Test
  void aPlanRunThatIssuesNothingAsksForNoPassphraseAndOpensNoKey() {
    PkiReport report = run(recording(PASSPHRASE));
    assertThat(report.unchanged()).isTrue();
    assertThat(asked).isEmpty();
  }

  @Test
  void aMissingEtcdClientCertificateOpensTheEtcdCaOnlyNotTheFrontProxyCa() throws IOException {
    // Were the front-proxy CA key opened, this one would fail: it is sealed with another passphrase.
    Path frontProxy = dir.resolve("front-proxy-ca-key.pem");
    String plain = Pem.privateKey(LockedKeys.unlock(frontProxy, Files.readString(frontProxy),
        PkiPassphrase.of("test", PASSPHRASE), "test"));
    Files.writeString(frontProxy, LockedKeys.lock(Pem.readPrivateKey(plain), "another passphrase entirely".toCharArray(),
        new SecureRandom()));
    Files.delete(dir.resolve("etcd-healthcheck-client.pem"));

    PkiReport report = run(recording(PASSPHRASE));

    assertThat(report.outcome("etcd-healthcheck-client")).isEqualTo(Outcome.REISSUED);
    assertThat(asked).singleElement().asString().contains("etcd-ca-key.pem").contains("etcd-ca");
  }

  @Test
  void aWrongPassphraseNamesTheFileTheRuleAndTheFixAndChangesNothing() throws IOException {
    Files.delete(dir.resolve("admin.pem"));
    Map<String, String> before = snapshot();

    assertThatThrownBy(() -> run(recording("not the right passphrase".toCharArray())))
        .isInstanceOf(PkiException.class)
        .hasMessageContaining(dir.resolve("ca-key.pem") + " does not open with the passphrase from a test prompt")
        .hasMessageContaining("only the passphrase they were encrypted with opens them; nothing was changed")
        .hasMessageContaining("give the passphrase used when this PKI was created");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void withNoPassphraseSourceANewPkiStopsBeforeCreatingTheFolderAndSaysWhereToGiveOne() {
    Path fresh = tmp.resolve("fresh/pki");
    assertThatThrownBy(() -> ClusterPki.ensure(ExampleCluster.facts(), fresh, Clock.systemUTC(), PkiPassphrase.none()))
        .isInstanceOf(PkiException.class)
        .hasMessageContaining("needs the PKI passphrase, but none was given")
        .hasMessageContaining("set KUBEYARD_PKI_PASSPHRASE, or KUBEYARD_PKI_PASSPHRASE_FILE");
    assertThat(fresh).doesNotExist();
  }

  @Test
  void aPassphraseShorterThanTwelveCharactersIsRefusedBeforeAnythingIsWritten() {
    Path fresh = tmp.resolve("short/pki");
    assertThatThrownBy(() -> ClusterPki.ensure(ExampleCluster.facts(), fresh, Clock.systemUTC(),
        PkiPassphrase.of("test", "short".toCharArray())))
        .isInstanceOf(PkiException.class)
        .hasMessageContaining("the PKI passphrase has 5 characters: a CA key is only encrypted with one of at least 12");
    assertThat(fresh).doesNotExist();
  }

  @Test
  void anUnencryptedFolderFromBeforeIsEncryptedInPlaceKeepingEveryCertificate() throws IOException {
    for (String name : List.of("ca", "etcd-ca", "front-proxy-ca", "sa")) {
      Path key = dir.resolve(name + "-key.pem");
      Files.writeString(key, Pem.privateKey(LockedKeys.unlock(key, Files.readString(key),
          PkiPassphrase.of("test", PASSPHRASE), "test")));
      Files.delete(KeyFiles.digestOf(key));
    }
    Map<String, String> certificatesBefore = certificates();

    PkiReport report = run(recording(PASSPHRASE));

    assertThat(certificates()).isEqualTo(certificatesBefore);
    for (String name : List.of("ca", "etcd-ca", "front-proxy-ca", "sa")) {
      assertThat(Files.readString(dir.resolve(name + "-key.pem"))).as(name).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY");
      assertThat(report.entry(name).orElseThrow().reason()).as(name).contains(AuthorityKeeper.MIGRATED);
      assertThat(report.outcome(name)).isEqualTo(Outcome.KEPT);
    }
  }

  @Test
  void aHostReceivesTheDecryptedKeyWhoseDigestThePlanNamesWithoutAPassphrase() throws IOException {
    Path caKey = dir.resolve("ca-key.pem");
    String digest = KeyFiles.placedDigest(caKey);
    String opened = KeyFiles.openedForHost(caKey, PkiPassphrase.of("test", PASSPHRASE)).orElseThrow();

    assertThat(opened).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(Sha256.of(opened)).isEqualTo(digest).isNotEqualTo(Sha256.of(caKey));
    assertThat(KeyFiles.openedForHost(dir.resolve("admin-key.pem"), PkiPassphrase.none())).isEmpty();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(KeyFiles.digestOf(caKey))))
        .isEqualTo("rw-------");
  }

  @Test
  void newKeysGetSixHundredThousandPbkdf2RoundsUnlessTheUnitTestsLowerIt() {
    String lowered = System.clearProperty("kubeyard.pki.kdfIterations");
    try {
      String pem = LockedKeys.lock(KeyAlgorithm.parse("ecdsa-p256").generate(new SecureRandom()).getPrivate(),
          PASSPHRASE, new SecureRandom());
      assertThat(LockedKeys.iterationsOf(pem)).isEqualTo(600_000);
    } finally {
      if (lowered != null) {
        System.setProperty("kubeyard.pki.kdfIterations", lowered);
      }
    }
  }

  private Map<String, String> snapshot() throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.toList()) {
        out.put(p.getFileName().toString(), Sha256.of(p));
      }
    }
    return out;
  }

  private Map<String, String> certificates() throws IOException {
    Map<String, String> out = snapshot();
    out.keySet().removeIf(n -> n.endsWith("-key.pem") || n.endsWith(".sha256"));
    return out;
  }
}
