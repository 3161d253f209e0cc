package dev.kubeyard.engine.apps.pyservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.model.spec.ClusterSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonServiceManifestsTest {
  private static final ClusterFacts LEGACY = ExampleCluster.at("1.14.10", false);
  private static final ClusterFacts CURRENT = ExampleCluster.at("1.35.0", false);

  private static Map<String, String> at(String version) {
    return PythonServiceManifests.render(ExampleCluster.withVersion(CURRENT, version));
  }

  @Test
  void ingressUsesV1beta1WithTheClassAnnotationUpTo118AndV1WithIngressClassNameFrom119() {
    assertThat(at("1.18.20").get("ingress.yaml")).contains("apiVersion: networking.k8s.io/v1beta1",
        "kubernetes.io/ingress.class: traefik", "serviceName: platform-gateway").doesNotContain("ingressClassName");
    assertThat(at("1.19.0").get("ingress.yaml")).contains("apiVersion: networking.k8s.io/v1",
        "ingressClassName: traefik", "pathType: Prefix").doesNotContain("kubernetes.io/ingress.class");
  }

  @Test
  void theGatewaysHostIsServedOnTraefiksHttpsEntrypointWithTheControllersCertificate() {
    assertThat(PythonServiceManifests.render(CURRENT).get("ingress.yaml")).contains("host: gateway.example.com",
        "traefik.ingress.kubernetes.io/router.entrypoints: websecure",
        "traefik.ingress.kubernetes.io/router.tls: \"true\"").doesNotContain("secretName");
  }

  @Test
  void onlyTraefiksPodsAndTheGatewaysNamespaceReachThePods() {
    assertThat(at("1.20.15").get("networkpolicy.yaml")).contains("app.kubernetes.io/name: kubeyard-ingress",
        "app.kubernetes.io/name: traefik").doesNotContain("kubernetes.io/metadata.name");
    assertThat(at("1.21.0").get("networkpolicy.yaml")).contains("kubernetes.io/metadata.name: kubeyard-ingress",
        "app.kubernetes.io/name: traefik");
  }

  @Test
  void disruptionBudgetUsesPolicyV1beta1Before121AndPolicyV1From121() {
    assertThat(at("1.20.15").get("poddisruptionbudget.yaml")).contains("apiVersion: policy/v1beta1");
    assertThat(at("1.21.0").get("poddisruptionbudget.yaml")).contains("apiVersion: policy/v1\n");
  }

  @Test
  void legacyNodesAreSelectedByTheBetaOsLabelTooCurrentOnesOnlyByTheGaLabel() {
    assertThat(PythonServiceManifests.render(LEGACY).get("deployment.yaml"))
        .contains("beta.kubernetes.io/os: linux", "kubernetes.io/os: linux");
    assertThat(PythonServiceManifests.render(CURRENT).get("deployment.yaml"))
        .contains("kubernetes.io/os: linux").doesNotContain("beta.kubernetes.io/os");
  }

  @Test
  void podsRunAsNonRootOnAReadOnlyRootWithTmpAndSecretFilesMounted() {
    String deployment = PythonServiceManifests.render(CURRENT).get("deployment.yaml");
    assertThat(deployment).contains("replicas: 2", "runAsNonRoot: true", "readOnlyRootFilesystem: true",
        "mountPath: /tmp", "emptyDir:", "name: platform-gateway-secrets",
        "mountPath: /var/run/secrets/gateway", "path: /readyz", "path: /healthz", "seccompProfile:");
    assertThat(PythonServiceManifests.render(LEGACY).get("deployment.yaml"))
        .contains("seccomp.security.alpha.kubernetes.io/pod: runtime/default").doesNotContain("seccompProfile:");
  }

  @Test
  void podsGetOnlyTheHashesOfTheApiTokensNeverTheTokens() {
    String deployment = PythonServiceManifests.render(CURRENT).get("deployment.yaml");
    assertThat(deployment).contains("""
                      - secret:
                          name: platform-gateway-api-tokens
                          items:
                            - key: api_token_hashes
                              path: api_token_hashes
        """);
  }

  @Test
  void metricsAndDocsAreOnAnInternalContainerPortThatTheServiceAndTheIngressDoNotCarry() {
    Map<String, String> files = PythonServiceManifests.render(CURRENT);
    assertThat(files.get("deployment.yaml")).contains("name: internal\n              containerPort: 8081",
        "prometheus.io/port: \"8081\"");
    assertThat(files.get("configmap.yaml")).contains("INTERNAL_PORT: \"8081\"");
    assertThat(files.get("service.yaml")).doesNotContain("8081").doesNotContain("internal");
    assertThat(files.get("ingress.yaml")).doesNotContain("8081").doesNotContain("internal");
    assertThat(files.get("networkpolicy.yaml")).doesNotContain("8081");
    String policy = files.get("networkpolicy-internal.yaml");
    assertThat(policy).contains("""
            - from:
                - podSelector: {}
                - namespaceSelector:
                    matchLabels:
                      kubeyard.dev/scrape-gateway: "true"
              ports:
                - protocol: TCP
                  port: 8081
        """);
  }

  @Test
  void sqlServerGetsATcpRouteOnlyWhenItsPortIsExposed() {
    assertThat(PythonServiceManifests.render(CURRENT)).doesNotContainKey(PythonServiceManifests.SQLSERVER_ROUTE_FILE);
    assertThat(PythonServiceManifests.render(ExampleCluster.at("1.35.0", true)).get("sqlserver-ingressroutetcp.yaml"))
        .contains("apiVersion: traefik.io/v1alpha1", "kind: IngressRouteTCP", "namespace: mssql",
            "- sqlserver", "match: HostSNI(`*`)", "name: ag1-primary", "port: 1433");
  }

  @Test
  void theTcpRoutesCrdGroupIsTraefikIoFrom121AndTheV2GroupBefore() {
    ClusterFacts exposed = ExampleCluster.at("1.35.0", true);
    assertThat(PythonServiceManifests.render(ExampleCluster.withVersion(exposed, "1.20.15"))
        .get(PythonServiceManifests.SQLSERVER_ROUTE_FILE)).contains("apiVersion: traefik.containo.us/v1alpha1");
    assertThat(PythonServiceManifests.render(ExampleCluster.withVersion(exposed, "1.21.0"))
        .get(PythonServiceManifests.SQLSERVER_ROUTE_FILE)).contains("apiVersion: traefik.io/v1alpha1");
  }

  @Test
  void renderingTwiceGivesTheSameBytes() {
    assertThat(PythonServiceManifests.render(ExampleCluster.at("1.35.0", true)))
        .isEqualTo(PythonServiceManifests.render(ExampleCluster.at("1.35.0", true)));
  }

  @Test
  void aConfigChangeChangesThePodTemplateChecksumSoThePodsRoll() {
    ClusterFacts movedGitlab = ExampleCluster.at("1.35.0", false,
        yaml -> yaml.replace("host: gitlab.example.com", "host: git.example.org"));
    Map<String, String> before = PythonServiceManifests.render(CURRENT);
    Map<String, String> after = PythonServiceManifests.render(movedGitlab);
    assertThat(after.get("configmap.yaml")).contains("GITLAB_URL: https://git.example.org");
    assertThat(checksum(after.get("deployment.yaml"))).isNotEqualTo(checksum(before.get("deployment.yaml")));
  }

  private static String checksum(String deployment) {
    return deployment.lines().filter(l -> l.contains("checksum/config:")).findFirst().orElseThrow();
  }

  @Test
  void refusesASpecWithoutThePythonService() {
    ClusterSpec s = CURRENT.spec();
    ClusterSpec withoutApps = new ClusterSpec(s.apiVersion(), s.kind(), s.metadata(), s.kubernetes(),
        s.loadBalancer(), s.network(), s.pki(), s.windows(), s.hosts(), null);
    ClusterFacts none = new ClusterFacts(withoutApps, CURRENT.version(), CURRENT.serviceCidr(),
        CURRENT.clusterCidr(), CURRENT.kubernetesServiceIp(), CURRENT.dnsIp(), CURRENT.hosts(), CURRENT.etcdMembers());
    assertThatThrownBy(() -> PythonServiceManifests.render(none)).hasMessageContaining("apps.pythonService");
  }
}
