package dev.kubeyard.engine.pki;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.pki.PkiReport.Entry;
import dev.kubeyard.engine.pki.PkiReport.Outcome;
import dev.kubeyard.engine.render.HostPaths;
import dev.kubeyard.engine.render.IngressControllerFiles;
import dev.kubeyard.engine.render.RenderedFile;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.PythonServiceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingress controller's certificate: the cluster CA's, for the apps' hosts, in the Secret Traefik serves. */
class IngressCertificateTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  @TempDir
  Path tmp;

  @Test
  void theIngressCertificateServesTheAppHostsAndVerifiesAgainstTheClusterCa() {
    OpenSsl openssl = new OpenSsl(ExampleCluster.issued());
    assertThat(ExampleCluster.facts().ingressHosts()).containsExactly("gateway.example.com", "gitlab.example.com");
    assertThat(openssl.subjectAltNames(PkiNames.INGRESS))
        .containsExactlyInAnyOrder("DNS:gateway.example.com", "DNS:gitlab.example.com");
    assertThat(openssl.subject(PkiNames.INGRESS)).isEqualTo("CN = kubeyard-ingress");
    assertThat(openssl.extension(PkiNames.INGRESS, "extendedKeyUsage"))
        .containsExactly("X509v3 Extended Key Usage:", "TLS Web Server Authentication");
    assertThat(openssl.verifies("ca", PkiNames.INGRESS)).isTrue();
    assertThat(openssl.verifies("etcd-ca", PkiNames.INGRESS)).isFalse();
  }

  @Test
  void theRenderedSecretCarriesThatCertificateAndKeyForTheFirstMasterOnlyAndPrivately() throws Exception {
    ClusterFacts facts = ExampleCluster.facts();
    PkiMaterial pki = PkiMaterial.load(ExampleCluster.issued());
    RenderedFile file = IngressControllerFiles.tlsSecret(facts, pki.certificate(PkiNames.INGRESS),
        pki.privateKey(PkiNames.INGRESS));

    assertThat(file.host()).isEqualTo("master1");
    assertThat(file.path()).isEqualTo(HostPaths.ADDONS + "/ingress-tls.yaml");
    assertThat(file.secret()).isTrue();
    assertThat(file.mode()).isEqualTo(0600);
    JsonNode secret = YAML.readTree(file.content());
    assertThat(secret.path("type").asText()).isEqualTo("kubernetes.io/tls");
    assertThat(secret.at("/metadata/namespace").asText()).isEqualTo(IngressControllerFiles.NAMESPACE);
    String crt = new String(Base64.getDecoder().decode(secret.at("/data/tls.crt").asText()));
    String key = new String(Base64.getDecoder().decode(secret.at("/data/tls.key").asText()));
    assertThat(crt).isEqualTo(pki.certificate(PkiNames.INGRESS));
    assertThat(key).isEqualTo(pki.privateKey(PkiNames.INGRESS));
    // What Traefik will serve, judged on its own: it verifies against the cluster CA for the gateway's host.
    Files.copy(ExampleCluster.issued().resolve("ca.pem"), tmp.resolve("ca.pem"));
    Files.writeString(tmp.resolve("served.pem"), crt);
    OpenSsl openssl = new OpenSsl(tmp);
    openssl.ok("verify", "-CAfile", "ca.pem", "-verify_hostname", "gateway.example.com", "served.pem");
    assertThat(openssl.run("verify", "-CAfile", "ca.pem", "-verify_hostname", "elsewhere.example.com", "served.pem")
        .exitCode()).isNotZero();
  }

  @Test
  void aNewAppHostReissuesOnlyTheIngressCertificateAndTheSameHostsKeepIt() {
    Path dir = ExampleCluster.copyOfIssued(tmp);
    assertThat(ClusterPki.ensure(ExampleCluster.facts(), dir, Clock.systemUTC()).entry(PkiNames.INGRESS)
        .map(Entry::outcome)).contains(Outcome.KEPT);

    ClusterSpec s = ExampleCluster.spec();
    PythonServiceSpec py = s.apps().pythonService();
    ClusterSpec moved = new ClusterSpec(s.apiVersion(), s.kind(), s.metadata(), s.kubernetes(), s.loadBalancer(),
        s.network(), s.pki(), s.windows(), s.hosts(), new dev.kubeyard.model.spec.AppsSpec(s.apps().elasticsearch(),
            s.apps().sqlserver(), s.apps().gitlab(), new PythonServiceSpec(py.enabled(), py.namespace(), py.image(),
                py.replicas(), "api.example.com")));
    PkiReport report = ClusterPki.ensure(ClusterFacts.of(moved), dir, Clock.systemUTC());

    assertThat(report.names(Outcome.REISSUED)).containsExactly(PkiNames.INGRESS);
    assertThat(report.entry(PkiNames.INGRESS).map(Entry::reason)).hasValueSatisfying(r ->
        assertThat(r).contains("SANs changed").contains("+api.example.com").contains("-gateway.example.com"));
    assertThat(new OpenSsl(dir).verifies("ca", PkiNames.INGRESS)).isTrue();
  }

  @Test
  void withoutAnyAppHostTheCertificateNamesTheClusterItself() {
    ClusterSpec s = ExampleCluster.spec();
    ClusterFacts bare = ClusterFacts.of(new ClusterSpec(s.apiVersion(), s.kind(), s.metadata(), s.kubernetes(),
        s.loadBalancer(), s.network(), s.pki(), s.windows(), s.hosts(), null));
    assertThat(bare.ingressHosts()).isEmpty();
    assertThat(bare.ingressCertificateSans()).containsExactly("ingress." + bare.clusterName() + ".local");
  }
}
