package dev.kubeyard.desktop.wizard.network;

import java.util.List;
import java.util.Set;

/** Two address ranges (or a range and a host) that must not overlap, and the fields to highlight. */
public record Conflict(Set<String> paths, String messageKey, List<String> args) {}
