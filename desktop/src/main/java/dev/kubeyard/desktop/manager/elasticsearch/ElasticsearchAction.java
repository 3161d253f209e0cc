package dev.kubeyard.desktop.manager.elasticsearch;

/** What the Elasticsearch tab can run, one at a time (not a plan's step action, plan.Action). */
public enum ElasticsearchAction { DEPLOY, UPDATE, RESUME, ROLLBACK, SNAPSHOT, RESTORE }
