package dev.kubeyard.engine.apps.gitlab.tier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Each component's secrets as one projected volume holding only the files it reads (least privilege: Gitaly
 * never sees the database password, gitlab-shell never the Rails keys). Mode 0400; with the pod's fsGroup
 * the kubelet adds group read, which is how the git user reads them. The chart copies secrets into an
 * emptyDir by an init container instead; a read-only projection needs no extra container.
 */
final class TierMounts {
  static final String RAILS_SECRETS_DIR = "/etc/gitlab";
  static final String WORKHORSE_SECRETS_DIR = "/etc/gitlab";
  static final String GITALY_SECRETS_DIR = "/etc/gitlab-secrets";
  static final String SHELL_SECRETS_DIR = "/etc/gitlab-secrets";
  static final String REPOSITORIES_DIR = "/home/git/repositories";
  /** Where the CNG images find their templates and write what they render. */
  static final String RAILS_TEMPLATES_DIR = "/var/opt/gitlab/templates";
  static final String RAILS_CONFIG_DIR = "/srv/gitlab/config";

  private TierMounts() {}

  /** Puma, Sidekiq, the toolbox and the migrations; {@code rootPassword} only for the migrations' seed. */
  static ObjectNode railsSecrets(boolean rootPassword) {
    List<String[]> files = new ArrayList<>(List.of(
        secret(TierNames.RAILS_SECRET, "secrets.yml", "rails-secrets/secrets.yml"),
        secret(TierNames.GITALY_SECRET, "token", "gitaly/gitaly_token"),
        secret(TierNames.SHELL_SECRET, "secret", "shell/.gitlab_shell_secret"),
        secret(TierNames.WORKHORSE_SECRET, "shared_secret", "gitlab-workhorse/secret"),
        secret(GitlabTier.POSTGRES_PASSWORD_SECRET, GitlabTier.PASSWORD_KEY, "postgres/psql-password"),
        new String[] {"configMap", GitlabTier.POSTGRES_CA_CONFIGMAP, "ca.crt", "postgres/ca.crt"},
        secret(GitlabTier.REDIS_PASSWORD_SECRET, GitlabTier.PASSWORD_KEY, "redis/redis-password"),
        secret(GitlabTier.OBJECT_STORAGE_SECRET, "accesskey", "objectstorage/accesskey"),
        secret(GitlabTier.OBJECT_STORAGE_SECRET, "secretkey", "objectstorage/secretkey")));
    if (rootPassword) {
      files.add(secret(TierNames.ROOT_PASSWORD_SECRET, GitlabTier.PASSWORD_KEY, "initial_root_password"));
    }
    return projected("rails-secrets", files);
  }

  static ObjectNode workhorseSecrets() {
    return projected("workhorse-secrets", List.of(
        secret(TierNames.WORKHORSE_SECRET, "shared_secret", "gitlab-workhorse/secret"),
        secret(GitlabTier.REDIS_PASSWORD_SECRET, GitlabTier.PASSWORD_KEY, "redis/redis-password"),
        secret(GitlabTier.OBJECT_STORAGE_SECRET, "accesskey", "objectstorage/accesskey"),
        secret(GitlabTier.OBJECT_STORAGE_SECRET, "secretkey", "objectstorage/secretkey")));
  }

  static ObjectNode gitalySecrets() {
    return projected("gitaly-secrets", List.of(
        secret(TierNames.GITALY_SECRET, "token", "gitaly/gitaly_token"),
        secret(TierNames.SHELL_SECRET, "secret", "shell/.gitlab_shell_secret")));
  }

  static ObjectNode shellSecrets() {
    return projected("shell-secrets", List.of(
        secret(TierNames.SHELL_SECRET, "secret", "shell/.gitlab_shell_secret"),
        secret(TierNames.HOST_KEYS_SECRET, "ssh_host_ed25519_key", "ssh/ssh_host_ed25519_key"),
        secret(TierNames.HOST_KEYS_SECRET, "ssh_host_ed25519_key.pub", "ssh/ssh_host_ed25519_key.pub")));
  }

  static ObjectNode configMapVolume(String volume, String configMap) {
    ObjectNode v = TierNames.NODES.objectNode().put("name", volume);
    v.putObject("configMap").put("name", configMap);
    return v;
  }

  static ObjectNode emptyDir(String volume, String sizeLimit) {
    ObjectNode v = TierNames.NODES.objectNode().put("name", volume);
    v.putObject("emptyDir").put("sizeLimit", sizeLimit);
    return v;
  }

  static void mount(ArrayNode mounts, String volume, String path, boolean readOnly) {
    ObjectNode m = mounts.addObject().put("name", volume).put("mountPath", path);
    if (readOnly) {
      m.put("readOnly", true);
    }
  }

  private static String[] secret(String secret, String key, String path) {
    return new String[] {"secret", secret, key, path};
  }

  /** One projected volume of {kind, source, key, path} files, in that order. */
  private static ObjectNode projected(String name, List<String[]> files) {
    ObjectNode v = TierNames.NODES.objectNode().put("name", name);
    ObjectNode projected = v.putObject("projected").put("defaultMode", 0400);
    ArrayNode sources = projected.putArray("sources");
    for (String[] f : files) {
      ObjectNode source = sources.addObject().putObject(f[0]).put("name", f[1]);
      source.putArray("items").addObject().put("key", f[2]).put("path", f[3]);
    }
    return v;
  }
}
