package dev.kubeyard.engine.apps.gitlab.tier;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The components' configuration as the CNG images read it: templates in a ConfigMap, rendered by each
 * image's entrypoint into its config directory (ERB for Rails, gomplate with {@code {% %}} for Workhorse,
 * Gitaly and gitlab-shell). No secret is written here: every password, token and key is read at start from
 * the files the pod's projected Secret volume holds ({@link TierMounts}).
 */
final class TierConfig {
  static final String RAILS = "gitlab-rails-config";
  static final String WORKHORSE = "gitlab-workhorse-config";
  static final String GITALY = "gitlab-gitaly-config";
  static final String SHELL = "gitlab-shell-config";
  /** Every object type GitLab stores in a bucket of the agreed names (ADR 45); the rest is off. */
  private static final String[][] BUCKETS = {{"uploads", "gitlab-uploads"}, {"artifacts", "gitlab-artifacts"},
      {"lfs", "gitlab-lfs"}, {"packages", "gitlab-packages"}};
  private static final String[] OFF = {"external_diffs", "terraform_state", "dependency_proxy", "ci_secure_files",
      "pages"};

  private TierConfig() {}

  static ObjectNode rails(GitlabTier t) {
    ObjectNode cm = configMap(RAILS, TierNames.WEBSERVICE, t);
    ObjectNode data = cm.putObject("data");
    data.put("gitlab.yml.erb", gitlabYml(t));
    data.put("database.yml.erb", databaseYml(t));
    data.put("resque.yml.erb", redisYml(t, ""));
    data.put("cable.yml.erb", redisYml(t, "  adapter: redis\n"));
    return cm;
  }

  private static String gitlabYml(GitlabTier t) {
    String secrets = TierMounts.RAILS_SECRETS_DIR;
    StringBuilder b = new StringBuilder();
    b.append("production: &base\n");
    b.append("  gitlab:\n");
    b.append("    host: ").append(t.host()).append("\n    port: 443\n    https: true\n");
    b.append("  gitlab_shell:\n");
    b.append("    path: /home/git/gitlab-shell/\n");
    b.append("    secret_file: ").append(secrets).append("/shell/.gitlab_shell_secret\n");
    b.append("    ssh_port: ").append(t.sshPort()).append('\n');
    b.append("  workhorse:\n    secret_file: ").append(secrets).append("/gitlab-workhorse/secret\n");
    b.append("  gitaly:\n    token: <%= File.read('").append(secrets).append("/gitaly/gitaly_token').strip.to_json %>\n");
    b.append("  repositories:\n    storages:\n      default:\n");
    b.append("        gitaly_address: ").append(t.gitalyAddress()).append('\n');
    b.append("        path: /var/opt/gitlab/repo\n");
    b.append("  object_store:\n    enabled: true\n    proxy_download: true\n");
    b.append(connection(t, "    "));
    b.append("    objects:\n");
    for (String[] bucket : BUCKETS) {
      b.append("      ").append(bucket[0]).append(":\n        bucket: ").append(bucket[1]).append('\n');
    }
    for (String off : OFF) {
      b.append("      ").append(off).append(":\n        enabled: false\n");
    }
    b.append("  backup:\n    path: tmp/backups\n    upload:\n");
    b.append(connection(t, "      "));
    b.append("      remote_directory: gitlab-backups\n");
    // the kubelet probes /-/liveness and /-/readiness from the node's address
    b.append("  monitoring:\n    ip_whitelist:\n      - 0.0.0.0/0\n");
    b.append("    sidekiq_health_checks:\n      enabled: true\n      address: 0.0.0.0\n      port: ")
        .append(GitlabTier.SIDEKIQ_HEALTH_PORT).append('\n');
    b.append("  registry:\n    enabled: false\n");
    return b.toString();
  }

  /** S3 with path-style buckets: the in-cluster store has no per-bucket DNS names. */
  private static String connection(GitlabTier t, String indent) {
    String dir = TierMounts.RAILS_SECRETS_DIR + "/objectstorage/";
    return indent + "connection:\n"
        + indent + "  provider: AWS\n"
        + indent + "  region: us-east-1\n"
        + indent + "  aws_access_key_id: <%= File.read('" + dir + "accesskey').strip.to_json %>\n"
        + indent + "  aws_secret_access_key: <%= File.read('" + dir + "secretkey').strip.to_json %>\n"
        + indent + "  endpoint: " + t.objectStorageEndpoint() + "\n"
        + indent + "  path_style: true\n";
  }

