package dev.kubeyard.engine.run;

import java.time.Duration;

/**
 * How the executor paces a run: hosts worked on at once, how long one command may take, and how
 * long a step's verify is retried (services need a moment after a restart) before the step fails.
 * With {@code rehash} the checks hash every placed file instead of trusting the hosts' ledger of what
 * was placed (ADR 46; {@code kubeyard apply --verify}).
 */
public record RunSettings(int parallelHosts, Duration commandTimeout, Duration verifyTimeout, Duration verifyInterval,
    boolean rehash) {

  public RunSettings(int parallelHosts, Duration commandTimeout, Duration verifyTimeout, Duration verifyInterval) {
    this(parallelHosts, commandTimeout, verifyTimeout, verifyInterval, false);
  }

  public static RunSettings defaults() {
    return new RunSettings(8, Duration.ofMinutes(10), Duration.ofSeconds(120), Duration.ofSeconds(2));
  }

  public RunSettings withCommandTimeout(Duration timeout) {
    return new RunSettings(parallelHosts, timeout, verifyTimeout, verifyInterval, rehash);
  }

  public RunSettings withVerifyTimeout(Duration timeout, Duration interval) {
    return new RunSettings(parallelHosts, commandTimeout, timeout, interval, rehash);
  }

  public RunSettings withRehash(boolean on) {
    return new RunSettings(parallelHosts, commandTimeout, verifyTimeout, verifyInterval, on);
  }
}
