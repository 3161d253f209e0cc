package dev.kubeyard.engine.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.bundle.build.ElasticsearchImage;
import dev.kubeyard.engine.files.Sha256;
import dev.kubeyard.engine.render.HostPaths;
import dev.kubeyard.engine.transport.JschTransport;
import dev.kubeyard.engine.transport.RemoteFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What Elasticsearch needs from the lab that a site's cluster would already have: its image in each
 * worker's containerd (no registry), a StorageClass {@code kubeyard-lab} with static PersistentVolumes
 * (local volumes on each worker for the data claims; one hostPath volume on the lab's shared folder
 * for the ReadWriteMany snapshot claim; the lab has no provisioner and no NFS).
 */
final class LabElasticsearch {
  static final String STORAGE_CLASS = "kubeyard-lab";
  static final List<String> WORKERS = List.of("node1", "node2", "node3");
  /** The spec's default apps.elasticsearch.namespace, where the StatefulSets' claims are. */
  static final String NAMESPACE = "elastic";
  /** Which claim each worker volume is reserved for (node-index); es-node3-1 stays free. */
  private static final java.util.Map<String, String> CLAIMS = java.util.Map.of(
      "node1-0", "data-elasticsearch-master-0", "node1-1", "data-elasticsearch-data-0",
      "node2-0", "data-elasticsearch-master-1", "node2-1", "data-elasticsearch-data-1",
      "node3-0", "data-elasticsearch-master-2");
  private static final String VOLUMES = "/var/lib/kubeyard-lab-volumes";
  private static final String LABEL = "kubeyard.dev/lab-volume=elasticsearch";
  private static final Duration T = Duration.ofMinutes(5);

  private LabElasticsearch() {}

  /**
   * Uploads the image tar to the worker and imports it into containerd's k8s.io namespace, unless the
   * same tar (by sha256, recorded beside the images on the node) was imported before.
   */
  static void importImage(JschTransport node, Path tar, String version) {
    String ctr = HostPaths.BIN + "/ctr --address /run/containerd/containerd.sock -n k8s.io";
    String reference = ElasticsearchImage.reference(version);
    String sha = Sha256.remembered(tar);
    String target = HostPaths.IMAGES + "/" + tar.getFileName();
    String marker = target + ".imported";
    if (node.run("grep -qxF " + sha + " " + marker + " && " + ctr + " images ls -q | grep -qxF '" + reference + "'", T)
        .exitCode() == 0) {
      return;
    }
    node.upload(tar, new RemoteFile(target, sha, 0644), T);
    var r = node.run(ctr + " images import " + target + " && rm -f " + target + " && echo " + sha + " > " + marker, T);
    assertThat(r.exitCode()).as("import %s on %s: %s", reference, node.host(), r.output()).isZero();
  }

  /** Empty volume folders on the worker, owned by the image's user (uid 1000). */
  static void prepareFolders(JschTransport node) {
    var r = node.run("rm -rf " + VOLUMES + " && install -d -o 1000 -g 1000 -m 0775 " + VOLUMES + "/es-0 " + VOLUMES
        + "/es-1", T);
    assertThat(r.exitCode()).as("%s: %s", node.host(), r.output()).isZero();
  }

  /** Removes what a previous run left: the namespace (its claims) and the lab volumes. */
  static void removePrevious(Kubectl kubectl, String namespace) {
    kubectl.ok("delete", "namespace", namespace, "--ignore-not-found", "--wait=true", "--timeout=300s");
    kubectl.ok("delete", "pv", "-l", LABEL, "--ignore-not-found", "--wait=true", "--timeout=120s");
  }

