package dev.kubeyard.engine.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.model.spec.HostSpec;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CertificateCatalogueTest {
  private final Map<String, CertificateRequest> requests = CertificateCatalogue.of(ExampleCluster.facts()).stream()
      .collect(Collectors.toMap(CertificateRequest::name, Function.identity()));

  @Test
  void listsEveryLeafTheExampleClusterNeedsUnderItsContractName() {
    assertThat(CertificateCatalogue.of(ExampleCluster.facts())).extracting(CertificateRequest::name)
        .containsExactly("etcd-master1", "etcd-master2", "etcd-master3", "etcd-healthcheck-client",
            "apiserver-etcd-client", "kubernetes", "apiserver-kubelet-client", "admin", "break-glass",
            "kube-controller-manager", "kube-scheduler", "kube-proxy", "lb-healthcheck-client", "ingress",
            "metrics-server", "front-proxy-client", "kubelet-master1", "kubelet-master2", "kubelet-master3",
            "kubelet-node1", "kubelet-node2", "kubelet-node3", "kubelet-win1", "mssql-ag1-0-endpoint",
            "mssql-ag1-1-endpoint", "mssql-ag1-2-endpoint", "mssql-ag1-tls", "gitlab-postgres-tls");
  }

  @Test
  void sqlServersCertificatesServeOnlyAndAreRsaWhateverTheClusterUses() {
    assertThat(requests.values()).filteredOn(r -> r.name().startsWith("mssql-"))
        .hasSize(4).allSatisfy(r -> {
          assertThat(r.usages()).containsExactly(ExtendedUsage.SERVER_AUTH);
          assertThat(r.signer()).isEqualTo(CertificateAuthority.CLUSTER);
          assertThat(CertificateCatalogue.keyAlgorithm(r, KeyAlgorithm.ECDSA_P256)).isEqualTo(KeyAlgorithm.RSA_2048);
        });
    assertThat(requests.get("mssql-ag1-1-endpoint").commonName()).isEqualTo("ag1-1");
    assertThat(requests.get("mssql-ag1-tls").subjectAltNames()).contains("ag1-primary.mssql.svc.cluster.local",
        "ag1-secondary.mssql.svc.cluster.local", "ag1-0.mssql.svc.cluster.local");
    assertThat(CertificateCatalogue.keyAlgorithm(requests.get("kubernetes"), KeyAlgorithm.ECDSA_P256))
        .isEqualTo(KeyAlgorithm.ECDSA_P256);
  }

  @Test
  void gitlabsPostgresqlCertificateServesEveryServiceAndMemberNameButNotClients() {
    CertificateRequest pg = requests.get(PkiNames.GITLAB_POSTGRES_TLS);
    assertThat(pg.usages()).containsExactly(ExtendedUsage.SERVER_AUTH);
    assertThat(pg.signer()).isEqualTo(CertificateAuthority.CLUSTER);
    assertThat(pg.subjectAltNames()).contains("gitlab-postgres-primary.gitlab.svc.cluster.local",
        "gitlab-postgres-replicas.gitlab.svc", "gitlab-pgbouncer", "gitlab-pgbouncer.gitlab.svc.cluster.local",
        "gitlab-postgres-2.gitlab-postgres-members.gitlab.svc.cluster.local");
  }

  @Test
  void theFullInventoryStartsWithTheThreeCasAndTheServiceAccountKeyPair() {
    assertThat(CertificateCatalogue.names(ExampleCluster.facts()))
        .startsWith("ca", "etcd-ca", "front-proxy-ca", "sa").hasSize(32);
  }

  @Test
  void onlyEtcdMaterialIsSignedByTheEtcdCaAndOnlyTheFrontProxyClientByTheFrontProxyCa() {
    assertThat(requests.values()).filteredOn(r -> r.signer() == CertificateAuthority.ETCD)
        .extracting(CertificateRequest::name).containsExactlyInAnyOrder("etcd-master1", "etcd-master2",
            "etcd-master3", "etcd-healthcheck-client", "apiserver-etcd-client");
    assertThat(requests.values()).filteredOn(r -> r.signer() == CertificateAuthority.FRONT_PROXY)
        .extracting(CertificateRequest::name).containsExactly("front-proxy-client");
  }

  @Test
  void apiserverSansAreTheFactsSansWithTheFirstServiceIp() {
    CertificateRequest apiserver = requests.get(PkiNames.APISERVER);
    assertThat(apiserver.subjectAltNames()).containsExactlyElementsOf(ExampleCluster.facts().apiserverSans())
        .contains("10.68.0.1", "192.168.1.10", "kubernetes.default.svc.cluster.local")
        .doesNotContain("10.68.0.2");
    assertThat(apiserver.usages()).containsExactly(ExtendedUsage.SERVER_AUTH);
  }

  @Test
  void addressesBecomeIpSansAndEverythingElseDnsSans() {
    CertificateRequest etcd = requests.get("etcd-master1");
    assertThat(etcd.ipAddresses()).containsExactly("192.168.1.1", "127.0.0.1");
    assertThat(etcd.dnsNames()).containsExactly("master1", "localhost");
    assertThat(etcd.commonName()).isEqualTo("master1");
    assertThat(etcd.usages()).containsExactly(ExtendedUsage.SERVER_AUTH, ExtendedUsage.CLIENT_AUTH);
  }

  @Test
  void windowsNodesGetAKubeletCertificateInTheNodesGroup() {
    CertificateRequest win = requests.get("kubelet-win1");
    assertThat(win.subjectText()).isEqualTo("O = system:nodes, CN = system:node:win1");
    assertThat(win.subjectAltNames()).containsExactly("win1", "192.168.1.6");
    assertThat(win.signer()).isEqualTo(CertificateAuthority.CLUSTER);
  }

  @Test
  void mastersGetAKubeletCertificateButLoadBalancerHostsDoNot() {
    assertThat(requests).containsKeys("kubelet-master1", "kubelet-master2").doesNotContainKeys("kubelet-lb1", "kubelet-lb2");
  }

  @Test
  void refusesAHostWhoseEtcdCertificateWouldOverwriteTheEtcdCa() {
    List<HostSpec> renamed = ExampleCluster.spec().hosts().stream()
        .map(h -> h.name().equals("master3") ? new HostSpec("ca", h.address(), h.os(), h.roles(), h.ssh()) : h)
        .toList();
    ClusterFacts facts = ClusterFacts.of(ExampleCluster.spec().withHosts(renamed));

    assertThatThrownBy(() -> CertificateCatalogue.of(facts)).isInstanceOf(PkiException.class)
        .hasMessageContaining("etcd-ca.pem for ca would overwrite the etcd-ca CA")
        .hasMessageContaining("rename the host");
  }
}
