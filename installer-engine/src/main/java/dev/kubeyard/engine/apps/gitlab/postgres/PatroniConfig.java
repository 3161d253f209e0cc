package dev.kubeyard.engine.apps.gitlab.postgres;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.facts.GitlabPostgres;

/**
 * The ConfigMap {@code gitlab-postgres-config-files}: Patroni's configuration, the post-bootstrap script that
 * creates GitLab's role and database on the first leader, and PgBouncer's configuration (ADR 42). Nothing
 * here holds a password: those come from the Secrets through environment variables.
 */
final class PatroniConfig {
  static final String NAME = "gitlab-postgres-config-files";
  static final String DIR = "/etc/patroni";
  static final String TLS_DIR = "/etc/postgresql-tls";
  static final String DATA_MOUNT = "/var/lib/postgresql/data";
  static final String PGDATA = DATA_MOUNT + "/pgdata";

  private PatroniConfig() {}

  static ObjectNode of(PostgresDeployment d) {
    ObjectNode cm = PostgresLabels.NODES.objectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
    cm.set("metadata", PostgresLabels.metadata(d, NAME, PostgresLabels.members()));
    ObjectNode data = cm.putObject("data");
    data.put("patroni.yml", patroni());
    data.put("post-bootstrap.sh", postBootstrap());
    data.put("pgbouncer.ini", pgbouncer(d));
    return cm;
  }

  /**
   * Synchronous mode (not strict): Patroni promotes only the standby it recorded as synchronous, so no
   * acknowledged commit is lost by a failover; with no standby left the leader goes on alone (ADR 42).
   * The leader lock lives on the Endpoints object named after the scope (1.14 and 1.35 alike).
   */
  static String patroni() {
    return """
        scope: %1$s
        kubernetes:
          use_endpoints: true
          scope_label: %2$s
          role_label: %3$s
          leader_label_value: %4$s
          follower_label_value: %5$s
          standby_leader_label_value: %4$s
          labels:
            app.kubernetes.io/name: %1$s
            app.kubernetes.io/part-of: gitlab
        restapi:
          listen: 0.0.0.0:%6$d
        bootstrap:
          dcs:
            ttl: 30
            loop_wait: 10
            retry_timeout: 10
            maximum_lag_on_failover: 1048576
            synchronous_mode: true
            synchronous_mode_strict: false
            synchronous_node_count: 1
            postgresql:
              use_pg_rewind: true
              use_slots: true
              parameters:
                ssl: 'on'
                ssl_cert_file: %7$s/tls.crt
                ssl_key_file: %7$s/tls.key
                ssl_ca_file: %7$s/ca.crt
                ssl_min_protocol_version: TLSv1.2
                password_encryption: scram-sha-256
                synchronous_commit: 'on'
                jit: 'off'
                wal_level: replica
                wal_log_hints: 'on'
                hot_standby: 'on'
                max_connections: 200
                max_wal_senders: 10
                max_replication_slots: 10
                wal_keep_size: 256MB
          initdb:
          - encoding: UTF8
          - locale: C.UTF-8
          - data-checksums
          post_bootstrap: %8$s/post-bootstrap.sh
        postgresql:
          listen: 0.0.0.0:%9$d
          data_dir: %10$s
          bin_dir: %11$s
          pgpass: /tmp/pgpass
          parameters:
            unix_socket_directories: /tmp
          pg_hba:
          - local all all trust
          - hostssl replication replicator all scram-sha-256
          - hostssl all all all scram-sha-256
          authentication:
            superuser:
              username: postgres
            replication:
              username: replicator
              sslmode: verify-ca
              sslrootcert: %7$s/ca.crt
            rewind:
              username: postgres
        """.formatted(GitlabPostgres.NAME, PostgresLabels.SCOPE, PostgresLabels.ROLE, PostgresLabels.PRIMARY,
        PostgresLabels.REPLICA, GitlabPostgres.PATRONI_PORT, TLS_DIR, DIR, GitlabPostgres.PORT, PGDATA,
        "/usr/lib/postgresql/17/bin");
  }

  /**
   * Run by Patroni once, on the member that initialised the cluster, with a superuser connection URL: GitLab's
   * role (its password from the environment, quoted by psql) and database with the extensions GitLab needs.
   */
  static String postBootstrap() {
    return """
        #!/bin/sh
        set -eu
        psql "$1" -v ON_ERROR_STOP=1 -v pw="$GITLAB_PASSWORD" <<'SQL'
        CREATE ROLE %1$s LOGIN PASSWORD :'pw';
        CREATE DATABASE %2$s OWNER %1$s ENCODING 'UTF8';
        \\c %2$s
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE EXTENSION IF NOT EXISTS btree_gist;
        CREATE EXTENSION IF NOT EXISTS amcheck;
        SQL
        """.formatted(GitlabPostgres.USER, GitlabPostgres.DATABASE);
  }

  /**
   * Transaction pooling in front of the primary Service, TLS both ways (the server verified against the
   * cluster CA by its Service name). {@code server_login_retry} 1 s: after a failover PgBouncer tries the
   * new leader within a second instead of the default 15. PgBouncer's TLS loads a CA file on the client side
   * too (the system's otherwise, which the image has not): the cluster CA, client certificates not asked for.
   */
  static String pgbouncer(PostgresDeployment d) {
    return """
        [databases]
        %1$s = host=%2$s port=%3$d dbname=%1$s

        [pgbouncer]
        listen_addr = 0.0.0.0
        listen_port = %4$d
        unix_socket_dir =
        auth_type = scram-sha-256
        auth_file = /tmp/userlist.txt
        pool_mode = transaction
        max_client_conn = 1000
        default_pool_size = 40
        ignore_startup_parameters = extra_float_digits
        server_login_retry = 1
        server_connect_timeout = 3
        client_tls_sslmode = require
        client_tls_ca_file = %5$s/ca.crt
        client_tls_cert_file = %5$s/tls.crt
        client_tls_key_file = %5$s/tls.key
        server_tls_sslmode = verify-full
        server_tls_ca_file = %5$s/ca.crt
        """.formatted(GitlabPostgres.DATABASE, d.fqdn(GitlabPostgres.PRIMARY), GitlabPostgres.PORT,
        GitlabPostgres.PGBOUNCER_PORT, TLS_DIR);
  }
}
