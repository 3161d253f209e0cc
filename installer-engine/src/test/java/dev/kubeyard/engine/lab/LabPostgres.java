package dev.kubeyard.engine.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.transport.JschTransport;
import java.time.Duration;
import java.util.List;

/**
 * What GitLab's PostgreSQL needs from the lab that a site's cluster would already have: a StorageClass
 * with one static local volume per worker, each pre-bound to a member's claim (the lab has no provisioner).
 */
final class LabPostgres {
  static final String STORAGE_CLASS = "kubeyard-lab-postgres";
  static final String NAMESPACE = "gitlab";
  private static final String VOLUMES = "/var/lib/kubeyard-lab-volumes/gitlab-postgres";
  private static final String LABEL = "kubeyard.dev/lab-volume=gitlab-postgres";
  private static final Duration T = Duration.ofMinutes(2);

  private LabPostgres() {}

  /** An empty volume folder on the worker owned by the image's postgres user (uid 999). */
  static void prepareFolder(JschTransport node) {
    var r = node.run("rm -rf " + VOLUMES + " && install -d -o 999 -g 999 -m 0700 " + VOLUMES, T);
    assertThat(r.exitCode()).as("%s: %s", node.host(), r.output()).isZero();
  }

  /** Removes what a previous run left: the namespace (its claims) and the volumes. */
  static void removePrevious(Kubectl kubectl) {
    kubectl.ok("delete", "namespace", NAMESPACE, "--ignore-not-found", "--wait=true", "--timeout=110s");
    kubectl.ok("delete", "pv", "-l", LABEL, "--ignore-not-found", "--wait=true", "--timeout=110s");
  }

  /** member i's claim on workers.get(i): the members' required anti-affinity then always fits. */
  static void createVolumes(Kubectl kubectl, List<String> workers, String size) {
    StringBuilder yaml = new StringBuilder(LabElasticsearch.storageClass(STORAGE_CLASS));
    for (int i = 0; i < workers.size(); i++) {
      yaml.append("""
          ---
          apiVersion: v1
          kind: PersistentVolume
          metadata: {name: gitlab-postgres-%1$s, labels: {kubeyard.dev/lab-volume: gitlab-postgres}}
          spec:
            capacity: {storage: %2$s}
            accessModes: [ReadWriteOnce]
            persistentVolumeReclaimPolicy: Retain
            storageClassName: %3$s
            local: {path: %4$s}
            claimRef: {namespace: %5$s, name: data-gitlab-postgres-%6$d}
            nodeAffinity:
              required:
                nodeSelectorTerms:
                - matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [%1$s]}]
          """.formatted(workers.get(i), size, STORAGE_CLASS, VOLUMES, NAMESPACE, i));
    }
    kubectl.apply(yaml.toString());
  }
}
