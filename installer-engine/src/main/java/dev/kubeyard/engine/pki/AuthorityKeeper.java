package dev.kubeyard.engine.pki;

import dev.kubeyard.engine.pki.PkiReport.Entry;
import dev.kubeyard.engine.pki.PkiReport.Outcome;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Keeps the CAs, their keys encrypted at rest with the PKI passphrase (ADR 37); a key found unencrypted
 * (a plan folder from before) is encrypted on this run and the report says so. An existing, usable CA is never replaced: the whole cluster trusts it. A CA whose
 * certificate is present but whose key is missing, unreadable or foreign stops the run, because the
 * only automatic fix (a new CA) would invalidate every certificate and kubeconfig in the cluster.
 */
final class AuthorityKeeper {
  /** A CA or leaf closer than this to its end is due for renewal. */
  static final Duration RENEW_BEFORE = Duration.ofDays(30);

  private final KeyFiles files;
  private final Clock clock;
  private final PkiPassphrase passphrase;

  AuthorityKeeper(KeyFiles files, Clock clock, PkiPassphrase passphrase) {
    this.files = files;
    this.clock = clock;
    this.passphrase = passphrase;
  }

  /** What to do with one CA, decided before anything is written. */
  sealed interface Plan permits Keep, Create, Recertify {}

  /**
   * Certificate and key present (and matching, once opened): use as is; {@code note} is for the report;
   * {@code plain}: the key is still unencrypted on disk and gets encrypted.
   */
  record Keep(AuthorityMaterial material, String note, boolean plain) implements Plan {}

  /** Neither usable certificate nor key: a new CA (everything it signed gets re-issued). */
  record Create() implements Plan {}

  /** Key present, certificate missing: a new self-signed certificate for the same key and name. */
  record Recertify(Supplier<KeyPair> keys, boolean plain) implements Plan {}

  /** The CA as applied: what signs the leaves, what to report, and whether its key is new. */
  record Applied(AuthorityMaterial material, Entry entry, boolean newKey) {}

