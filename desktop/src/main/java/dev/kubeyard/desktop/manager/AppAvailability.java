package dev.kubeyard.desktop.manager;

/** What an application's tab can show. */
public enum AppAvailability {
  /** The spec does not enable the application: nothing to manage or deploy. */
  NOT_ENABLED,
  /** No cluster opened yet. */
  NO_CLUSTER,
  CONNECTING,
  /** The cluster does not run it: Deploy. */
  NOT_DEPLOYED,
  INSTALLED,
  /** The application or the cluster does not answer (see the error). */
  UNREACHABLE
}
