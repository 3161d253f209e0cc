package dev.kubeyard.engine.apps.elasticsearch;

import java.util.Map;
import java.util.Optional;

/**
 * Which version changes a rolling update may make. Elasticsearch reads indices from the previous
 * major only, and a rolling upgrade across a major works only from the last minor of the previous
 * major (6.8 → 7.x, 7.17 → 8.x, 8.18 → 9.x). Nothing ever goes backwards: a node refuses newer
 * on-disk metadata.
 */
public final class UpgradePath {
  /** The minor a major must be on before a rolling upgrade to the next major. */
  private static final Map<Integer, Integer> LAST_MINOR = Map.of(6, 8, 7, 17, 8, 18);

  private UpgradePath() {}

  /** Empty when {@code from → to} is allowed, else why not and what to do instead. */
  public static Optional<String> refusal(EsVersion from, EsVersion to) {
    if (to.compareTo(from) < 0) {
      return Optional.of("cannot downgrade Elasticsearch from " + from + " to " + to
          + ": nodes refuse on-disk data written by a newer version; restore a snapshot into a cluster on " + to
          + " instead");
    }
    if (to.major() == from.major()) {
      return Optional.empty();
    }
    if (to.major() > from.major() + 1) {
      return Optional.of("cannot upgrade Elasticsearch from " + from + " to " + to + " in one step: upgrade to "
          + from.major() + "." + LAST_MINOR.getOrDefault(from.major(), from.minor()) + " first, then to "
          + (from.major() + 1) + ".x");
    }
    Integer last = LAST_MINOR.get(from.major());
    if (last == null || from.minor() < last) {
      return Optional.of("a rolling upgrade to " + to + " starts from " + from.major() + "." + last
          + " only (found " + from + "); upgrade to the latest " + from.major() + "." + last + ".x first");
    }
    return Optional.empty();
  }
}
