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
    importImage(node, tar, ElasticsearchImage.reference(version), T);
  }

  /** The same for any image tar that holds {@code reference} (GitLab's Redis from the bundle, too). */
  static void importImage(JschTransport node, Path tar, String reference, Duration timeout) {
    String ctr = HostPaths.BIN + "/ctr --address /run/containerd/containerd.sock -n k8s.io";
    String sha = Sha256.remembered(tar);
    String target = HostPaths.IMAGES + "/" + tar.getFileName();
    String marker = target + ".imported";
    if (node.run("grep -qxF " + sha + " " + marker + " && " + ctr + " images ls -q | grep -qxF '" + reference + "'", timeout)
        .exitCode() == 0) {
      return;
    }
    node.upload(tar, new RemoteFile(target, sha, 0644), timeout);
    var r = node.run(ctr + " images import " + target + " && rm -f " + target + " && echo " + sha + " > " + marker, timeout);
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
    StringBuilder yaml = new StringBuilder(storageClass(STORAGE_CLASS));
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

  /** A StorageClass of static volumes (the lab has no provisioner), bound when the first pod needs one. */
  static String storageClass(String name) {
    return """
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata: {name: %s}
        provisioner: kubernetes.io/no-provisioner
        volumeBindingMode: WaitForFirstConsumer
        reclaimPolicy: Retain
        """.formatted(name);
  }

  /** A NodePort Service of the test over the data pods: how the load reaches the cluster from this machine. */
  /**
   * The load generator's NodePort on the data nodes, and its flow through Elasticsearch's default-deny
   * (ADR 39): from this machine on the lab's bridge and, as kube-proxy SNATs a NodePort connection it
   * forwards to another node, from every node's flannel.1 address (the first of its podCIDR).
   */
  static void exposeForLoad(Kubectl kubectl, String namespace, int nodePort, String subnet) {
    kubectl.apply("""
        apiVersion: v1
        kind: Service
        metadata: {name: es-load, namespace: %s}
        spec:
          type: NodePort
          selector: {app.kubernetes.io/name: elasticsearch, kubeyard.dev/es-role: data}
          ports: [{name: http, port: 9200, targetPort: 9200, nodePort: %d}]
        """.formatted(namespace, nodePort));
    StringBuilder from = new StringBuilder("    - ipBlock: {cidr: " + subnet + ".0/24}\n");
    for (String cidr : kubectl.ok("get", "nodes", "-o", "jsonpath={.items[*].spec.podCIDR}").split(" ")) {
      from.append("    - ipBlock: {cidr: ").append(cidr.replace("/24", "/32")).append("}\n");
    }
    kubectl.apply("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: lab-load-generator
          namespace: %s
          annotations: {kubeyard.dev/flow: "in: the lab test's load generator through NodePort %d"}
        spec:
          podSelector: {matchLabels: {app.kubernetes.io/name: elasticsearch, kubeyard.dev/es-role: data}}
          policyTypes: [Ingress]
          ingress:
          - ports: [{protocol: TCP, port: 9200}]
            from:
        %s""".formatted(namespace, nodePort, from));
  }

  /** The lab's cluster.yaml with NetworkPolicy enforced (kube-router's policy controller, ADR 39). */
  static String enforcingNetworkPolicy(String labSpec) {
    return labSpec.contains("\nnetwork:\n") ? labSpec.replace("\nnetwork:\n", "\nnetwork:\n  enforceNetworkPolicy: true\n")
        : labSpec.replace("\nhosts:\n", "\nnetwork:\n  enforceNetworkPolicy: true\nhosts:\n");
  }

  /**
   * A pod in {@code namespace} with {@code labels} (Elasticsearch's image: it has bash) sends GET / to
   * {@code address}:9200; its first lines, or "refused: ..." when the connection fails for 20 s. The pod
   * tries for a while: kube-router admits a new pod's address only once it has seen the pod, and the
   * first knock of a run was refused before it had (CI of stop 28). Bash only: the image has no seq or sleep
   * (a read with a timeout on an idle pipe waits the second).
   */
  static String knock(Kubectl kubectl, String namespace, String labels, String address, String version)
      throws InterruptedException {
    kubectl.run("create", "namespace", namespace);
    String name = "knock-" + Long.toHexString(System.nanoTime());
    kubectl.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: %s, namespace: %s, labels: %s}
        spec:
          restartPolicy: Never
          activeDeadlineSeconds: 90
          nodeSelector: {node-role.kubernetes.io/worker: ""}
          containers:
          - name: knock
            image: %s
            imagePullPolicy: Never
            command: [/bin/bash, -c, 'for i in {1..20}; do { exec 3<>/dev/tcp/%s/9200; } 2>/dev/null && break; read -rt 1 <> <(:); done; { : >&3; } 2>/dev/null || { echo "connection refused $i times"; exit 7; }; printf "GET / HTTP/1.0\\r\\n\\r\\n" >&3; while read -t 10 -r l <&3; do echo "$l"; done']
        """.formatted(name, namespace, labels, ElasticsearchImage.reference(version), address));
    String phase = "";
    for (int i = 0; i < 120 && !phase.equals("Succeeded") && !phase.equals("Failed"); i++) {
      Thread.sleep(1_000);
      phase = kubectl.run("-n", namespace, "get", "pod", name, "-o", "jsonpath={.status.phase}").output().strip();
    }
    String log = kubectl.run("-n", namespace, "logs", name).output();
    System.out.println("knock from " + namespace + " " + labels + ": " + phase + "\n" + log);
    kubectl.run("-n", namespace, "delete", "pod", name, "--wait=false");
    return phase.equals("Succeeded") && log.startsWith("HTTP/") ? log : "refused: " + phase + " " + log;
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
