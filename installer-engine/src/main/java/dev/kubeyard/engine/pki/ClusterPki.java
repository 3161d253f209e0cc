package dev.kubeyard.engine.pki;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.facts.PkiPolicy;
import dev.kubeyard.engine.pki.AuthorityKeeper.Applied;
import dev.kubeyard.engine.pki.AuthorityKeeper.Plan;
import dev.kubeyard.engine.pki.PkiReport.Entry;
import dev.kubeyard.engine.pki.PkiReport.Outcome;
import dev.kubeyard.engine.pki.RenewalCheck.Verdict;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Brings the PKI directory on the deploy node to what the spec needs, and says what it did.
 *
 * <ol>
 *   <li>Inspect the CAs and the service-account key pair; stop before writing anything if one of
 *       them needs the administrator (see {@link AuthorityKeeper}).</li>
 *   <li>Create what is missing; an existing usable CA is always kept.</li>
 *   <li>For every request of the {@link CertificateCatalogue}: keep the certificate if it still fits,
 *       otherwise issue it with a fresh key (see {@link RenewalCheck} for the rules).</li>
 *   <li>Report certificates on disk that the spec no longer asks for as stale; never delete them.</li>
 * </ol>
 */
public final class ClusterPki {

  private ClusterPki() {}

  /**
   * Ensures the PKI in {@code pkiDir} for {@code facts}; {@code clock} decides "now" for validity; the CA
   * keys' passphrase comes from the environment ({@link PkiPassphrase#fromEnvironment()}).
   */
  public static PkiReport ensure(ClusterFacts facts, Path pkiDir, Clock clock) {
    return ensure(facts, pkiDir, clock, PkiPassphrase.fromEnvironment());
  }

  /** As {@link #ensure(ClusterFacts, Path, Clock)}, the CA keys encrypted with {@code passphrase}. */
  public static PkiReport ensure(ClusterFacts facts, Path pkiDir, Clock clock, PkiPassphrase passphrase) {
    return ensure(facts, pkiDir, clock, passphrase, new SecureRandom());
  }

  static PkiReport ensure(ClusterFacts facts, Path pkiDir, Clock clock, SecureRandom random) {
    return ensure(facts, pkiDir, clock, PkiPassphrase.fromEnvironment(), random);
  }

  static PkiReport ensure(ClusterFacts facts, Path pkiDir, Clock clock, PkiPassphrase passphrase,
      SecureRandom random) {
    PkiPolicy pki = facts.pki();
    KeyAlgorithm algorithm = KeyAlgorithm.parse(pki.keyAlgorithm());
    List<CertificateRequest> requests = CertificateCatalogue.of(facts);
    KeyFiles files = KeyFiles.at(pkiDir);
    AuthorityKeeper keeper = new AuthorityKeeper(files, clock, passphrase);
    ServiceAccountKeys serviceAccount = new ServiceAccountKeys(files, passphrase);

    List<Refusal> refusals = new ArrayList<>();
    Map<CertificateAuthority, Plan> plans = new EnumMap<>(CertificateAuthority.class);
    for (CertificateAuthority ca : CertificateAuthority.values()) {
      keeper.inspect(ca, algorithm, refusals).ifPresent(plan -> plans.put(ca, plan));
    }
    Optional<ServiceAccountKeys.Plan> saPlan = serviceAccount.inspect(algorithm, refusals);
    if (!refusals.isEmpty()) {
      throw refuse(refusals);
    }
    Map<String, Verdict> keptCaVerdicts = new HashMap<>(); // each leaf is checked once: the check signs and verifies
    saPlan = Optional.of(openBeforeWriting(plans, saPlan.orElseThrow(), requests, files, keeper, algorithm, clock,
        passphrase, keptCaVerdicts));

    files.prepare();
    CertificateIssuer issuer = new CertificateIssuer(clock, random);
    List<Entry> entries = new ArrayList<>();
    Map<CertificateAuthority, Applied> authorities = new EnumMap<>(CertificateAuthority.class);
    for (CertificateAuthority ca : CertificateAuthority.values()) {
      Applied applied = keeper.apply(ca, plans.get(ca), algorithm, pki.caValidityDays(), issuer, random);
      authorities.put(ca, applied);
      entries.add(applied.entry());
    }
    entries.add(serviceAccount.apply(saPlan.orElseThrow(), algorithm, random));

    // Checking, generating and signing are independent per leaf and dominate a large plan (a key pair and a
    // signature each; one kubelet certificate per node): done on every core, then written in the catalogue's order.
    List<Leaf> leaves = requests.parallelStream().map(request -> {
      Applied ca = authorities.get(request.signer());
      KeyAlgorithm leafAlgorithm = CertificateCatalogue.keyAlgorithm(request, algorithm);
      Verdict known = ca.newKey() ? null : keptCaVerdicts.get(request.name()); // a kept CA: the same check as before
      Verdict verdict = known != null ? known : RenewalCheck.check(request, files.read(files.certificate(request.name())),
          files.read(files.privateKey(request.name())), ca.material(), ca.newKey(), leafAlgorithm, clock.instant());
      if (verdict.keep()) {
        return new Leaf(request, verdict, null, null);
      }
      KeyPair keys = leafAlgorithm.generate(random);
      return new Leaf(request, verdict, keys, issuer.issue(request, keys.getPublic(), ca.material(), pki.certValidityDays()));
    }).toList();
    for (Leaf leaf : leaves) {
      if (leaf.keys() != null) {
        // Key first: if the run stops in between, the next run sees a mismatch and issues again.
        files.writePrivate(files.privateKey(leaf.request().name()), Pem.privateKey(leaf.keys().getPrivate()));
        files.writePublic(files.certificate(leaf.request().name()), Pem.certificate(leaf.certificate()));
      }
      entries.add(new Entry(leaf.request().name(), leaf.verdict().outcome(), leaf.verdict().reason()));
    }
    entries.addAll(stale(files, CertificateCatalogue.names(facts)));
    return new PkiReport(entries);
  }

