package dev.kubeyard.engine.audit;

import dev.kubeyard.engine.audit.CisCheck.Rule;
import dev.kubeyard.engine.audit.HostEvidence.FileStat;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** The few kinds of rule the benchmark's items are made of; each returns the value it saw as evidence. */
final class Rules {
  /** The TLS 1.2 suites the benchmark lists as strong (1.2.29, 4.2.12): ECDHE with AES-GCM or ChaCha20. */
  private static final Predicate<String> STRONG_SUITE = s -> s.startsWith("TLS_ECDHE_")
      && (s.endsWith("_GCM_SHA256") || s.endsWith("_GCM_SHA384") || s.contains("CHACHA20_POLY1305"));
  private static final Set<String> ENCRYPTING = Set.of("aescbc", "aesgcm", "secretbox", "kms");

  /** For items the benchmark words "not set to X": an unset value holds whatever the program's default. */
  static final String UNSET = "";

  private Rules() {}

  /** Where a file is, found on the host's evidence (a flag's value, else where Kubeyard places it). */
  interface Where extends Function<HostEvidence, String> {}

  static Where at(String path) {
    return e -> path;
  }

  static Where flagPath(Component c, String flag, String otherwise) {
    return e -> e.flags(c).getOrDefault(flag, otherwise);
  }

  /** The file's permission bits allow nothing beyond {@code max} (600 or more restrictive, etc.). */
  static Rule mode(Where where, int max) {
    return e -> files(e, where, f -> (f.mode() & ~max) == 0);
  }

  static Rule owner(Where where, String owner) {
    return e -> files(e, where, f -> f.owner().equals(owner));
  }

  /** Every file directly in {@code dir} selected by {@code which} (and the folder when it is selected). */
  static Rule everyFile(String dir, Predicate<String> which, Predicate<FileStat> holds) {
    return e -> {
      List<FileStat> all = e.filesUnder(dir).stream().filter(f -> which.test(f.path())).toList();
      if (all.isEmpty()) {
        return Verdict.fail("no file read under " + dir);
      }
      List<FileStat> bad = all.stream().filter(holds.negate()).toList();
      return bad.isEmpty() ? Verdict.pass(all.size() + " files, e.g. " + all.get(0).show())
          : Verdict.fail(bad.size() + " of " + all.size() + ": " + String.join("; ", bad.stream().limit(4).map(FileStat::show).toList()));
    };
  }

  private static Verdict files(HostEvidence e, Where where, Predicate<FileStat> holds) {
    String path = where.apply(e);
    Optional<FileStat> f = e.file(path);
    return f.map(x -> Verdict.of(holds.test(x), x.show())).orElseGet(() -> Verdict.fail(path + " not found"));
  }

  /** The flag has {@code expected}; {@code byDefault} is its value when not given (null: must be given). */
  static Rule flag(Component c, String flag, String expected, String byDefault) {
    return e -> value(e, c, flag, byDefault, v -> v.equalsIgnoreCase(expected));
  }

  static Rule flagAtLeast(Component c, String flag, int min) {
    return e -> value(e, c, flag, null, v -> v.matches("\\d+") && Integer.parseInt(v) >= min);
  }

  /** Every one of {@code flags} is given a value. */
  static Rule flagsSet(Component c, String... flags) {
    return e -> {
      Map<String, String> f = e.flags(c);
      List<String> missing = Arrays.stream(flags).filter(x -> !f.containsKey(x) || f.get(x).isBlank()).toList();
      String seen = String.join(" ", Arrays.stream(flags).filter(f::containsKey).map(x -> x + "=" + f.get(x)).toList());
      return missing.isEmpty() ? Verdict.pass(seen) : Verdict.fail("not set: " + String.join(" ", missing));
    };
  }

  static Rule flagAbsent(Component c, String flag) {
    return e -> e.flags(c).containsKey(flag) ? Verdict.fail(flag + "=" + e.flags(c).get(flag)) : Verdict.pass(flag + " not set");
  }

  /** The comma-separated flag lists {@code item} (or does not, with {@code present} false). */
  static Rule listHas(Component c, String flag, String item, boolean present, String byDefault) {
    return e -> value(e, c, flag, byDefault, v -> Arrays.asList(v.split(",")).contains(item) == present);
  }

  /** An admission plugin on by default stays on: not in {@code --disable-admission-plugins}. */
  static Rule pluginNotDisabled(String plugin) {
    return e -> {
      String disabled = e.flags(Component.APISERVER).getOrDefault("--disable-admission-plugins", "");
      return Verdict.of(!Arrays.asList(disabled.split(",")).contains(plugin),
          disabled.isEmpty() ? "--disable-admission-plugins not set (" + plugin + " on by default)" : "--disable-admission-plugins=" + disabled);
    };
  }

