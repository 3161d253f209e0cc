package dev.kubeyard.desktop.manager.elasticsearch;

/** Where one node is in the running update. */
public enum NodeStep { NONE, QUEUED, STARTED, WAITING, CHECKED, FLUSHED, STOPPED, STARTING, DONE, SKIPPED }
