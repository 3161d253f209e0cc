package dev.kubeyard.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kubeyard.engine.files.Sha256;
import dev.kubeyard.engine.testing.Specs;
import dev.kubeyard.model.spec.ClusterSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ingress controller addon (Traefik) as rendered for the example cluster on both lines (ADR 29). */
class IngressControllerManifestsTest {
  private static final YAMLMapper YAML = new YAMLMapper();

  private static ClusterSpec spec(String line) {
    return line.equals("1.14") ? Specs.legacy() : Specs.current();
  }

  private static String file(ClusterSpec spec, String host, String path) {
    return ClusterRenderer.render(Specs.context(spec)).stream()
        .filter(f -> f.host().equals(host) && f.path().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + path + " on " + host)).content();
  }

  static List<JsonNode> objects(String yaml) {
    try {
      List<JsonNode> out = new ArrayList<>();
      YAML.readerFor(JsonNode.class).readValues(yaml).forEachRemaining(n -> out.add((JsonNode) n));
      return out.stream().filter(Objects::nonNull).filter(n -> !n.isNull()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<JsonNode> controller(ClusterSpec spec) {
    return objects(file(spec, "master1", HostPaths.ADDONS + "/" + IngressControllerFiles.CONTROLLER));
  }

  private static JsonNode object(List<JsonNode> objects, String kind) {
    return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind));
  }

  private static boolean has(List<JsonNode> objects, String kind) {
    return objects.stream().anyMatch(o -> o.path("kind").asText().equals(kind));
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void theServiceOpensTheSpecsNodePortsOnEveryWorker(String line) {
    JsonNode svc = object(controller(spec(line)), "Service");
    assertThat(svc.at("/spec/type").asText()).isEqualTo("NodePort");
    assertThat(svc.at("/spec/externalTrafficPolicy").asText()).isEqualTo("Cluster");
    JsonNode ports = svc.at("/spec/ports");
    assertThat(ports.findValuesAsText("name")).containsExactly("web", "websecure", "sqlserver");
    assertThat(ports.findValues("nodePort")).extracting(JsonNode::asInt).containsExactly(23456, 23457, 23458);
    assertThat(ports.findValues("port")).extracting(JsonNode::asInt).containsExactly(80, 443, 1433);
  }

  @Test
  void otherNodePortsFromTheSpecReachTheServiceAndHaproxy() {
    ClusterSpec spec = Specs.example(y -> y.replace("ingressHttpNodePort: 23456", "ingressHttpNodePort: 30080")
        .replace("ingressSqlServerNodePort: 23458", "ingressSqlServerNodePort: 31433"));
    JsonNode ports = object(controller(spec), "Service").at("/spec/ports");
    assertThat(ports.findValues("nodePort")).extracting(JsonNode::asInt).containsExactly(30080, 23457, 31433);
    String haproxy = file(spec, "lb1", "/etc/haproxy/haproxy.cfg");
    assertThat(haproxy).contains("server node2 192.168.1.4:30080").contains("server node2 192.168.1.4:31433");
  }

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void twoReplicasPreferDifferentWorkersKeepOffTheMastersAndOneMustStayUp(String line) {
    List<JsonNode> objects = controller(spec(line));
    JsonNode deploy = object(objects, "Deployment");
    assertThat(deploy.at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(deploy.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt()).isZero();
    JsonNode pod = deploy.at("/spec/template/spec");
    assertThat(pod.at("/nodeSelector/kubernetes.io~1os").asText()).isEqualTo("linux");
    assertThat(pod.path("nodeSelector").has("node-role.kubernetes.io/worker")).isTrue();
    JsonNode term = pod.at("/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/0/podAffinityTerm");
    assertThat(term.path("topologyKey").asText()).isEqualTo("kubernetes.io/hostname");
    assertThat(term.at("/labelSelector/matchLabels")).isEqualTo(deploy.at("/spec/selector/matchLabels"));
    JsonNode avoid = pod.at("/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms/0/matchExpressions/0");
    assertThat(avoid.path("key").asText())
        .isEqualTo(line.equals("1.14") ? "node-role.kubernetes.io/master" : "node-role.kubernetes.io/control-plane");
    assertThat(avoid.path("operator").asText()).isEqualTo("DoesNotExist");
    JsonNode pdb = object(objects, "PodDisruptionBudget");
    assertThat(pdb.path("apiVersion").asText()).isEqualTo(line.equals("1.14") ? "policy/v1beta1" : "policy/v1");
    assertThat(pdb.at("/spec/minAvailable").asInt()).isEqualTo(1);
    assertThat(pdb.at("/spec/selector")).isEqualTo(deploy.at("/spec/selector"));
  }

  @Test
  void withOneWorkerOneReplicaRunsAndNoBudgetBlocksDrainingIt() {
    ClusterSpec spec = Specs.example(y -> y.replace("  - name: node1\n    address: 192.168.1.3\n    roles: [node]\n", "")
        .replace("  - name: node3\n    address: 192.168.1.5\n    roles: [node]\n", "")
        .replace("version: 1.14.10", "version: 1.35.0"));
    List<JsonNode> objects = controller(spec);
    assertThat(object(objects, "Deployment").at("/spec/replicas").asInt()).isEqualTo(1);
    assertThat(has(objects, "PodDisruptionBudget")).isFalse();
  }

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void theControllerRunsUnprivilegedOnAReadOnlyRoot(String line) {
    JsonNode template = object(controller(spec(line)), "Deployment").at("/spec/template");
    JsonNode pod = template.path("spec");
    assertThat(template.at("/metadata/annotations/seccomp.security.alpha.kubernetes.io~1pod").asText())
        .isEqualTo(line.equals("1.14") ? "runtime/default" : "");
    assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.at("/securityContext/runAsUser").asInt()).isEqualTo(65532);
    assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo(line.equals("1.14") ? "" : "RuntimeDefault");
    JsonNode c = pod.at("/containers/0");
    assertThat(c.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(c.at("/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
    assertThat(texts(c.at("/securityContext/capabilities/drop"))).containsExactly("ALL");
    assertThat(c.at("/resources/limits/memory").asText()).isNotEmpty();
  }

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void entrypointsRedirectHttpServeEveryRouterWithTlsAndDrainBeforeStopping(String line) {
    JsonNode pod = object(controller(spec(line)), "Deployment").at("/spec/template/spec");
    JsonNode c = pod.at("/containers/0");
    List<String> args = texts(c.path("args"));
    assertThat(args).contains("--entryPoints.web.address=:8000/tcp", "--entryPoints.websecure.address=:8443/tcp",
        "--entryPoints.sqlserver.address=:1433/tcp", "--entryPoints.traefik.address=:9000/tcp",
        "--entryPoints.web.http.redirections.entryPoint.to=:443",
        "--entryPoints.web.http.redirections.entryPoint.scheme=https",
        "--entryPoints.web.http.redirections.entryPoint.permanent=true",
        "--entryPoints.websecure.http.tls=true", "--ping=true", "--ping.entryPoint=traefik",
        "--providers.kubernetesingress.ingressClass=traefik",
        "--providers.kubernetesingress.ingressEndpoint.ip=192.168.1.10",
        "--entryPoints.websecure.transport.lifeCycle.requestAcceptGraceTimeout=10s",
        "--global.sendAnonymousUsage=false", "--global.checkNewVersion=false");
    // Any --api.* flag switches Traefik's API on: none is given, the dashboard stays off.
    assertThat(args).noneMatch(a -> a.startsWith("--api"));
    assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/ping");
    assertThat(c.at("/readinessProbe/httpGet/port").asText()).isEqualTo("traefik");
    assertThat(c.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/ping");
    assertThat(c.path("ports").findValues("containerPort")).extracting(JsonNode::asInt)
        .containsExactly(8000, 8443, 1433, 9000);
    // Longer than accepting (10 s) plus finishing (10 s): the kubelet never cuts a drain short.
    assertThat(pod.path("terminationGracePeriodSeconds").asInt()).isGreaterThan(20);
    assertThat(args).contains("--providers.kubernetescrd=true").noneMatch(a -> a.startsWith("--providers.file"));
  }

  @Test
  void withoutAnExposedSqlServerThereIsNoTcpEntrypointNorHaproxyListener() {
    ClusterSpec spec = Specs.example(y -> y.replace("    exposeTcpPort: 1433", "    # no TCP port"));
    List<JsonNode> objects = controller(spec);
    assertThat(object(objects, "Service").at("/spec/ports").findValuesAsText("name")).containsExactly("web", "websecure");
    assertThat(texts(object(objects, "Deployment").at("/spec/template/spec/containers/0/args")))
        .noneMatch(a -> a.contains("sqlserver"));
    assertThat(file(spec, "lb1", "/etc/haproxy/haproxy.cfg")).doesNotContain("sqlserver");
  }

  @Test
  void haproxyForwardsSqlServersPortToTheTcpEntrypointOnEveryLinuxWorker() {
    String haproxy = file(Specs.current(), "lb1", "/etc/haproxy/haproxy.cfg");
    String listen = haproxy.substring(haproxy.indexOf("listen sqlserver"));
    assertThat(listen).contains("bind *:1433").contains("check")
        .contains("server node1 192.168.1.3:23458", "server node2 192.168.1.4:23458", "server node3 192.168.1.5:23458")
        .doesNotContain("win1");
  }

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void theNamespaceCarriesTheLabelTheAppsNetworkPoliciesSelect(String line) {
    JsonNode ns = object(controller(spec(line)), "Namespace");
    assertThat(ns.at("/metadata/name").asText()).isEqualTo("kubeyard-ingress");
    assertThat(ns.at("/metadata/labels/app.kubernetes.io~1name").asText()).isEqualTo("kubeyard-ingress");
  }

  @Test
  void theCurrentLineHasAnIngressClassCrdsAndATlsStoreNamingTheClusterCertificate() {
    List<JsonNode> objects = controller(Specs.current());
    JsonNode cls = object(objects, "IngressClass");
    assertThat(cls.path("apiVersion").asText()).isEqualTo("networking.k8s.io/v1");
    assertThat(cls.at("/metadata/name").asText()).isEqualTo("traefik");
    assertThat(cls.at("/spec/controller").asText()).isEqualTo("traefik.io/ingress-controller");
    JsonNode store = object(objects, "TLSStore");
    assertThat(store.at("/metadata/name").asText()).isEqualTo("default");
    assertThat(store.at("/metadata/namespace").asText()).isEqualTo("kubeyard-ingress");
    assertThat(store.at("/spec/defaultCertificate/secretName").asText()).isEqualTo("kubeyard-ingress-tls");
    JsonNode role = object(objects, "ClusterRole");
    assertThat(role.path("rules").findValuesAsText("apiGroups").toString()).doesNotContain("*");
    assertThat(role.toString()).contains("endpointslices").contains("tlsstores").doesNotContain("\"create\"")
        .doesNotContain("\"delete\"");

    List<JsonNode> crds = objects(file(Specs.current(), "master1", HostPaths.ADDONS + "/" + IngressControllerFiles.CRDS));
    assertThat(crds).allSatisfy(c -> {
      assertThat(c.path("apiVersion").asText()).isEqualTo("apiextensions.k8s.io/v1");
      assertThat(c.path("kind").asText()).isEqualTo("CustomResourceDefinition");
      assertThat(c.at("/spec/group").asText()).isEqualTo("traefik.io");
    });
    assertThat(crds).extracting(c -> c.at("/spec/names/kind").asText()).contains("IngressRoute", "IngressRouteTCP",
        "TLSStore", "TLSOption", "Middleware", "ServersTransport", "TraefikService");
  }

  @Test
  void theCrdsAreTraefiksOwnFileByteForByteBelowTheHeader() {
    String crds = file(Specs.current(), "master1", HostPaths.ADDONS + "/" + IngressControllerFiles.CRDS);
    String body = crds.lines().dropWhile(l -> l.startsWith("#")).map(l -> l + "\n").reduce("", String::concat);
    assertThat(Sha256.of(body)).isEqualTo("19df8d4caa268314977886df8415cd809ec3faed4c6da608debc2b1c10e38397");
  }

  @Test
  void theLegacyLineGetsTraefik211sV1beta1CrdsForBothGroupsAndTheSameTlsStore() {
    List<JsonNode> objects = controller(Specs.legacy());
    assertThat(has(objects, "IngressClass")).isFalse(); // 1.18+
    assertThat(has(objects, "ConfigMap")).isFalse(); // no file provider: the TLSStore names the certificate
    JsonNode store = object(objects, "TLSStore");
    assertThat(store.path("apiVersion").asText()).isEqualTo("traefik.io/v1alpha1");
    assertThat(store.at("/spec/defaultCertificate/secretName").asText()).isEqualTo("kubeyard-ingress-tls");
    JsonNode container = object(objects, "Deployment").at("/spec/template/spec/containers/0");
    assertThat(texts(container.path("args"))).contains("--providers.kubernetescrd=true")
        .noneMatch(a -> a.startsWith("--providers.file"));
    JsonNode role = object(objects, "ClusterRole");
    assertThat(role.toString()).contains("endpoints").doesNotContain("endpointslices").contains("traefik.containo.us")
        .contains("ingressroutetcps").contains("tlsstores");

    List<JsonNode> crds = objects(file(Specs.legacy(), "master1", HostPaths.ADDONS + "/" + IngressControllerFiles.CRDS));
    assertThat(crds).hasSize(18).allSatisfy(c -> {
      assertThat(c.path("apiVersion").asText()).isEqualTo("apiextensions.k8s.io/v1beta1");
      assertThat(c.at("/spec/version").asText()).isEqualTo("v1alpha1");
      assertThat(c.at("/metadata/name").asText()).isEqualTo(c.at("/spec/names/plural").asText() + "."
          + c.at("/spec/group").asText());
    });
    for (String group : List.of("traefik.io", "traefik.containo.us")) {
      assertThat(crds).filteredOn(c -> c.at("/spec/group").asText().equals(group))
          .extracting(c -> c.at("/spec/names/kind").asText()).containsExactlyInAnyOrder("IngressRoute", "Middleware",
              "MiddlewareTCP", "IngressRouteTCP", "IngressRouteUDP", "TLSOption", "TLSStore", "TraefikService",
              "ServersTransport");
    }
  }

  @Test
  void theLegacyCrdsBeginWithTraefiksOwnV1beta1FileByteForByte() {
    String crds = file(Specs.legacy(), "master1", HostPaths.ADDONS + "/" + IngressControllerFiles.CRDS);
    String body = crds.lines().dropWhile(l -> l.startsWith("#")).map(l -> l + "\n").reduce("", String::concat);
    String own = body.substring(0, body.indexOf("---\napiVersion: apiextensions.k8s.io/v1beta1\nkind: CustomResourceDefinition\n"
        + "metadata:\n  name: ingressroutes.traefik.containo.us"));
    assertThat(Sha256.of(own)).isEqualTo("ff82b77f5388839ca24a37d46e096a49e9d76f95a90ea80dc99cd725af1e1b9d");
  }

  @Test
  void theInstallWaitsForTheControllersRollout() {
    assertThat(AddonFiles.workloads(Specs.context(Specs.current()).facts()))
        .contains(new AddonFiles.Workload("kubeyard-ingress", "deployment/traefik"));
  }
}
