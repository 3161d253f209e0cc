package dev.kubeyard.engine.apps.gitlab.tier;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The tier's object names and labels. Every object carries {@code app.kubernetes.io/part-of: gitlab}, as
 * the data tier's do; a component's pods are selected by name and component, never by version (selectors
 * are immutable).
 */
final class TierNames {
  static final String WEBSERVICE = "gitlab-webservice";
  static final String SIDEKIQ = "gitlab-sidekiq";
  static final String SHELL = "gitlab-shell";
  static final String GITALY = "gitlab-gitaly";
  static final String TOOLBOX = "gitlab-toolbox";
  static final String MIGRATIONS = "gitlab-migrations";
  /** The component label of the generated Secrets. */
  static final String SECRETS = "gitlab-secrets";
  /** Generated Secrets (ADR 44): never rendered into a golden file or a plan folder. */
  static final String RAILS_SECRET = "gitlab-rails-secret";
  static final String GITALY_SECRET = "gitlab-gitaly-secret";
  static final String SHELL_SECRET = "gitlab-shell-secret";
  static final String WORKHORSE_SECRET = "gitlab-workhorse-secret";
  static final String HOST_KEYS_SECRET = "gitlab-shell-host-keys";
  static final String ROOT_PASSWORD_SECRET = "gitlab-initial-root-password";
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TierNames() {}

  /** The component of a name: gitlab-webservice → webservice. */
  static String component(String name) {
    return name.substring("gitlab-".length());
  }

  static ObjectNode selector(String name) {
    return NODES.objectNode().put("app.kubernetes.io/name", "gitlab").put("app.kubernetes.io/component", component(name))
        .put("app.kubernetes.io/part-of", "gitlab");
  }

  static ObjectNode labels(String name, GitlabTier t) {
    return selector(name).put("app.kubernetes.io/version", t.version()).put("app.kubernetes.io/managed-by", "kubeyard");
  }

  static ObjectNode metadata(String name, String component, GitlabTier t) {
    ObjectNode m = NODES.objectNode().put("name", name).put("namespace", t.namespace());
    m.set("labels", labels(component, t));
    return m;
  }

  static ObjectNode object(String apiVersion, String kind, String name, String component, GitlabTier t) {
    ObjectNode o = NODES.objectNode().put("apiVersion", apiVersion).put("kind", kind);
    o.set("metadata", metadata(name, component, t));
    return o;
  }
}
