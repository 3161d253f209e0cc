package dev.kubeyard.engine.apps.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeyard.engine.apps.elasticsearch.manifest.Manifest;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.pki.ClusterPki;
import dev.kubeyard.engine.pki.PkiMaterial;
import dev.kubeyard.engine.testing.Specs;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Secrets made from the cluster PKI at deploy time: what each holds, checked on the decoded material. */
class GroupSecretsTest {
  @TempDir
  static Path tmp;
  private static PkiMaterial pki;
  private static final SqlServerDeployment D = SqlServerManifestsGoldenTest.deployment("1.35");

  @BeforeAll
  static void issue() {
    ClusterPki.ensure(ClusterFacts.of(Specs.current()), tmp.resolve("pki"), Clock.systemUTC());
    pki = PkiMaterial.load(tmp.resolve("pki"));
  }

  private static X509Certificate certificate(byte[] der) throws Exception {
    return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }

  private static byte[] data(Manifest m, String key) {
    return Base64.getDecoder().decode(m.object().at("/data").path(key).asText());
  }

  @Test
  void theTlsCertificateNamesEveryServiceAClientMayUseAndServesOnly() throws Exception {
    Manifest tls = GroupSecrets.tls(D, pki);
    assertThat(tls.object().path("type").asText()).isEqualTo("kubernetes.io/tls");
    assertThat(tls.name()).isEqualTo("ag1-tls");
    X509Certificate cert = certificate(data(tls, "tls.crt")); // the factory reads PEM too
    List<String> sans = cert.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList();
    assertThat(sans).contains("ag1-primary.mssql.svc.cluster.local", "ag1-secondary.mssql.svc.cluster.local",
        "ag1-0.mssql.svc.cluster.local", "ag1-primary", "ag1-2.mssql");
    assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(cert.getPublicKey()).isInstanceOf(RSAPublicKey.class);
    assertThat(new String(data(tls, "tls.key"), StandardCharsets.US_ASCII)).startsWith("-----BEGIN PRIVATE KEY-----");
  }

  @Test
  void everyReplicaHasItsOwnEndpointCertificateAndItsKeyAsPvk() throws Exception {
    Manifest endpoints = GroupSecrets.endpointCertificates(D, pki);
    JsonNode data = endpoints.object().path("data");
    List<String> keys = new ArrayList<>();
    data.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("ag1-0.cer", "ag1-1.cer", "ag1-2.cer",
        "ag1-0.pvk", "ag1-1.pvk", "ag1-2.pvk");
    BigInteger previous = null;
    for (String pod : D.names().pods()) {
      X509Certificate cert = certificate(data(endpoints, pod + ".cer"));
      assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=" + pod);
      BigInteger modulus = ((RSAPublicKey) cert.getPublicKey()).getModulus();
      byte[] pvk = data(endpoints, pod + ".pvk");
      ByteBuffer header = ByteBuffer.wrap(pvk).order(ByteOrder.LITTLE_ENDIAN);
      assertThat(header.getInt(0)).isEqualTo(0xB0B5F11E);
      assertThat(header.getInt(12)).as("not encrypted").isZero();
      byte[] little = Arrays.copyOfRange(pvk, 24 + 20, 24 + 20 + 256);
      byte[] big = new byte[little.length];
      for (int i = 0; i < little.length; i++) {
        big[i] = little[little.length - 1 - i];
      }
      assertThat(new BigInteger(1, big)).as("the PVK holds the certificate's key").isEqualTo(modulus);
      assertThat(modulus).isNotEqualTo(previous);
      previous = modulus;
    }
  }

  @Test
  void passwordsAreLongMixedAndNeedNoQuotingInTsqlOrSqlcmd() {
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < 200; i++) {
      String p = GroupSecrets.password(random);
      assertThat(p).hasSize(32).containsPattern("[A-Z]").containsPattern("[a-z]").containsPattern("[0-9]")
          .containsPattern("[-_.+!#%*=]").doesNotContain("'", "\"", "$", "(", ")", "]", ";");
    }
    Manifest sa = GroupSecrets.password(D, "sa-password", random);
    assertThat(sa.object().at("/stringData/password").asText()).hasSize(32);
    assertThat(GroupSecrets.passwordSecrets(D)).containsExactly("sa-password", "master-key-password");
  }
}