  /** One leaf's verdict and, when it is issued anew, its key pair and certificate, before anything is written. */
  private record Leaf(CertificateRequest request, Verdict verdict, KeyPair keys, X509CertificateHolder certificate) {}

  /**
   * Decrypts the CA keys this run signs with, and reads the passphrase when a key is to be encrypted,
   * before anything is written: a wrong or missing passphrase stops the run with the folder untouched. A
   * CA whose certificates all stay is not opened (ADR 37: the etcd and front-proxy CA keys stay sealed on
   * a plan run that issues nothing from them).
   */
  private static ServiceAccountKeys.Plan openBeforeWriting(Map<CertificateAuthority, Plan> plans,
      ServiceAccountKeys.Plan sa, List<CertificateRequest> requests, KeyFiles files, AuthorityKeeper keeper,
      KeyAlgorithm algorithm, Clock clock, PkiPassphrase passphrase, Map<String, Verdict> verdicts) {
    boolean locks = sa.needsPassphrase() && (sa.existing().isEmpty() || sa.plain());
    Optional<AuthorityMaterial> lockedKept = Optional.empty();
    for (Map.Entry<CertificateAuthority, Plan> e : plans.entrySet()) {
      CertificateAuthority ca = e.getKey();
      if (e.getValue() instanceof AuthorityKeeper.Keep keep) {
        locks |= keep.plain();
        if (!keep.plain()) {
          lockedKept = lockedKept.or(() -> Optional.of(keep.material()));
        }
        if (!keep.plain() && signsThisRun(ca, keep.material(), requests, files, algorithm, clock, verdicts)) {
          keep.material().privateKey();
        }
      } else if (e.getValue() instanceof AuthorityKeeper.Recertify re) {
        KeyPair opened = re.keys().get();
        e.setValue(new AuthorityKeeper.Recertify(() -> opened, re.plain()));
        locks = true;
      } else {
        locks = true;
      }
    }
    if (sa.needsPassphrase() && !sa.plain() && sa.existing().isPresent()) {
      KeyPair opened = sa.existing().get().get();
      sa = new ServiceAccountKeys.Plan(Optional.of(() -> opened), sa.publicKeyCurrent(), sa.note(), false);
    }
    if (locks) {
      // Every key in the folder shares one passphrase: check it opens a key already encrypted, if any.
      lockedKept.filter(m -> !m.opened()).ifPresent(AuthorityMaterial::privateKey);
      char[] secret = passphrase.get(PkiPassphrase.TO_ENCRYPT + " the CA keys in " + files.directory());
      try {
        LockedKeys.checkStrength(secret);
      } finally {
        java.util.Arrays.fill(secret, '\0');
      }
    }
    return sa;
  }

  private static boolean signsThisRun(CertificateAuthority ca, AuthorityMaterial material,
      List<CertificateRequest> requests, KeyFiles files, KeyAlgorithm algorithm, Clock clock, Map<String, Verdict> verdicts) {
    return requests.stream().filter(r -> r.signer() == ca).anyMatch(r -> !verdicts.computeIfAbsent(r.name(), n -> RenewalCheck.check(r,
        files.read(files.certificate(r.name())), files.read(files.privateKey(r.name())), material, false,
        CertificateCatalogue.keyAlgorithm(r, algorithm), clock.instant())).keep());
  }

  private static List<Entry> stale(KeyFiles files, List<String> expected) {
    Set<String> known = new HashSet<>(expected);
    List<Entry> stale = new ArrayList<>();
    for (String name : files.certificateNames()) {
      if (!known.contains(name)) {
        String why = name.startsWith("kubelet-") ? "host '" + name.substring(8) + "' is no longer a node in the spec"
            : name.startsWith("etcd-") ? "host '" + name.substring(5) + "' is no longer an etcd member in the spec"
            : "not part of the PKI this spec needs";
        stale.add(new Entry(name, Outcome.STALE, why + "; left in place, delete " + name + ".pem and "
            + name + "-key.pem once nothing uses them"));
      }
    }
    return stale;
  }

  private static PkiException refuse(List<Refusal> refusals) {
    String problems = refusals.stream().map(Refusal::problem).collect(Collectors.joining("\n  "));
    String hints = refusals.stream().map(Refusal::hint).distinct().collect(Collectors.joining("\n  "));
    return new PkiException("the PKI in place needs a decision before anything is written:\n  " + problems,
        "what to do:\n  " + hints);
  }
}
