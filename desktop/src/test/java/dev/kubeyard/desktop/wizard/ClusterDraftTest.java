package dev.kubeyard.desktop.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.desktop.testing.Fixtures;
import dev.kubeyard.desktop.wizard.draft.ClusterDraft;
import dev.kubeyard.desktop.wizard.draft.HostDraft;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.Defaults;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.SshSpec;
import dev.kubeyard.model.spec.NetworkSpec;
import dev.kubeyard.model.spec.OsFamily;
import dev.kubeyard.model.spec.Role;
import dev.kubeyard.model.spec.SpecYaml;
import dev.kubeyard.model.validate.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterDraftTest {
  private final ClusterDraft draft = new ClusterDraft();

  @Test
  void aNewClusterStartsWithTheNotesDefaultsAndNoHosts() {
    assertThat(draft.hosts).isEmpty();
    assertThat(draft.kubernetes.serviceCidr.get()).isEqualTo(Defaults.SERVICE_CIDR);
    assertThat(draft.kubernetes.clusterCidr.get()).isEqualTo(Defaults.CLUSTER_CIDR);
    assertThat(draft.kubernetes.clusterDnsIp.get()).isEqualTo(Defaults.CLUSTER_DNS_IP);
    assertThat(draft.loadBalancer.enabled.get()).isTrue();
    assertThat(draft.loadBalancer.apiserverPort.get()).isEqualTo("8443");
  }

  @Test
  void theExampleSpecSurvivesLoadingIntoTheDraftAndBuildingBack() {
    ClusterSpec example = SpecYaml.read(Fixtures.exampleClusterYaml()).spec();

    draft.load(example);
    ClusterDraft.Built built = draft.build();

    assertThat(built.problems()).isEmpty();
    assertThat(Defaults.apply(built.spec())).isEqualTo(Defaults.apply(example));
  }

  @Test
  void anAgentLoginAndAKeyPassphraseSourceSurviveTheDraftAndNoPassphraseIsEverInIt() {
    ClusterSpec example = SpecYaml.read(Fixtures.exampleClusterYaml()).spec();
    List<HostSpec> hosts = new java.util.ArrayList<>(example.hosts());
    HostSpec first = hosts.get(0);
    hosts.set(0, new HostSpec(first.name(), first.address(), first.os(), first.roles(),
        new SshSpec("admin", 22, "~/.ssh/id_ed25519", null, true, "prompt")));

    draft.load(example.withHosts(hosts));
    SshSpec back = draft.build().spec().hosts().get(0).ssh();

    assertThat(draft.hosts.get(0).sshAgent.get()).isTrue();
    assertThat(back.usesAgent()).isTrue();
    assertThat(back.privateKeyPassphraseFrom()).isEqualTo("prompt");
  }

  @Test
  void theHostLanAndMetalLbsAddressesSurviveTheDraftThoughItDoesNotEditThemYet() {
    ClusterSpec example = SpecYaml.read(Fixtures.exampleClusterYaml()).spec();
    NetworkSpec lan = new NetworkSpec("flannel", "vxlan", 4096, 4789, "192.168.1.0/24",
        "192.168.1.100-192.168.1.199", List.of("192.168.1.200-192.168.1.220"));
    ClusterSpec withPool = new ClusterSpec(example.apiVersion(), example.kind(), example.metadata(),
        example.kubernetes(), example.loadBalancer(), lan, example.pki(), example.windows(), example.hosts(),
        example.apps());

    draft.load(withPool);

    assertThat(draft.build().spec().network()).isEqualTo(withPool.network());
  }

  @Test
  void gitlabsRedisCountsSurviveTheDraftThoughItDoesNotEditThemYet() {
    ClusterSpec withRedis = SpecYaml.parse(readString(Fixtures.exampleClusterYaml()).replace(
        "    sidekiqReplicas: 2\n", "    sidekiqReplicas: 2\n    redis: {replicas: 5, sentinels: 5}\n")).spec();
    assertThat(withRedis.apps().gitlab().redis()).isNotNull();

    draft.load(withRedis);

    assertThat(draft.build().spec().apps().gitlab().redis()).isEqualTo(withRedis.apps().gitlab().redis());
  }

  private static String readString(java.nio.file.Path file) {
    try {
      return java.nio.file.Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aPortThatIsNotANumberBecomesAProblemOnItsOwnField() {
    draft.loadBalancer.apiserverPort.set("84x3");
    HostDraft host = new HostDraft();
    host.sshPort.set("");
    draft.hosts.add(host);

    assertThat(draft.build().problems()).extracting(Problem::path)
        .containsExactly("hosts[0].ssh.port", "loadBalancer.apiserverPort");
  }

  @Test
  void windowsSettingsAreWrittenOnlyWhileAWindowsHostExists() {
    HostDraft win = new HostDraft();
    win.name.set("win1");
    win.os.set(OsFamily.WINDOWS);
    assertThat(draft.build().spec().windows()).isNull();

    draft.hosts.add(win);

    assertThat(draft.build().spec().windows().serverVersion()).isEqualTo("1809");
  }

  @Test
  void anApplicationLeftOutIsNotWrittenAndNoneLeavesNoAppsSection() {
    assertThat(draft.build().spec().apps()).isNull();

    draft.pythonService.included.set(true);

    assertThat(draft.build().spec().apps().pythonService().host()).isEqualTo("gateway.example.com");
    assertThat(draft.build().spec().apps().elasticsearch()).isNull();
  }

  @Test
  void everyEditMovesTheRevisionSoValidationFollows() {
    long before = draft.revisionProperty().get();
    HostDraft h = new HostDraft();
    draft.hosts.add(h);
    h.role(Role.ETCD).set(true);
    draft.kubernetes.clusterDomain.set("corp.local");

    assertThat(draft.revisionProperty().get()).isEqualTo(before + 3);
  }

  @Test
  void theIngressCertificateFilesRoundTripAndTheirProblemsShowOnTheAppsPageNotTheVersionsPage() {
    draft.load(SpecYaml.read(Fixtures.exampleClusterYaml()).spec());
    draft.ingressCertificateFile.set("/etc/tls/ingress.crt");
    draft.ingressKeyFile.set("/etc/tls/ingress.key");
    ClusterSpec built = draft.build().spec();
    assertThat(built.pki().ingressCertificate().keyFile()).isEqualTo("/etc/tls/ingress.key");
    assertThat(built.pki().keyAlgorithm()).isEqualTo("rsa-2048");

    ClusterDraft again = new ClusterDraft();
    again.load(built);
    assertThat(again.ingressCertificateFile.get()).isEqualTo("/etc/tls/ingress.crt");
    draft.ingressKeyFile.set(" ");
    assertThat(draft.build().spec().pki().ingressCertificate().keyFile()).isNull();
    draft.ingressCertificateFile.set("");
    assertThat(draft.build().spec().pki().ingressCertificate()).as("both blank: the cluster CA's").isNull();

    assertThat(WizardStep.of(Problem.of("pki.ingressCertificate.keyFile", null, "pki.ingressCertificate.incomplete")))
        .isEqualTo(WizardStep.APPS);
    assertThat(WizardStep.of(Problem.of("pki.keyAlgorithm", "dsa", "pki.keyAlgorithm"))).isEqualTo(WizardStep.VERSIONS);
  }
}
