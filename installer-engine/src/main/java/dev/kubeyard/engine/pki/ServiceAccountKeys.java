package dev.kubeyard.engine.pki;

import dev.kubeyard.engine.pki.PkiReport.Entry;
import dev.kubeyard.engine.pki.PkiReport.Outcome;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The service-account key pair ({@code sa-key.pem} signs tokens, {@code sa.pub} verifies them). It is
 * separate from the CA key (the original notes reused the CA key). Like a CA it is never replaced
 * while tokens may depend on it: a missing {@code sa-key.pem} next to an existing {@code sa.pub}
 * stops the run.
 */
final class ServiceAccountKeys {
  private static final String NAME = PkiNames.SERVICE_ACCOUNT;

  private final KeyFiles files;
  private final PkiPassphrase passphrase;

  ServiceAccountKeys(KeyFiles files, PkiPassphrase passphrase) {
    this.files = files;
    this.passphrase = passphrase;
  }

  /**
   * What to do, decided before anything is written: no key pair means "create a new one"; the pair is
   * opened (decrypted) only when sa.pub must be re-derived or the key encrypted; {@code plain}: sa-key.pem is
   * still unencrypted and gets encrypted (ADR 37).
   */
  record Plan(Optional<Supplier<KeyPair>> existing, boolean publicKeyCurrent, String note, boolean plain) {
    /** True when applying it reads the passphrase. */
    boolean needsPassphrase() {
      return existing.isEmpty() || plain || !publicKeyCurrent;
    }
  }

  Optional<Plan> inspect(KeyAlgorithm wanted, List<Refusal> refusals) {
    Optional<String> keyPem = files.read(files.privateKey(NAME));
    Optional<String> pubPem = files.read(files.publicKey(NAME));
    String where = " in " + files.directory();
    if (keyPem.isEmpty()) {
      if (pubPem.isPresent()) {
        refusals.add(new Refusal("sa-key.pem is missing but sa.pub is present" + where + ": service-account "
            + "tokens already issued are signed with the lost key, a new pair would invalidate them all",
            "restore sa-key.pem from your backup and run again; to start a new pair on purpose, move sa.pub "
            + "away as well (then delete the token secrets and restart every pod that uses a token)"));
        return Optional.empty();
      }
      return Optional.of(new Plan(Optional.empty(), false, null, false));
    }
    if (LockedKeys.isLocked(keyPem.get())) {
      // sa.pub was derived from this key when it was written; opening the key to check costs the passphrase.
      Optional<PublicKey> pub = pubPem.flatMap(ServiceAccountKeys::readable);
      Supplier<KeyPair> open = () -> KeyPairs.of(LockedKeys.unlock(files.privateKey(NAME), keyPem.get(), passphrase,
          "Kubeyard must open sa-key.pem to derive sa.pub again"));
      String note = pub.map(p -> KeyAlgorithm.describe(p)).filter(a -> !a.equals(wanted.toString()))
          .map(a -> "its key is " + a + " while pki.keyAlgorithm is " + wanted
              + ": the signing key is never replaced automatically").orElse(null);
      return Optional.of(new Plan(Optional.of(open), pub.isPresent(), note, false));
    }
    KeyPair pair;
    try {
      pair = KeyPairs.of(Pem.readPrivateKey(keyPem.get()));
    } catch (IllegalArgumentException e) {
      refusals.add(new Refusal("sa-key.pem" + where + " is not a usable key: " + e.getMessage(),
          "restore it from your backup"));
      return Optional.empty();
    }
    boolean current = pubPem.map(pem -> samePublicKey(pem, pair.getPublic())).orElse(false);
    String actual = KeyAlgorithm.describe(pair.getPublic());
    String note = actual.equals(wanted.toString()) ? null : "its key is " + actual + " while "
        + "pki.keyAlgorithm is " + wanted + ": the signing key is never replaced automatically";
    return Optional.of(new Plan(Optional.of(() -> pair), current, note, true));
  }

  private static Optional<PublicKey> readable(String pem) {
    try {
      return Optional.of(Pem.readPublicKey(pem));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private void lock(PrivateKey key, SecureRandom random) {
    char[] secret = passphrase.get(PkiPassphrase.TO_ENCRYPT + " sa-key.pem in " + files.directory());
    try {
      files.writeLocked(files.privateKey(NAME), LockedKeys.lock(key, secret, random), Pem.privateKey(key));
    } finally {
      Arrays.fill(secret, '\0');
    }
  }

  Entry apply(Plan plan, KeyAlgorithm algorithm, SecureRandom random) {
    if (plan.existing().isEmpty()) {
      KeyPair pair = algorithm.generate(random);
      lock(pair.getPrivate(), random);
      files.writePublic(files.publicKey(NAME), Pem.publicKey(pair.getPublic()));
      return new Entry(NAME, Outcome.ISSUED, "new service-account key pair");
    }
    String migrated = null;
    if (plan.plain()) {
      lock(plan.existing().get().get().getPrivate(), random);
      migrated = AuthorityKeeper.MIGRATED;
    }
    if (plan.publicKeyCurrent()) {
      return new Entry(NAME, Outcome.KEPT, plan.note() == null ? migrated
          : migrated == null ? plan.note() : plan.note() + "; " + migrated);
    }
    files.writePublic(files.publicKey(NAME), Pem.publicKey(plan.existing().get().get().getPublic()));
    return new Entry(NAME, Outcome.REISSUED, "sa.pub was missing or did not match sa-key.pem: "
        + "re-derived from sa-key.pem");
  }

  private static boolean samePublicKey(String pem, PublicKey expected) {
    try {
      return Arrays.equals(Pem.readPublicKey(pem).getEncoded(), expected.getEncoded());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
