package dev.kubeyard.engine.k8s.sqlserver;

import static dev.kubeyard.engine.k8s.ObjectApi.integer;
import static dev.kubeyard.engine.k8s.ObjectApi.obj;
import static dev.kubeyard.engine.k8s.ObjectApi.podReady;

import com.google.gson.JsonObject;
import dev.kubeyard.engine.apps.elasticsearch.manifest.Manifest;
import dev.kubeyard.engine.apps.sqlserver.AgLabels;
import dev.kubeyard.engine.apps.sqlserver.GroupSecrets;
import dev.kubeyard.engine.apps.sqlserver.SqlServerDeployment;
import dev.kubeyard.engine.apps.sqlserver.SqlServerManifests;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.k8s.AppliedObject;
import dev.kubeyard.engine.k8s.Kubeconfigs;
import dev.kubeyard.engine.k8s.ObjectApi;
import dev.kubeyard.engine.netpol.AppPods;
import dev.kubeyard.engine.pki.CertificateCatalogue;
import dev.kubeyard.engine.pki.PkiException;
import dev.kubeyard.engine.pki.PkiMaterial;
import dev.kubeyard.engine.pki.PkiNames;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesListObject;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubernetes.client.util.generic.dynamic.Dynamics;
import io.kubernetes.client.util.generic.options.ListOptions;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@code kubeyard sqlserver deploy}: the availability group's objects onto the cluster (ADR 41). The TLS and
 * mirroring-endpoint certificates come from the plan's PKI; the SA and master-key passwords are generated here
 * and created only when absent (a new SA password under running replicas would lock Kubeyard out, a new
 * master-key password would no longer open the key), never printed or logged. What it does not do: run the
 * bootstrap T-SQL ({@code BootstrapSql}) or the failover controller, so no pod is labelled primary until
 * those exist; SQL Server's image must already be on the nodes (the site's archive, {@code kubeyard bundle
 * import}).
 */
public final class GroupDeployer {
  private static final String KEPT = "its password is kept (a new one would lock Kubeyard out of the running replicas)";
  /** What to do about {@link #certificateProblems}: the plan's PKI step issues what the spec needs. */
  public static final String FIX_CERTIFICATES = "run `kubeyard plan` or `kubeyard apply` with this spec: either"
      + " issues the group's certificates into the plan's pki folder";
  private final ObjectApi objects;

  public GroupDeployer(ApiClient client) {
    this.objects = new ObjectApi(client, "use a kubeconfig whose user may manage SQL Server's namespace");
  }

  public static GroupDeployer fromKubeconfig(Path kubeconfig) {
    return new GroupDeployer(Kubeconfigs.client(kubeconfig, Duration.ofSeconds(30),
        "choose the admin.kubeconfig that `kubeyard plan` wrote"));
  }

  /**
   * What keeps the plan's PKI from serving the group, one line per certificate: the TLS server certificate
   * or a replica's mirroring-endpoint certificate missing (certificate or key), or the TLS certificate not
   * naming every Service a client may use. A group renamed or grown since the last plan has such gaps.
   */
  public static List<String> certificateProblems(ClusterFacts facts, PkiMaterial pki) {
    SqlServerDeployment d = SqlServerDeployment.of(facts);
    String tls = PkiNames.sqlServerTls(d.group());
    List<String> needed = new ArrayList<>(List.of(tls));
    d.names().pods().forEach(pod -> needed.add(PkiNames.sqlServerEndpoint(pod)));
    List<String> problems = new ArrayList<>();
    needed.stream().filter(n -> !pki.hasCertificate(n) || !pki.hasPrivateKey(n))
        .forEach(n -> problems.add(n + ": missing (certificate and key)"));
    if (problems.stream().noneMatch(p -> p.startsWith(tls + ":"))) {
      Set<String> has = pki.subjectAltNames(tls);
      List<String> lacking = CertificateCatalogue.of(facts).stream().filter(r -> r.name().equals(tls))
          .flatMap(r -> r.subjectAltNames().stream()).filter(n -> !has.contains(n)).toList();
      if (!lacking.isEmpty()) {
        problems.add(tls + ": does not name " + lacking.get(0) + (lacking.size() > 1 ? " and " + (lacking.size() - 1)
            + " more names" : "") + " (issued for an earlier spec)");
      }
    }
    return problems;
  }

