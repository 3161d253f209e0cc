package dev.kubeyard.engine.run;

import java.time.Duration;

/**
 * How the executor paces a run: hosts worked on at once, how long one command may take, and how
 * long a step's verify is retried (services need a moment after a restart) before the step fails.
 */
public record RunSettings(int parallelHosts, Duration commandTimeout, Duration verifyTimeout, Duration verifyInterval) {

  public static RunSettings defaults() {
    return new RunSettings(8, Duration.ofMinutes(10), Duration.ofSeconds(120), Duration.ofSeconds(2));
  }

  public RunSettings withCommandTimeout(Duration timeout) {
    return new RunSettings(parallelHosts, timeout, verifyTimeout, verifyInterval);
  }

  public RunSettings withVerifyTimeout(Duration timeout, Duration interval) {
    return new RunSettings(parallelHosts, commandTimeout, timeout, interval);
  }
}
