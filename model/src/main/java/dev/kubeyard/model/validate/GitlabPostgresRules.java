package dev.kubeyard.model.validate;

import dev.kubeyard.model.spec.GitlabPostgresSpec;
import java.util.regex.Pattern;

/**
 * GitLab's PostgreSQL (ADR 42): at least three members, so the leader keeps a synchronous standby while
 * any one member is lost, and a claim size and StorageClass Kubernetes accepts.
 */
final class GitlabPostgresRules {
  private static final Pattern SIZE = Pattern.compile("[1-9][0-9]*(Mi|Gi|Ti)");
  private static final String AT = "apps.gitlab.postgres.";

  private GitlabPostgresRules() {}

  static void check(GitlabPostgresSpec pg, Problems out) {
    if (pg == null) {
      return;
    }
    if (!Names.inRange(pg.members(), GitlabPostgresSpec.DEFAULT_MEMBERS, GitlabPostgresSpec.MAX_MEMBERS)) {
      out.add(AT + "members", pg.members(), "apps.gitlabPostgresMembers", GitlabPostgresSpec.MAX_MEMBERS);
    }
    if (!SIZE.matcher(String.valueOf(pg.storageSize())).matches()) {
      out.add(AT + "storageSize", pg.storageSize(), "apps.gitlabPostgresStorageSize");
    }
    if (pg.storageClass() != null && !Names.nodeName(pg.storageClass())) {
      out.add(AT + "storageClass", pg.storageClass(), "apps.gitlabPostgresStorageClass");
    }
  }
}