  /**
   * Creates or updates every object, in order: the namespace, the certificates' Secrets, the passwords'
   * (only when absent), then the rest as {@link SqlServerManifests} renders them. Nothing is sent when the
   * PKI lacks a certificate.
   */
  public List<AppliedObject> deploy(ClusterFacts facts, PkiMaterial pki, SecureRandom random,
      Consumer<AppliedObject> progress) {
    SqlServerDeployment d = SqlServerDeployment.of(facts);
    List<String> problems = certificateProblems(facts, pki);
    if (!problems.isEmpty()) {
      throw new PkiException("the PKI in " + pki.dir() + " does not serve availability group " + d.group() + ": "
          + String.join("; ", problems), FIX_CERTIFICATES);
    }
    List<Manifest> manifests = SqlServerManifests.render(d);
    // every Secret is built before the first request: a PKI file that cannot be read leaves the cluster untouched
    List<Manifest> certificates = List.of(GroupSecrets.tls(d, pki), GroupSecrets.endpointCertificates(d, pki));
    List<AppliedObject> applied = new ArrayList<>();
    Consumer<AppliedObject> record = a -> {
      applied.add(a);
      progress.accept(a);
    };
    record.accept(objects.apply(object(manifests.get(0)))); // the namespace, before its Secrets
    certificates.forEach(m -> record.accept(objects.apply(object(m))));
    for (String secret : GroupSecrets.passwordSecrets(d)) {
      record.accept(objects.createIfAbsent(object(GroupSecrets.password(d, secret, random)), KEPT));
    }
    manifests.subList(1, manifests.size()).forEach(m -> record.accept(objects.apply(object(m))));
    return applied;
  }

  /** The replicas' pods, their role labels and readiness, and whom the role Services select. */
  public GroupStatus status(ClusterFacts facts) {
    SqlServerDeployment d = SqlServerDeployment.of(facts);
    String ns = d.namespace();
    ListOptions byReplicas = new ListOptions();
    byReplicas.setLabelSelector(AppPods.sqlServer(d.group()).entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")));
    KubernetesApiResponse<DynamicKubernetesListObject> listed = objects.call(
        () -> objects.api("v1", "Pod").list(ns, byReplicas), "list", "SQL Server's pods in " + ns);
    List<JsonObject> pods = new ArrayList<>();
    if (listed.isSuccess()) {
      listed.getObject().getItems().forEach(p -> pods.add(p.getRaw()));
    }
    pods.sort(Comparator.comparing(GroupDeployer::name));
    List<GroupStatus.Replica> replicas = pods.stream()
        .map(p -> new GroupStatus.Replica(name(p), label(p, AgLabels.ROLE), podReady(p))).toList();
    KubernetesApiResponse<DynamicKubernetesObject> sts = objects.get("apps/v1", "StatefulSet", ns, d.group());
    int wanted = sts.isSuccess() ? integer(obj(sts.getObject().getRaw(), "spec"), "replicas") : 0;
    return new GroupStatus(ns, d.group(), wanted, replicas, selected(ns, d.names().primaryService(), pods),
        selected(ns, d.names().secondaryService(), pods));
  }

  /** The pods whose labels match the Service's selector; none when the Service or its selector is absent. */
  private List<String> selected(String ns, String service, List<JsonObject> pods) {
    KubernetesApiResponse<DynamicKubernetesObject> svc = objects.get("v1", "Service", ns, service);
    if (!svc.isSuccess()) {
      return List.of();
    }
    JsonObject selector = obj(obj(svc.getObject().getRaw(), "spec"), "selector");
    if (selector.size() == 0) {
      return List.of();
    }
    return pods.stream().filter(p -> selector.entrySet().stream()
        .allMatch(e -> label(p, e.getKey()).equals(e.getValue().getAsString()))).map(GroupDeployer::name).toList();
  }

  private static String name(JsonObject pod) {
    return obj(pod, "metadata").get("name").getAsString();
  }

  private static String label(JsonObject pod, String key) {
    JsonObject labels = obj(obj(pod, "metadata"), "labels");
    return labels.has(key) ? labels.get(key).getAsString() : "";
  }

  private static DynamicKubernetesObject object(Manifest m) {
    return Dynamics.newFromYaml(m.yaml());
  }
}
