package dev.kubeyard.engine.k8s.gitlab;

import java.util.List;

/**
 * What the cluster runs of GitLab's data tier: Patroni's members with their role label and readiness,
 * PgBouncer's and Redis's ready counts.
 *
 * @param leader the member Patroni labels primary, or empty while none is (an election, or nothing runs)
 */
public record DataTierStatus(String namespace, List<Member> members, String leader, int pgbouncerReady,
    int pgbouncerWanted, int redisReady, int redisWanted, int sentinelsReady, int sentinelsWanted) {

  /** One Patroni member's pod. */
  public record Member(String pod, String role, boolean ready) {}

  public DataTierStatus {
    members = List.copyOf(members);
  }

  public long membersReady() {
    return members.stream().filter(Member::ready).count();
  }

  /** Everything wanted runs and PostgreSQL has a leader. */
  public boolean healthy() {
    return !leader.isEmpty() && membersReady() == members.size() && !members.isEmpty()
        && pgbouncerReady == pgbouncerWanted && redisReady == redisWanted && sentinelsReady == sentinelsWanted;
  }

  /** One line per component, for the CLI and the desktop. */
  public List<String> lines() {
    return List.of(
        "PostgreSQL: " + membersReady() + "/" + members.size() + " members ready, leader "
            + (leader.isEmpty() ? "none (an election, or no member runs)" : leader),
        "PgBouncer: " + pgbouncerReady + "/" + pgbouncerWanted + " ready",
        "Redis: " + redisReady + "/" + redisWanted + " ready, Sentinels " + sentinelsReady + "/" + sentinelsWanted
            + " ready");
  }
}
