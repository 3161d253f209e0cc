package dev.kubeyard.engine.bundle.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.bundle.BundleFile;
import dev.kubeyard.engine.bundle.BundleProblem;
import dev.kubeyard.engine.bundle.BundleRequirements;
import dev.kubeyard.engine.bundle.ManifestJson;
import dev.kubeyard.engine.bundle.Platform;
import dev.kubeyard.engine.bundle.Requirement;
import dev.kubeyard.engine.bundle.Specs;
import dev.kubeyard.engine.bundle.TestBundle;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleCompletenessTest {

  @TempDir
  Path tmp;

  private TestBundle bundle(String version) throws Exception {
    return new TestBundle(Files.createDirectories(tmp.resolve("bundle")), version);
  }

  private Path imageCache() throws Exception {
    return Files.createDirectories(tmp.resolve("cache/jib"));
  }

  private static List<String> messages(BundleVerifier.Report report) {
    return report.problems().stream().map(BundleProblem::toString).toList();
  }

  @Test
  void acceptsABundleWithEverythingTheClusterNeeds() throws Exception {
    ClusterSpec spec = Specs.cluster("1.35.8", false);
    Path dir = bundle("1.35.8").completeFor(BundleRequirements.of(spec), imageCache()).write();

    assertThat(messages(BundleVerifier.verify(dir, spec))).isEmpty();
  }

  @Test
  void rejectsABundleForAnotherKubernetesVersionThanTheSpec() throws Exception {
    Path dir = bundle("1.35.8").completeFor(BundleRequirements.of(Specs.cluster("1.35.8", false)), imageCache())
        .write();

    List<String> problems = messages(BundleVerifier.verify(dir, Specs.cluster("1.14.10", false)));

    assertThat(problems).first().asString().isEqualTo("manifest.json: the bundle carries Kubernetes 1.35.8 but"
        + " the cluster spec asks for 1.14.10 (kubernetes.version); use a bundle for 1.14.10, or set"
        + " kubernetes.version: 1.35.8 in the spec");
    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("bin/linux-amd64/kube-apiserver/kube-apiserver:"
        + " kube-apiserver is version 1.35.8 but the cluster spec asks for 1.14.10")
        .contains("kubeyard bundle build --line 1.14"));
  }

  @Test
  void asksForWindowsBinariesWhenTheSpecHasAWindowsWorker() throws Exception {
    Path dir = bundle("1.35.8").completeFor(BundleRequirements.of(Specs.cluster("1.35.8", false)), imageCache())
        .write();

    List<String> problems = messages(BundleVerifier.verify(dir, Specs.cluster("1.35.8", true)));

    assertThat(problems).containsExactly(
        "bin/windows-amd64: no kubelet for windows/amd64 (needed by the Windows hosts); the bundle has it for"
            + " linux/amd64 only; build them with KUBEYARD_WINDOWS=1 tools/build-bundle.sh, or add them with"
            + " 'kubeyard bundle fetch --version 1.35.8 --windows'",
        "bin/windows-amd64: no kube-proxy for windows/amd64 (needed by the Windows hosts); the bundle has it for"
            + " linux/amd64 only; build them with KUBEYARD_WINDOWS=1 tools/build-bundle.sh, or add them with"
            + " 'kubeyard bundle fetch --version 1.35.8 --windows'");
  }

  @Test
  void acceptsWindowsBinariesWhenTheyAreThere() throws Exception {
    ClusterSpec spec = Specs.cluster("1.35.8", true);
    Path dir = bundle("1.35.8").completeFor(BundleRequirements.of(spec), imageCache()).write();

    assertThat(messages(BundleVerifier.verify(dir, spec))).isEmpty();
    assertThat(ManifestJson.read(dir).files()).filteredOn(f -> f.os().equals("windows"))
        .extracting(BundleFile::path).contains("bin/windows-amd64/kubelet/kubelet.exe");
  }

  @Test
  void rejectsAnImageBuiltForAnotherArchitectureThanListed() throws Exception {
    Path dir = bundle("1.35.8").image("pause", Platform.LINUX_AMD64, new Platform("linux", "arm64"), imageCache())
        .write();

    assertThat(messages(BundleVerifier.verify(dir))).containsExactly(
        "images/pause-1.0.0-linux-amd64.tar: the image is for linux/arm64 but manifest.json lists it for"
            + " linux/amd64; rebuild the pause image for linux/amd64 with 'kubeyard bundle build'");
  }

  @Test
  void namesTheImageThatIsOnlyThereForAnotherArchitecture() throws Exception {
    ClusterSpec spec = Specs.cluster("1.35.8", false);
    BundleRequirements needs = BundleRequirements.of(spec);
    BundleRequirements withoutPause = new BundleRequirements(needs.kubernetesVersion(), needs.commands(),
        needs.images().stream().filter(i -> !i.equals("pause")).toList());
    Platform arm64 = new Platform("linux", "arm64");
    Path dir = bundle("1.35.8").completeFor(withoutPause, imageCache()).image("pause", arm64, arm64, imageCache())
        .write();

    assertThat(messages(BundleVerifier.verify(dir, spec))).containsExactly(
        "images: no pause image for linux/amd64 (images/pause-1.0.0-linux-arm64.tar is linux/arm64);"
            + " rebuild the bundle with 'kubeyard bundle build' on an amd64 machine");
  }

  @Test
  void needsEtcdHaproxyAndContainerdOnlyWhereTheSpecUsesThem() {
    ClusterSpec spec = Specs.cluster("1.35.8", false);

    List<String> commands = BundleRequirements.of(spec).commands().stream().map(Requirement::command).toList();

    assertThat(commands).contains("kube-apiserver", "etcd", "haproxy", "keepalived", "containerd", "runc",
        "flanneld", "cni/flannel", "cni/bridge", "cni/host-local", "conntrack", "iptables", "socat")
        .doesNotContain("dockerd");
    assertThat(BundleRequirements.of(spec).images()).containsExactlyInAnyOrder("pause", "coredns",
        "metrics-server", "traefik", "flannel");
  }

  @Test
  void needsTheGatewayImageWhenThePythonServiceRunsTheBundlesImageAndNamesItWhenMissing() throws Exception {
    ClusterSpec bundled = withPythonService("{host: gw.example.com}");
    ClusterSpec ownRegistry = withPythonService("{host: gw.example.com, image: registry.example.com/gw:2.0.0}");
    ClusterSpec off = withPythonService("{enabled: false}");

    assertThat(BundleRequirements.of(bundled).images()).contains("platform-gateway");
    assertThat(BundleRequirements.of(ownRegistry).images()).doesNotContain("platform-gateway");
    assertThat(BundleRequirements.of(off).images()).doesNotContain("platform-gateway");
    Path dir = bundle("1.35.8").completeFor(BundleRequirements.of(Specs.cluster("1.35.8", false)), imageCache())
        .write();
    assertThat(messages(BundleVerifier.verify(dir, bundled))).containsExactly(
        "images: no platform-gateway image for linux/amd64; rebuild the bundle with 'kubeyard bundle build' on an"
            + " amd64 machine");
    assertThat(messages(BundleVerifier.verify(dir, ownRegistry))).isEmpty();
  }

  @Test
  void verifyNamesTheSitesSqlServerImageWhenTheBundleLacksItButTheInstallDoesNotNeedIt() throws Exception {
    ClusterSpec withSql = Validator.loadText(Specs.yaml("1.35.8", false) + """
        apps:
          sqlserver:
            edition: Enterprise
            image: registry.example.com/mssql/server:2022-CU16-ubuntu-22.04
            acceptEula: true
        """).spec();
    Path dir = bundle("1.35.8").completeFor(BundleRequirements.of(Specs.cluster("1.35.8", false)), imageCache())
        .write();

    assertThat(messages(BundleVerifier.verify(dir, withSql))).containsExactly(
        "images: no image registry.example.com/mssql/server:2022-CU16-ubuntu-22.04 for linux/amd64"
            + " (apps.sqlserver.image); SQL Server's image cannot be built from this machine's sources: import your"
            + " site's OCI archive of registry.example.com/mssql/server:2022-CU16-ubuntu-22.04 into the bundle with"
            + " 'kubeyard bundle import BUNDLE ARCHIVE.tar --name registry.example.com/mssql/server:2022-CU16-ubuntu-22.04',"
            + " or set apps.sqlserver.image to the reference of an image the bundle holds");
    assertThat(messages(BundleVerifier.verifyForInstall(dir, withSql))).isEmpty();
  }

  @Test
  void verifyNamesEveryGitlabImageTheSiteMustImportAndTheInstallNeedsNone() throws Exception {
    String cng = "registry.example.com/cng/";
    ClusterSpec withGitlab = Validator.loadText(Specs.yaml("1.35.8", false) + """
        apps:
          gitlab:
            images:
              webservice: %1$sgitlab-webservice-ee:v17.11.0
              workhorse: %1$sgitlab-workhorse-ee:v17.11.0
              sidekiq: %1$sgitlab-sidekiq-ee:v17.11.0
              gitlabShell: %1$sgitlab-shell:v14.41.0
              gitaly: %1$sgitaly:v17.11.0
              toolbox: %1$sgitlab-toolbox-ee:v17.11.0
        """.formatted(cng)).spec();
    // complete for what the bundle builds for this spec (GitLab's PostgreSQL image among it): only the site's are missing
    Path dir = bundle("1.35.8").completeFor(BundleRequirements.of(withGitlab), imageCache()).write();

    List<String> problems = messages(BundleVerifier.verify(dir, withGitlab));
    assertThat(problems).hasSize(6);
    assertThat(problems.get(0)).isEqualTo("images: no image " + cng + "gitlab-webservice-ee:v17.11.0 for linux/amd64"
        + " (apps.gitlab.images.webservice); GitLab's gitlab-webservice-ee image cannot be built from this machine's"
        + " sources: import your site's OCI archive of " + cng + "gitlab-webservice-ee:v17.11.0 into the bundle with"
        + " 'kubeyard bundle import BUNDLE ARCHIVE.tar --name " + cng + "gitlab-webservice-ee:v17.11.0', or set"
        + " apps.gitlab.images.webservice to the reference of an image the bundle holds");
    assertThat(problems.subList(1, 6)).extracting(p -> p.substring(0, p.indexOf(';'))).containsExactly(
        "images: no image " + cng + "gitlab-workhorse-ee:v17.11.0 for linux/amd64 (apps.gitlab.images.workhorse)",
        "images: no image " + cng + "gitlab-sidekiq-ee:v17.11.0 for linux/amd64 (apps.gitlab.images.sidekiq)",
        "images: no image " + cng + "gitlab-shell:v14.41.0 for linux/amd64 (apps.gitlab.images.gitlabShell)",
        "images: no image " + cng + "gitaly:v17.11.0 for linux/amd64 (apps.gitlab.images.gitaly)",
        "images: no image " + cng + "gitlab-toolbox-ee:v17.11.0 for linux/amd64 (apps.gitlab.images.toolbox)");
    assertThat(messages(BundleVerifier.verifyForInstall(dir, withGitlab))).isEmpty();
  }

  @Test
  void needsGitlabsPostgresqlImageOnlyWhenKubeyardRunsGitlabsPostgresql() {
    String base = Specs.yaml("1.35.8", false) + "apps:\n  gitlab: {host: gitlab.example.com";
    assertThat(BundleRequirements.of(Validator.loadText(base + "}\n").spec()).images()).contains("gitlab-postgres");
    assertThat(BundleRequirements.of(Validator.loadText(base + ", postgresHost: pg.example.com}\n").spec()).images())
        .doesNotContain("gitlab-postgres");
    assertThat(BundleRequirements.of(Validator.loadText(base + ", enabled: false}\n").spec()).images())
        .doesNotContain("gitlab-postgres");
  }

  @Test
  void needsGitlabsRedisImageOnlyWhenKubeyardRunsGitlabsRedis() {
    String base = Specs.yaml("1.35.8", false) + "apps:\n  gitlab: {host: gitlab.example.com";
    assertThat(BundleRequirements.of(Validator.loadText(base + "}\n").spec()).images()).contains("redis");
    assertThat(BundleRequirements.of(Validator.loadText(base + ", redisSentinels: \"s1:26379\"}\n").spec()).images())
        .doesNotContain("redis").contains("gitlab-postgres");
    assertThat(BundleRequirements.of(Validator.loadText(base + ", enabled: false}\n").spec()).images())
        .doesNotContain("redis");
  }

  private static ClusterSpec withPythonService(String pythonService) {
    return Validator.loadText(Specs.yaml("1.35.8", false) + "apps:\n  pythonService: " + pythonService + "\n").spec();
  }

  @Test
  void refusesAddonImagesTooNewForTheClustersKubernetes() throws Exception {
    Path cache = imageCache();
    Path dir = bundle("1.14.10").image("coredns", "1.13.1", cache).image("metrics-server", "0.8.0", cache)
        .image("traefik", "3.6.12", cache).write();

    List<String> problems = messages(BundleVerifier.verify(dir, Specs.cluster("1.14.10", false)));

    assertThat(problems).contains(
        "images/coredns-1.13.1-linux-amd64.tar: coredns 1.13.1 needs Kubernetes 1.21 or later (its kubernetes plugin"
            + " watches discovery.k8s.io/v1 EndpointSlices) but the cluster spec asks for 1.14.10; build the 1.14"
            + " line's bundle with 'kubeyard bundle build --line 1.14' (it writes bundle/latest-1.14), which carries"
            + " CoreDNS 1.6.7 (ADR 33)",
        "images/metrics-server-0.8.0-linux-amd64.tar: metrics-server 0.8.0 needs Kubernetes 1.31 or later (its"
            + " compatibility matrix says 1.31+) but the cluster spec asks for 1.14.10; build the 1.14 line's bundle"
            + " with 'kubeyard bundle build --line 1.14' (it writes bundle/latest-1.14), which carries metrics-server"
            + " 0.4.4 (\"1.8+\"; ADR 33)",
        "images/traefik-3.6.12-linux-amd64.tar: traefik 3.6.12 needs Kubernetes 1.21 or later (it reads"
            + " discovery.k8s.io/v1 EndpointSlices and networking.k8s.io/v1 Ingresses) but the cluster spec asks for"
            + " 1.14.10; build the 1.14 line's bundle with 'kubeyard bundle build --line 1.14' (it writes"
            + " bundle/latest-1.14), which carries Traefik 2.11.54 (ADR 29)");
  }

  @Test
  void aSpecWithLoadBalancerAddressesNeedsMetalLbsImages() throws Exception {
    ClusterSpec plain = Specs.cluster("1.35.8", false);
    ClusterSpec withPool = Validator.loadText(Specs.yaml("1.35.8", false)
        + "network: {hostSubnet: 192.168.1.0/24, loadBalancerAddresses: [192.168.1.200-192.168.1.220]}\n").spec();
    Path dir = bundle("1.35.8").completeFor(BundleRequirements.of(plain), imageCache()).write();

    assertThat(BundleRequirements.of(withPool).images()).contains("metallb-controller", "metallb-speaker");
    assertThat(messages(BundleVerifier.verify(dir, withPool))).containsExactly(
        "images: no metallb-controller image for linux/amd64; rebuild the bundle with 'kubeyard bundle build' on an"
            + " amd64 machine",
        "images: no metallb-speaker image for linux/amd64; rebuild the bundle with 'kubeyard bundle build' on an"
            + " amd64 machine");
  }
}
