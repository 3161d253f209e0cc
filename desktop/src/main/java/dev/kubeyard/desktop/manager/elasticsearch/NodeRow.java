package dev.kubeyard.desktop.manager.elasticsearch;

/** A row of the nodes table: the node as the cluster reports it, and its step in the running update. */
public record NodeRow(String name, String version, String revision, String roles, boolean inCluster,
    boolean running, NodeStep step, String gate) {}