  /** A feature gate is not switched off ({@code Gate=false} in {@code --feature-gates}). */
  static Rule gateNotOff(Component c, String gate) {
    return e -> {
      String gates = e.flags(c).getOrDefault("--feature-gates", "");
      return Verdict.of(!gates.contains(gate + "=false"), gates.isEmpty() ? "--feature-gates not set (" + gate + " on by default)" : "--feature-gates=" + gates);
    };
  }

  static Rule strongCiphers(Component c, String flag) {
    return e -> value(e, c, flag, null, Rules::strong);
  }

  private static boolean strong(String suites) {
    return Arrays.stream(suites.split(",")).allMatch(STRONG_SUITE);
  }

  /** The value is shown for a person to judge ("as appropriate"). */
  static Rule show(Component c, String flag, String byDefault) {
    return e -> Verdict.judge(e.flags(c).containsKey(flag) ? flag + "=" + e.flags(c).get(flag) : flag + " not set (default " + byDefault + ")");
  }

  /** Both rules hold; the evidence of both. */
  static Rule both(Rule a, Rule b) {
    return e -> {
      Verdict x = a.judge(e);
      Verdict y = b.judge(e);
      Outcome worst = x.outcome() == Outcome.PASS ? y.outcome() : x.outcome();
      return new Verdict(worst, x.evidence() + "; " + y.evidence());
    };
  }

  private static Verdict value(HostEvidence e, Component c, String flag, String byDefault, Predicate<String> holds) {
    if (!e.has(c)) {
      return Verdict.fail(HostReading.unitPath(c) + " not found");
    }
    String v = e.flags(c).get(flag);
    if (v == null) {
      return byDefault == null ? Verdict.fail(flag + " not set") : Verdict.of(holds.test(byDefault), flag + " not set (default " + byDefault + ")");
    }
    return Verdict.of(holds.test(v), flag + "=" + v);
  }

  /**
   * A kubelet setting: the command-line flag wins over the config file (as in the kubelet), then the
   * config field, then the default ({@code null}: must be set).
   */
  static Rule kubelet(String flag, String configField, String byDefault, Predicate<String> holds) {
    return e -> {
      if (!e.has(Component.KUBELET)) {
        return Verdict.fail(HostReading.unitPath(Component.KUBELET) + " not found");
      }
      String v = e.flags(Component.KUBELET).get(flag);
      if (v != null) {
        return Verdict.of(holds.test(v), flag + "=" + v);
      }
      Optional<String> field = configField == null ? Optional.empty() : e.kubeletConfig(configField);
      if (field.isPresent()) {
        return Verdict.of(holds.test(field.get()), "config " + configField + ": " + field.get());
      }
      String unset = flag + (configField == null ? "" : " and config " + configField) + " not set";
      return byDefault == null ? Verdict.fail(unset)
          : Verdict.of(holds.test(byDefault), unset + (byDefault.equals(UNSET) ? "" : " (default " + byDefault + ")"));
    };
  }

  static Predicate<String> is(String expected) {
    return v -> v.equalsIgnoreCase(expected);
  }

  static Predicate<String> isNot(String unwanted) {
    return v -> !Arrays.asList(v.split(",")).contains(unwanted);
  }

  static Predicate<String> given() {
    return v -> !v.isBlank();
  }

  static Predicate<String> strongSuites() {
    return Rules::strong;
  }

  /** 1.2.28: the first provider (the one that writes) encrypts; identity first would store Secrets in clear. */
  static Rule encryptionProviders() {
    return e -> {
      List<String> p = e.encryptionProviders();
      return p.isEmpty() ? Verdict.fail("no provider read from " + HostReading.ENCRYPTION_CONFIG)
          : Verdict.of(ENCRYPTING.contains(p.get(0)), "providers " + String.join(",", p));
    };
  }

  /** 2.7: etcd trusts its own CA, not the cluster CA that signs every client certificate. */
  static Rule uniqueEtcdCa() {
    return e -> {
      String etcdCa = e.flags(Component.ETCD).getOrDefault("--trusted-ca-file", "");
      String apiCa = e.flags(Component.APISERVER).getOrDefault("--client-ca-file", dev.kubeyard.engine.render.HostPaths.ssl("ca"));
      Optional<String> a = e.sha256(etcdCa);
      Optional<String> b = e.sha256(apiCa);
      boolean same = etcdCa.equals(apiCa) || a.isPresent() && a.equals(b);
      return Verdict.of(!etcdCa.isEmpty() && !same, "--trusted-ca-file=" + etcdCa
          + a.map(x -> " sha256 " + x.substring(0, 12)).orElse("") + (b.isPresent() ? ", cluster CA sha256 " + b.get().substring(0, 12) : ""));
    };
  }
}
