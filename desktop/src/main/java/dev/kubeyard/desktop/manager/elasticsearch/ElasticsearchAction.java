package dev.kubeyard.desktop.manager.elasticsearch;

/** The actions, one at a time. */
public enum Action { DEPLOY, UPDATE, RESUME, ROLLBACK, SNAPSHOT, RESTORE }
