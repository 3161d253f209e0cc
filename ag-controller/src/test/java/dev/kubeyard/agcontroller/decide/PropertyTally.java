package dev.kubeyard.agcontroller.decide;

import dev.kubeyard.agcontroller.decide.Decision.Blocked;
import dev.kubeyard.agcontroller.decide.Decision.Fence;
import dev.kubeyard.agcontroller.decide.Decision.Promote;
import dev.kubeyard.agcontroller.decide.Decision.ReturnToSecondary;
import dev.kubeyard.agcontroller.decide.Decision.WaitForMajority;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Runs decide() on many observations and keeps, per property, how often it broke and a few examples. */
final class PropertyTally implements Consumer<Observation> {
  private final FailoverConfig config;
  private final Map<Property, List<String>> examples = new EnumMap<>(Property.class);
  private final Map<Property, Long> broken = new EnumMap<>(Property.class);
  long rounds;
  long promotions;
  long offlineFences;
  long podDeletions;
  long blocked;
  long waitsForMajority;
  long returnsToSecondary;
  long nanos;

  PropertyTally(FailoverConfig config) {
    this.config = config;
    for (Property p : Property.values()) {
      examples.put(p, new ArrayList<>());
      broken.put(p, 0L);
    }
  }

  @Override
  public void accept(Observation o) {
    Round r = Round.of(o, config);
    rounds++;
    for (Property p : Property.values()) {
      p.broken(r).ifPresent(why -> {
        broken.merge(p, 1L, Long::sum);
        if (examples.get(p).size() < 3) {
          examples.get(p).add(why + " in " + r);
        }
      });
    }
    promotions += r.count(Promote.class);
    blocked += r.count(Blocked.class);
    waitsForMajority += r.count(WaitForMajority.class);
    returnsToSecondary += r.count(ReturnToSecondary.class);
    for (Decision d : r.decisions()) {
      if (d instanceof Fence f) {
        if (f.how() == FenceMethod.OFFLINE) {
          offlineFences++;
        } else {
          podDeletions++;
        }
      }
    }
  }

  long broken(Property p) {
    return broken.get(p);
  }

  List<String> examples(Property p) {
    return examples.get(p);
  }

  static PropertyTally timed(FailoverConfig config, Consumer<Consumer<Observation>> space) {
    PropertyTally tally = new PropertyTally(config);
    long start = System.nanoTime();
    space.accept(tally);
    tally.nanos = System.nanoTime() - start;
    return tally;
  }

  @Override
  public String toString() {
    return String.format("%,d rounds in %.1f s: %,d promotions, %,d OFFLINE fences, %,d pod deletions, %,d blocked,"
            + " %,d waits for a majority, %,d returns to SECONDARY",
        rounds, nanos / 1e9, promotions, offlineFences, podDeletions, blocked, waitsForMajority, returnsToSecondary);
  }
}
