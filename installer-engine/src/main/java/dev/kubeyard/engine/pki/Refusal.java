package dev.kubeyard.engine.pki;

/** Why a run stops before writing anything, and what the administrator can do about it. */
record Refusal(String problem, String hint) {}
