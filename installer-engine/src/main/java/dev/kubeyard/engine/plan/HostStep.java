package dev.kubeyard.engine.plan;

import dev.kubeyard.model.spec.HostSpec;
import java.util.Optional;

/** One entry of the install sequence: what it does on a host, or nothing when the host has no part in it. */
public interface HostStep {
  Optional<Step> plan(PlanInput in, HostSpec host);
}
