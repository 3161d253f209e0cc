package dev.kubeyard.agcontroller.decide;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A small model of an availability group's commits and configurations, to check that the replica the rules
 * promote holds every acknowledged commit. What it assumes of SQL Server (ADR 40):
 * <ul>
 *   <li>The primary's configuration names the synchronized secondaries S. A commit is acknowledged only when
 *       every member of S hardened it and S has at least RSSTC members; a member that lost its connection
 *       holds commits until the primary removes it from S.
 *   <li>A configuration change (removing a disconnected member from S, or adding a connected secondary after
 *       it caught up) commits when the primary and at least RSSTC connected synchronous secondaries harden
 *       it, as a commit does; it reaches every connected synchronous replica, whose sequence number becomes
 *       the new version.
 *   <li>FAILOVER on a replica succeeds only if the replica is in S of its own copy of the configuration
 *       (else error 41142).
 * </ul>
 * The primary may crash at any point; then the controller observes the survivors and decides, retrying the
 * next candidate after a refused FAILOVER, as the runtime does.
 */
final class CommitModel {
  private static final int PRIMARY = 0;
  private static final int PRIMARY_UP = 1;
  private static final int VERSION = 2;
  private static final int SYNCHRONIZED = 3;
  private static final int ACKED = 4;
  private static final int WRITTEN = 5;
  private static final int HEADER = 6;
  private static final int LSN = 0;
  private static final int SEQ = 1;
  private static final int KNOWN = 2;
  private static final int CONNECTED = 3;
  private static final int UP = 4;
  private static final int FIELDS = 5;

  private final int replicas;
  private final int rsstc;
  private final int maxCommits;

  CommitModel(int replicas, int rsstc, int maxCommits) {
    this.replicas = replicas;
    this.rsstc = rsstc;
    this.maxCommits = maxCommits;
  }

  /** How one crash of the primary ended: who was promoted after how many refused FAILOVERs. */
  record Outcome(int[] state, Optional<String> promoted, int refusals, boolean lostAcknowledgedCommit) {
  }

  /** What an exploration found; a few of the losses as stories. */
  record Exploration(long states, long crashes, long promotions, long promotionsAfterAcknowledgedCommits,
      long refusedFailovers, long losses, List<String> lossStories) {
  }

  int[] initial() {
    int[] s = new int[HEADER + FIELDS * replicas];
    s[PRIMARY] = 0;
    s[PRIMARY_UP] = 1;
    s[VERSION] = 1;
    int all = 0;
    for (int i = 1; i < replicas; i++) {
      all |= 1 << i;
    }
    s[SYNCHRONIZED] = all;
    for (int i = 0; i < replicas; i++) {
      set(s, i, SEQ, 1);
      set(s, i, KNOWN, all);
      set(s, i, CONNECTED, 1);
      set(s, i, UP, 1);
    }
    return s;
  }

  /** Every state reachable in at most {@code depth} events; each crash of the primary is decided and checked. */
  Exploration explore(int depth, BiFunction<Observation, FailoverConfig, List<Decision>> rules) {
    Set<Key> seen = new HashSet<>();
    List<int[]> frontier = List.of(initial());
    seen.add(new Key(initial()));
    long crashes = 0;
    long promotions = 0;
    long withAcked = 0;
    long refused = 0;
    long losses = 0;
    List<String> stories = new ArrayList<>();
    for (int d = 0; d <= depth && !frontier.isEmpty(); d++) {
      List<int[]> next = new ArrayList<>();
      for (int[] s : frontier) {
        int[] crashed = crashPrimary(s);
        crashes++;
        Outcome outcome = failOver(crashed, rules);
        refused += outcome.refusals();
        if (outcome.promoted().isPresent()) {
          promotions++;
          withAcked += crashed[ACKED] > 0 ? 1 : 0;
        }
        if (outcome.lostAcknowledgedCommit()) {
          losses++;
          if (stories.size() < 3) {
            stories.add(describe(crashed) + " -> promoted " + outcome.promoted().orElseThrow());
          }
        }
        if (d < depth) {
          for (int[] t : successors(s)) {
            if (seen.add(new Key(t))) {
              next.add(t);
            }
          }
        }
      }
      frontier = next;
    }
    return new Exploration(seen.size(), crashes, promotions, withAcked, refused, losses, stories);
  }

  List<int[]> successors(int[] s) {
    List<int[]> out = new ArrayList<>();
    if (s[PRIMARY_UP] == 0) {
      return out;
    }
    if (s[WRITTEN] < maxCommits) {
      out.add(commit(s));
    }
    for (int i = 0; i < replicas; i++) {
      if (i == s[PRIMARY]) {
        continue;
      }
      if (get(s, i, CONNECTED) == 1) {
        out.add(disconnect(s, i, false));
      }
      if (get(s, i, UP) == 1) {
        out.add(disconnect(s, i, true));
      }
      if (get(s, i, UP) == 1 && get(s, i, CONNECTED) == 0) {
        int[] t = s.clone();
        set(t, i, CONNECTED, 1);
        out.add(t);
      }
      boolean member = (s[SYNCHRONIZED] & (1 << i)) != 0;
      if (member && get(s, i, CONNECTED) == 0) {
        changeConfiguration(s, s[SYNCHRONIZED] & ~(1 << i), -1).ifPresent(out::add);
      }
      if (!member && get(s, i, CONNECTED) == 1) {
        changeConfiguration(s, s[SYNCHRONIZED] | (1 << i), i).ifPresent(out::add);
      }
    }
    return out;
  }