  /** Inspects one CA; a refusal is added to {@code refusals} and empty returned. */
  Optional<Plan> inspect(CertificateAuthority ca, KeyAlgorithm wanted, List<Refusal> refusals) {
    Path certFile = files.certificate(ca.fileName());
    Path keyFile = files.privateKey(ca.fileName());
    Optional<String> certPem = files.read(certFile);
    Optional<String> keyPem = files.read(keyFile);
    String where = " in " + files.directory();
    if (certPem.isEmpty() && keyPem.isEmpty()) {
      return Optional.of(new Create());
    }
    boolean locked = keyPem.map(LockedKeys::isLocked).orElse(false);
    PrivateKey key = null;
    if (keyPem.isPresent() && !locked) {
      try {
        key = Pem.readPrivateKey(keyPem.get());
      } catch (IllegalArgumentException e) {
        refusals.add(new Refusal(keyFile.getFileName() + where + " is not a usable key: " + e.getMessage(),
            "restore it from your backup; a new " + ca.commonName() + " would invalidate everything it signed"));
        return Optional.empty();
      }
    }
    if (certPem.isEmpty()) {
      PrivateKey plainKey = key;
      return Optional.of(locked
          ? new Recertify(() -> KeyPairs.of(open(ca, keyFile, keyPem.get(), "re-create " + certFile.getFileName())), false)
          : new Recertify(() -> KeyPairs.of(plainKey), true));
    }
    X509CertificateHolder cert;
    try {
      cert = Pem.readCertificate(certPem.get());
    } catch (IllegalArgumentException e) {
      refusals.add(new Refusal(certFile.getFileName() + where + " is not a readable certificate: "
          + e.getMessage(), "restore it from your backup, or delete it to re-create it from "
          + keyFile.getFileName()));
      return Optional.empty();
    }
    if (keyPem.isEmpty()) {
      refusals.add(new Refusal(keyFile.getFileName() + " is missing but " + certFile.getFileName() + " ("
          + ca.commonName() + ") is present" + where + ": every certificate and kubeconfig signed by this CA "
          + "trusts it, and a new CA would invalidate all of them",
          "restore " + keyFile.getFileName() + " from your backup and run again; to start a new "
          + ca.commonName() + " on purpose, move " + certFile.getFileName() + " away as well (every component "
          + "then gets new certificates and must be restarted)"));
      return Optional.empty();
    }
    PublicKey certKey = Pem.publicKey(cert.getSubjectPublicKeyInfo());
    if (!locked && !KeyPairs.matches(key, certKey)) {
      refusals.add(new Refusal(keyFile.getFileName() + " does not belong to " + certFile.getFileName() + where,
          "restore the matching pair from your backup; never mix files of two CAs"));
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (!cert.getNotAfter().toInstant().isAfter(now)) {
      refusals.add(new Refusal(certFile.getFileName() + " (" + ca.commonName() + ") expired on "
          + cert.getNotAfter().toInstant() + ", so nothing it signed is trusted any more",
          "a CA is never replaced automatically: move " + certFile.getFileName() + " and "
          + keyFile.getFileName() + " away to create a new one, then redeploy every component"));
      return Optional.empty();
    }
    AuthorityMaterial material = locked
        ? AuthorityMaterial.locked(ca, cert, certKey, () -> matching(open(ca, keyFile, keyPem.get(),
            "issue a certificate signed by the " + ca.commonName()), certKey, keyFile, certFile))
        : AuthorityMaterial.open(ca, cert, new KeyPair(certKey, key));
    return Optional.of(new Keep(material, notes(ca, cert, certKey, wanted, now), !locked));
  }

  /** The passphrase, for encrypting a new or unencrypted CA key. */
  char[] passphraseToLock(CertificateAuthority ca) {
    return passphrase.get(PkiPassphrase.TO_ENCRYPT + " " + ca.fileName() + "-key.pem in " + files.directory());
  }

  private PrivateKey open(CertificateAuthority ca, Path keyFile, String pem, String why) {
    return LockedKeys.unlock(keyFile, pem, passphrase, "Kubeyard must open " + keyFile.getFileName() + " (the "
        + ca.commonName() + ") to " + why);
  }

  private static PrivateKey matching(PrivateKey key, PublicKey certKey, Path keyFile, Path certFile) {
    if (!KeyPairs.matches(key, certKey)) {
      throw new PkiException(keyFile.getFileName() + " does not belong to " + certFile.getFileName() + " in "
          + keyFile.getParent() + "; nothing was changed", "restore the matching pair from your backup; never mix files of two CAs");
    }
    return key;
  }

  Applied apply(CertificateAuthority ca, Plan plan, KeyAlgorithm algorithm, int validityDays,
      CertificateIssuer issuer, SecureRandom random) {
    if (plan instanceof Keep keep) {
      String note = keep.note();
      if (keep.plain()) {
        lock(ca, keep.material().privateKey(), random);
        note = (note == null ? "" : note + "; ") + MIGRATED;
      }
      return new Applied(keep.material(), new Entry(ca.fileName(), Outcome.KEPT, note), false);
    }
    if (plan instanceof Recertify re) {
      AuthorityMaterial m = issuer.selfSigned(ca, re.keys().get(), validityDays);
      if (re.plain()) {
        lock(ca, m.privateKey(), random);
      }
      files.writePublic(files.certificate(ca.fileName()), Pem.certificate(m.certificate()));
      return new Applied(m, new Entry(ca.fileName(), Outcome.REISSUED, ca.fileName() + ".pem was missing: "
          + "re-created from the existing " + ca.fileName() + "-key.pem (same key and name, so what it "
          + "signed stays valid)"), false);
    }
    AuthorityMaterial m = issuer.selfSigned(ca, algorithm.generate(random), validityDays);
    lock(ca, m.privateKey(), random);
    files.writePublic(files.certificate(ca.fileName()), Pem.certificate(m.certificate()));
    return new Applied(m, new Entry(ca.fileName(), Outcome.ISSUED, "new " + ca.commonName()), true);
  }

  /** Said in the report when a key found unencrypted was encrypted on this run. */
  static final String MIGRATED = "its key was stored unencrypted and is now encrypted with the PKI passphrase (ADR 37)";

  private void lock(CertificateAuthority ca, PrivateKey key, SecureRandom random) {
    char[] secret = passphraseToLock(ca);
    try {
      files.writeLocked(files.privateKey(ca.fileName()), LockedKeys.lock(key, secret, random), Pem.privateKey(key));
    } finally {
      java.util.Arrays.fill(secret, '\0');
    }
  }

  private static String notes(CertificateAuthority ca, X509CertificateHolder cert, PublicKey key,
      KeyAlgorithm wanted, Instant now) {
    List<String> notes = new ArrayList<>();
    Duration left = Duration.between(now, cert.getNotAfter().toInstant());
    if (left.compareTo(RENEW_BEFORE) < 0) {
      notes.add("expires in " + left.toDays() + " days: a CA is never replaced automatically, plan a rotation");
    }
    String actual = KeyAlgorithm.describe(key);
    if (!actual.equals(wanted.toString())) {
      notes.add("its key is " + actual + " while pki.keyAlgorithm is " + wanted
          + ": a CA is never replaced automatically, new leaves use " + wanted);
    }
    X500Name expected = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, ca.commonName()).build();
    if (!cert.getSubject().equals(expected)) {
      notes.add("its subject is " + cert.getSubject() + ", not " + expected + " (kept: the cluster trusts it)");
    }
    return notes.isEmpty() ? null : String.join("; ", notes);
  }
}