  /**
   * The StorageClass and the volumes: per worker two local volumes (a master's and a data node's
   * claim may land on the same worker), and the snapshot repository's volume on the shared folder,
   * emptied first unless {@code keepSnapshots} (a new cluster restoring what the old one took).
   *
   * <p>Each claim is pre-bound to its volume ({@code claimRef}): master-0 and data-0 on node1, master-1
   * and data-1 on node2, master-2 on node3. Left to the scheduler, a failed first attempt (a conflict binding the snapshot volume)
   * once left data-0's claim bound on node2 next to data-1, and the data pods' required anti-affinity
   * then kept data-0 Pending for good.
   */
  static void createVolumes(Kubectl kubectl, Path sharedOnBuildMachine, String size, boolean keepSnapshots)
      throws IOException {
    Path repo = sharedOnBuildMachine.resolve("es-snapshots");
    if (!keepSnapshots) {
      dev.kubeyard.engine.testing.Proc.run(null, "rm", "-rf", repo.toString());
    }
    dev.kubeyard.engine.testing.Proc.run(null, "install", "-d", "-o", "1000", "-g", "1000", "-m", "0775", repo.toString());
    StringBuilder yaml = new StringBuilder("""
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata: {name: %s}
        provisioner: kubernetes.io/no-provisioner
        volumeBindingMode: WaitForFirstConsumer
        reclaimPolicy: Retain
        """.formatted(STORAGE_CLASS));
    for (String node : WORKERS) {
      for (int i = 0; i < 2; i++) {
        String claim = CLAIMS.get(node + "-" + i);
        yaml.append("""
            ---
            apiVersion: v1
            kind: PersistentVolume
            metadata: {name: es-%s-%d, labels: {kubeyard.dev/lab-volume: elasticsearch}}
            spec:
              capacity: {storage: %s}
              accessModes: [ReadWriteOnce]
              persistentVolumeReclaimPolicy: Retain
              storageClassName: %s
              local: {path: %s/es-%d}
              nodeAffinity:
                required:
                  nodeSelectorTerms:
                  - matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [%s]}]
            """.formatted(node, i, size, STORAGE_CLASS, VOLUMES, i, node));
        if (claim != null) {
          yaml.append("  claimRef: {namespace: %s, name: %s}\n".formatted(NAMESPACE, claim));
        }
      }
    }
    yaml.append("""
        ---
        apiVersion: v1
        kind: PersistentVolume
        metadata: {name: es-snapshots, labels: {kubeyard.dev/lab-volume: elasticsearch}}
        spec:
          capacity: {storage: %s}
          accessModes: [ReadWriteMany]
          persistentVolumeReclaimPolicy: Retain
          storageClassName: %s
          hostPath: {path: %s/es-snapshots, type: Directory}
        """.formatted(size, STORAGE_CLASS, LabMachine.SHARED));
    kubectl.apply(yaml.toString());
  }

  /** A NodePort Service of the test over the data pods: how the load reaches the cluster from this machine. */
  static void exposeForLoad(Kubectl kubectl, String namespace, int nodePort) {
    kubectl.apply("""
        apiVersion: v1
        kind: Service
        metadata: {name: es-load, namespace: %s}
        spec:
          type: NodePort
          selector: {app.kubernetes.io/name: elasticsearch, kubeyard.dev/es-role: data}
          ports: [{name: http, port: 9200, targetPort: 9200, nodePort: %d}]
        """.formatted(namespace, nodePort));
  }

  /**
   * The lab's cluster.yaml plus an Elasticsearch section sized for three workers: three master-eligible
   * nodes (a master's restart then never leaves the cluster without one) and two data nodes.
   */
  static void writeSpec(Path labSpec, Path out, String version, String heap) throws IOException {
    Files.writeString(out, Files.readString(labSpec) + """
        apps:
          elasticsearch:
            enabled: true
            version: %s
            namespace: elastic
            masters: 3
            data: 2
            ingest: 0
            heap: %s
            storageSize: 2Gi
            storageClass: %s
            image: %s
        """.formatted(version, heap, STORAGE_CLASS, ElasticsearchImage.reference(version).replace(":" + version, "")));
  }
}