  int[] commit(int[] s) {
    int[] t = s.clone();
    t[WRITTEN]++;
    boolean allHardened = true;
    for (int i = 0; i < replicas; i++) {
      if ((t[SYNCHRONIZED] & (1 << i)) != 0) {
        if (get(t, i, CONNECTED) == 1) {
          set(t, i, LSN, t[WRITTEN]);
        } else {
          allHardened = false;
        }
      }
    }
    if (allHardened && Integer.bitCount(t[SYNCHRONIZED]) >= rsstc) {
      t[ACKED] = t[WRITTEN];
    }
    return t;
  }

  int[] disconnect(int[] s, int i, boolean crash) {
    int[] t = s.clone();
    set(t, i, CONNECTED, 0);
    if (crash) {
      set(t, i, UP, 0);
    }
    return t;
  }

  /** A new S, committed if the primary and RSSTC connected synchronous secondaries harden it. */
  Optional<int[]> changeConfiguration(int[] s, int newSynchronized, int caughtUp) {
    int connected = 0;
    for (int i = 0; i < replicas; i++) {
      if (i != s[PRIMARY] && get(s, i, CONNECTED) == 1) {
        connected++;
      }
    }
    if (connected < rsstc) {
      return Optional.empty();
    }
    int[] t = s.clone();
    t[VERSION]++;
    t[SYNCHRONIZED] = newSynchronized;
    if (caughtUp >= 0) {
      set(t, caughtUp, LSN, t[WRITTEN]);
    }
    for (int i = 0; i < replicas; i++) {
      if (i == t[PRIMARY] || get(t, i, CONNECTED) == 1) {
        set(t, i, SEQ, t[VERSION]);
        set(t, i, KNOWN, newSynchronized);
      }
    }
    return Optional.of(t);
  }

  /** Drop a disconnected member from S; throws when the change cannot commit. */
  int[] remove(int[] s, int i) {
    return changeConfiguration(s, s[SYNCHRONIZED] & ~(1 << i), -1)
        .orElseThrow(() -> new IllegalStateException("the configuration change cannot commit: " + describe(s)));
  }

  boolean canRemove(int[] s, int i) {
    return changeConfiguration(s, s[SYNCHRONIZED] & ~(1 << i), -1).isPresent();
  }

  int[] crashPrimary(int[] s) {
    int[] t = s.clone();
    t[PRIMARY_UP] = 0;
    set(t, t[PRIMARY], LSN, t[WRITTEN]);
    set(t, t[PRIMARY], UP, 0);
    return t;
  }

  /** The controller's rounds after the crash: decide, try FAILOVER, retry the next candidate if refused. */
  Outcome failOver(int[] s, BiFunction<Observation, FailoverConfig, List<Decision>> rules) {
    FailoverConfig config = new FailoverConfig(OptionalInt.of(rsstc), Health.CRITICAL_ERROR,
        Replicas.CONFIG.writeLeaseValidity(), Replicas.CONFIG.leaseSafetyMargin());
    Set<String> refused = new HashSet<>();
    for (int attempt = 0; attempt <= replicas; attempt++) {
      Optional<String> promoted = rules.apply(observe(s, refused), config).stream()
          .filter(d -> d instanceof Decision.Promote)
          .map(d -> ((Decision.Promote) d).replica())
          .findFirst();
      if (promoted.isEmpty()) {
        return new Outcome(s, promoted, refused.size(), false);
      }
      int c = Integer.parseInt(promoted.get().substring(1)) - 1;
      if ((get(s, c, KNOWN) & (1 << c)) == 0) {
        refused.add(promoted.get());
        continue;
      }
      return new Outcome(s, promoted, refused.size(), get(s, c, LSN) < s[ACKED]);
    }
    throw new IllegalStateException("more refusals than replicas: " + describe(s));
  }

  /** The survivors answer as SECONDARY with their sequence numbers; the crashed primary's lease has run out. */
  Observation observe(int[] s, Set<String> refused) {
    List<ReplicaState> list = new ArrayList<>();
    for (int i = 0; i < replicas; i++) {
      String name = "r" + (i + 1);
      if (get(s, i, UP) == 1) {
        list.add(Replicas.with(Replicas.secondary(name, get(s, i, SEQ)), SynchronizationState.NOT_SYNCHRONIZING));
      } else {
        list.add(Replicas.unreachable(name, i == s[PRIMARY] ? Replicas.RUN_OUT : Optional.empty()));
      }
    }
    return new Observation(Replicas.NOW, list, Optional.of("r" + (s[PRIMARY] + 1)), OptionalInt.empty(), refused);
  }

  String describe(int[] s) {
    StringBuilder b = new StringBuilder("v" + s[VERSION] + " S=" + members(s[SYNCHRONIZED]) + " acked=" + s[ACKED]
        + " written=" + s[WRITTEN] + ":");
    for (int i = 0; i < replicas; i++) {
      b.append(" r").append(i + 1).append("[lsn=").append(get(s, i, LSN)).append(" seq=").append(get(s, i, SEQ))
          .append(" S=").append(members(get(s, i, KNOWN)))
          .append(get(s, i, UP) == 0 ? " down" : get(s, i, CONNECTED) == 0 ? " disconnected" : "").append("]");
    }
    return b.toString();
  }

  private String members(int mask) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < replicas; i++) {
      if ((mask & (1 << i)) != 0) {
        names.add("r" + (i + 1));
      }
    }
    return names.toString();
  }

  static int get(int[] s, int replica, int field) {
    return s[HEADER + FIELDS * replica + field];
  }

  static void set(int[] s, int replica, int field, int value) {
    s[HEADER + FIELDS * replica + field] = value;
  }

  static int acked(int[] s) {
    return s[ACKED];
  }

  private record Key(int[] state) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(state, k.state);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(state);
    }
  }
}