  /**
   * main and ci on one database (GitLab's default since 17.0); prepared statements off, as PgBouncer's
   * transaction pooling requires; TLS verified against the data tier's CA.
   */
  private static String databaseYml(GitlabTier t) {
    String secrets = TierMounts.RAILS_SECRETS_DIR + "/postgres/";
    String common = "    adapter: postgresql\n"
        + "    encoding: unicode\n"
        + "    database: " + GitlabTier.DATABASE + "\n"
        + "    username: " + GitlabTier.DATABASE_USER + "\n"
        + "    password: <%= File.read('" + secrets + "psql-password').strip.to_json %>\n"
        + "    host: " + t.service(GitlabTier.PGBOUNCER_SERVICE) + "\n"
        + "    port: " + GitlabTier.PGBOUNCER_PORT + "\n"
        + "    sslmode: verify-full\n"
        + "    sslrootcert: " + secrets + "ca.crt\n"
        + "    prepared_statements: false\n";
    return "production:\n  main:\n" + common + "  ci:\n" + common + "    database_tasks: false\n";
  }

  /** Redis through its Sentinels: the master's name stands where a host would (ADR 43). */
  private static String redisYml(GitlabTier t, String adapter) {
    return "production:\n" + adapter
        + "  url: redis://:<%= ERB::Util.url_encode(File.read('" + TierMounts.RAILS_SECRETS_DIR
        + "/redis/redis-password').strip) %>@" + GitlabTier.REDIS_MASTER_NAME + "\n"
        + "  sentinels:\n"
        + "    - host: " + t.service(GitlabTier.SENTINEL_SERVICE) + "\n"
        + "      port: " + GitlabTier.SENTINEL_PORT + "\n";
  }

  static ObjectNode workhorse(GitlabTier t) {
    String dir = TierMounts.WORKHORSE_SECRETS_DIR;
    ObjectNode cm = configMap(WORKHORSE, TierNames.WEBSERVICE, t);
    cm.putObject("data").put("workhorse-config.toml.tpl", String.join("\n",
        "shutdown_timeout = \"61s\"",
        "",
        "[redis]",
        "Password = \"{% file.Read \"" + dir + "/redis/redis-password\" | strings.TrimSpace %}\"",
        "SentinelMaster = \"" + GitlabTier.REDIS_MASTER_NAME + "\"",
        "Sentinel = [\"tcp://" + t.service(GitlabTier.SENTINEL_SERVICE) + ":" + GitlabTier.SENTINEL_PORT + "\"]",
        "",
        "[object_storage]",
        "provider = \"AWS\"",
        "",
        "[object_storage.s3]",
        "aws_access_key_id = \"{% file.Read \"" + dir + "/objectstorage/accesskey\" | strings.TrimSpace %}\"",
        "aws_secret_access_key = \"{% file.Read \"" + dir + "/objectstorage/secretkey\" | strings.TrimSpace %}\"",
        ""));
    return cm;
  }

  static ObjectNode gitaly(GitlabTier t) {
    String dir = TierMounts.GITALY_SECRETS_DIR;
    ObjectNode cm = configMap(GITALY, TierNames.GITALY, t);
    cm.putObject("data").put("config.toml.tpl", String.join("\n",
        "listen_addr = \"0.0.0.0:" + GitlabTier.GITALY_PORT + "\"",
        "bin_dir = \"/usr/local/bin\"",
        "runtime_dir = \"/home/git\"",
        "",
        "[[storage]]",
        "name = \"default\"",
        "path = \"" + TierMounts.REPOSITORIES_DIR + "\"",
        "",
        "[auth]",
        "token = \"{% file.Read \"" + dir + "/gitaly/gitaly_token\" | strings.TrimSpace %}\"",
        "",
        "[gitlab]",
        "url = \"" + t.internalApiUrl() + "\"",
        "secret_file = \"" + dir + "/shell/.gitlab_shell_secret\"",
        "",
        "[gitlab-shell]",
        "dir = \"/srv/gitlab-shell\"",
        "",
        "[git]",
        "use_bundled_binaries = true",
        ""));
    return cm;
  }

  /** gitlab-sshd, not OpenSSH: it runs as git without privilege separation and serves its own probes. */
  static ObjectNode shell(GitlabTier t) {
    String dir = TierMounts.SHELL_SECRETS_DIR;
    ObjectNode cm = configMap(SHELL, TierNames.SHELL, t);
    cm.putObject("data").put("config.yml.tpl", String.join("\n",
        "user: git",
        "gitlab_url: \"" + t.internalApiUrl() + "/\"",
        "secret_file: " + dir + "/shell/.gitlab_shell_secret",
        "log_format: json",
        "sshd:",
        "  listen: \"0.0.0.0:" + GitlabTier.SSHD_PORT + "\"",
        "  web_listen: \"0.0.0.0:" + GitlabTier.SSHD_PROBE_PORT + "\"",
        "  readiness_probe: /start",
        "  liveness_probe: /health",
        "  host_key_files:",
        "    - " + dir + "/ssh/ssh_host_ed25519_key",
        ""));
    return cm;
  }

  private static ObjectNode configMap(String name, String component, GitlabTier t) {
    return TierNames.object("v1", "ConfigMap", name, component, t);
  }
}
