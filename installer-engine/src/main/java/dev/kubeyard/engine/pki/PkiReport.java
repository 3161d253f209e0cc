package dev.kubeyard.engine.pki;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a run did to each piece of PKI material, and why. */
public record PkiReport(List<Entry> entries) {

  public PkiReport {
    entries = List.copyOf(entries);
  }

  /** What happened to one name. */
  public enum Outcome {
    /** Present, valid and matching the spec: left untouched. */
    KEPT,
    /** Did not exist: created. */
    ISSUED,
    /** Existed but no longer fit (reason says why): replaced. */
    REISSUED,
    /** On disk but no longer in the spec (a removed host): reported, not deleted. */
    STALE
  }

  /** One name's outcome; {@code reason} explains a re-issue, or carries a note on a kept item. */
  public record Entry(String name, Outcome outcome, String reason) {
    @Override
    public String toString() {
      String line = String.format("%-9s %s", outcome.name().toLowerCase(java.util.Locale.ROOT), name);
      return reason == null || reason.isEmpty() ? line : line + " (" + reason + ")";
    }
  }

  public Optional<Entry> entry(String name) {
    return entries.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** The outcome for {@code name}; fails loudly when the run did not consider that name. */
  public Outcome outcome(String name) {
    return entry(name).map(Entry::outcome)
        .orElseThrow(() -> new IllegalArgumentException("the report has no entry for " + name));
  }

  /** The names with the given outcome, in report order. */
  public List<String> names(Outcome outcome) {
    return entries.stream().filter(e -> e.outcome() == outcome).map(Entry::name).toList();
  }

  /** True when the run wrote nothing. */
  public boolean unchanged() {
    return entries.stream().allMatch(e -> e.outcome() == Outcome.KEPT || e.outcome() == Outcome.STALE);
  }

  /** One line: how many items were kept, issued, re-issued, stale. */
  public String summary() {
    java.util.Map<Outcome, Long> counts = new java.util.EnumMap<>(Outcome.class);
    entries.forEach(e -> counts.merge(e.outcome(), 1L, Long::sum));
    return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(java.util.Locale.ROOT))
        .collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return entries.stream().map(Entry::toString).collect(Collectors.joining("\n"));
  }
}
