package dev.kubeyard.engine.run;

import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.transport.Transport;
import dev.kubeyard.engine.transport.TransportFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * NOT A REAL EXECUTION: transports that record what the {@link Executor} asks of each host instead of
 * sending it (k0sctl's dry run is the model). The executor stays the one that runs installs, so phases,
 * one-host-at-a-time, events and {@code logs/<host>.log} are the real ones. A step's check is answered
 * "not yet" so the step is walked, unless it is in {@code satisfied} (done by an earlier attempt); every
 * other command succeeds. A step in {@code failOnce} ({@code host -> stepId}) fails once, to show the
 * failure path.
 */
public final class Rehearsal implements TransportFactory {
  private final Plan plan;
  private final Set<String> satisfied;
  private final Map<String, String> failOnce;
  private final Duration perCommand;
  private final List<Command> recorded = new CopyOnWriteArrayList<>();

  /** What a host was asked: a command to run or a file to place ({@code text} names it). */
  public record Command(String host, String text) {}

  /**
   * @param satisfied steps whose checks pass, as {@link #key}s
   * @param failOnce steps that fail once; a mutable map shared by the attempts, so a retry does not fail them again
   * @param perCommand how long each command pretends to take (zero in tests, a few ms for a visible demo)
   */
  public Rehearsal(Plan plan, Set<String> satisfied, Map<String, String> failOnce, Duration perCommand) {
    this.plan = plan;
    this.satisfied = Set.copyOf(satisfied);
    this.failOnce = failOnce;
    this.perCommand = perCommand;
  }

  /** A rehearsal of the whole plan, every step walked, no failure. */
  public static Rehearsal of(Plan plan) {
    return new Rehearsal(plan, Set.of(), new ConcurrentHashMap<>(), Duration.ZERO);
  }

  /** Names one step on one host, e.g. {@code master1/start-etcd}. */
  public static String key(String host, String stepId) {
    return host + "/" + stepId;
  }

  @Override
  public Transport open(String host) {
    List<Step> steps = plan.steps().stream().filter(s -> s.host().equals(host)).toList();
    return new RehearsalTransport(host, steps, this);
  }

  @Override
  public boolean rehearses() {
    return true;
  }

  /** Everything the hosts were asked, in the order each host was asked it. */
  public List<Command> recorded() {
    return List.copyOf(recorded);
  }

  void record(String host, String text) {
    recorded.add(new Command(host, text));
  }

  boolean satisfied(Step s) {
    return satisfied.contains(key(s.host(), s.id()));
  }

  /** True once for a step asked to fail. */
  boolean failsNow(Step s) {
    return s.id().equals(failOnce.get(s.host())) && failOnce.remove(s.host(), s.id());
  }

  Duration perCommand() {
    return perCommand;
  }
}
