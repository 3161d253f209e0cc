package dev.kubeyard.engine.audit;

/** One row of the audit: an item on a host (or a probe from the work machine) and what was found. */
public record Finding(String id, String title, int level, boolean automated, String host, Outcome result, String evidence) {}
