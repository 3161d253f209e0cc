package dev.kubeyard.engine.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kubeyard.engine.pipeline.PlanPipeline;
import dev.kubeyard.engine.plan.Action;
import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.render.HostPaths;
import dev.kubeyard.engine.testing.Specs;
import dev.kubeyard.engine.testing.TestCa;
import dev.kubeyard.model.validate.Problem;
import dev.kubeyard.model.validate.ValidSpec;
import dev.kubeyard.model.validate.Validator;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.security.interfaces.ECPrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pki.ingressCertificate: the administrator's own certificate, from a CA of the test's own, is checked
 * when the plan is made and then served instead of the cluster CA's.
 */
class OwnIngressCertificateTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String SECRET = "hosts/master1" + HostPaths.ADDONS + "/ingress-tls.yaml";
  private static final String CERTIFICATE_FIELD = "pki.ingressCertificate.certificateFile";
  private static final String KEY_FIELD = "pki.ingressCertificate.keyFile";
  private static final TestCa CA = new TestCa();

  @TempDir
  Path tmp;

  /** The example spec, in {@code tmp}, naming tls/ingress.crt and tls/ingress.key beside it. */
  private ValidSpec spec(String chainPem, String keyPem) throws Exception {
    Path tls = Files.createDirectories(tmp.resolve("tls"));
    Files.writeString(tls.resolve("ingress.crt"), chainPem);
    Files.writeString(tls.resolve("ingress.key"), keyPem);
    Path file = Files.writeString(tmp.resolve("cluster.yaml"), Specs.exampleYaml().replace("\npki:\n",
        "\npki:\n  ingressCertificate: {certificateFile: tls/ingress.crt, keyFile: tls/ingress.key}\n"));
    Validator.Result r = Validator.load(file);
    assertThat(r.problems()).isEmpty();
    return r.validSpec();
  }

  private List<Problem> refused(ValidSpec spec) {
    Path plan = tmp.resolve("plan");
    IngressCertificateException e = (IngressCertificateException) org.assertj.core.api.Assertions.catchThrowable(
        () -> PlanPipeline.write(spec, plan, null));
    assertThat(e).as("the plan is refused").isNotNull();
    assertThat(plan).as("nothing is written, not even the PKI").doesNotExist();
    return e.problems();
  }

  @Test
  void aValidCertificateWithItsIntermediateIsWhatTheSecretServesAndVerifiesAgainstItsCa() throws Exception {
    TestCa.Issued leaf = CA.leaf(90, "gateway.example.com", "gitlab.example.com");
    Path plan = tmp.resolve("plan");

    PlanPipeline.WrittenPlan written = PlanPipeline.write(spec(CA.chainPem(leaf), leaf.keyPem()), plan, null);

    JsonNode secret = YAML.readTree(plan.resolve(SECRET).toFile());
    String crt = new String(Base64.getDecoder().decode(secret.at("/data/tls.crt").asText()));
    String key = new String(Base64.getDecoder().decode(secret.at("/data/tls.key").asText()));
    assertThat(crt).isEqualTo(CA.chainPem(leaf));
    // the same key, whatever PKCS#8 encoding (with or without the curve's parameters) the provider chose
    assertThat(privateScalar(key)).isEqualTo(((ECPrivateKey) leaf.key().getPrivate()).getS());
    Path check = Files.createDirectories(tmp.resolve("check"));
    Files.writeString(check.resolve("testca.pem"), CA.root.certificatePem());
    Files.writeString(check.resolve("tls.crt"), crt);
    OpenSsl openssl = new OpenSsl(check);
    // the real openssl: the leaf verifies through the intermediate the Secret carries after it
    openssl.ok("verify", "-CAfile", "testca.pem", "-untrusted", "tls.crt", "-verify_hostname", "gitlab.example.com",
        "tls.crt");
    assertThat(openssl.run("verify", "-CAfile", "testca.pem", "tls.crt").exitCode())
        .as("without the intermediate the leaf does not verify").isNotZero();

    assertThat(written.ingressTls().own()).isTrue();
    assertThat(written.ingressTls().toString()).startsWith("user-supplied (pki.ingressCertificate), CN=gateway.example.com,"
        + " expires ").doesNotContain("PRIVATE");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(plan.resolve(SECRET)))).isEqualTo("rw-------");
    assertThat(plan.resolve("pki/ingress.pem")).as("the cluster CA's ingress leaf is still issued").exists();
    String keyBody = leaf.keyPem().lines().skip(1).findFirst().orElseThrow();
    try (Stream<Path> files = Files.walk(plan)) {
      assertThat(files.filter(Files::isRegularFile).filter(f -> contains(f, keyBody)).toList())
          .as("the key never appears as text in the plan folder (only base64 in the 0600 Secret)").isEmpty();
    }
  }

  @Test
  void withoutTheSectionTheSecretServesTheClusterCasIngressCertificateAsBefore() throws Exception {
    Path plan = tmp.resolve("plan");
    PlanPipeline.WrittenPlan written = PlanPipeline.write(
        Validator.requireValid(Specs.example(s -> s)), plan, null);
    String crt = new String(Base64.getDecoder().decode(YAML.readTree(plan.resolve(SECRET).toFile()).at("/data/tls.crt").asText()));
    assertThat(crt).isEqualTo(Files.readString(plan.resolve("pki/ingress.pem")));
    assertThat(written.ingressTls().own()).isFalse();
    assertThat(written.ingressTls().toString()).startsWith("issued by the cluster CA (PKI name 'ingress'), CN=kubeyard-ingress");
  }

  @Test
  void aNewCertificateChangesTheSecretsDigestSoTheNextApplyReplacesItAndTheSameOneKeepsIt() throws Exception {
    TestCa.Issued first = CA.leaf(90, "*.example.com");
    Path plan = tmp.resolve("plan");
    String before = secretDigest(PlanPipeline.write(spec(CA.chainPem(first), first.keyPem()), plan, null).plan());
    assertThat(secretDigest(PlanPipeline.write(spec(CA.chainPem(first), first.keyPem()), plan, null).plan()))
        .as("re-planning with the same certificate is idempotent").isEqualTo(before);

    TestCa.Issued renewed = CA.leaf(180, "*.example.com");
    Plan after = PlanPipeline.write(spec(CA.chainPem(renewed), renewed.keyPem()), plan, null).plan();

    assertThat(secretDigest(after)).isNotEqualTo(before);
    assertThat(after.steps().stream().filter(s -> s.id().equals("apply-addons")).findFirst().orElseThrow().check())
        .as("the apply step's check compares the placed Secret with the new digest").contains(secretDigest(after));
  }

  @Test
  void aWildcardCoversEveryHostOneLabelBelowItAndNoOther() throws Exception {
    TestCa.Issued wildcard = CA.leaf(90, "*.example.com");
    assertThat(PlanPipeline.preview(spec(CA.chainPem(wildcard), wildcard.keyPem()))).isNotNull();

    assertThat(OwnCertificateCheck.matches("*.example.com", "gateway.example.com")).isTrue();
    assertThat(OwnCertificateCheck.matches("*.EXAMPLE.com", "Gateway.example.COM")).isTrue();
    assertThat(OwnCertificateCheck.matches("*.example.com", "example.com")).isFalse();
    assertThat(OwnCertificateCheck.matches("*.example.com", "a.gateway.example.com")).isFalse();
    assertThat(OwnCertificateCheck.matches("*.example.com", "gateway.example.org")).isFalse();
  }

  @Test
  void aHostTheCertificateDoesNotNameIsAProblemNamingTheHostTheFileAndTheFix() throws Exception {
    TestCa.Issued narrow = CA.leaf(90, "gateway.example.com", "*.gitlab.example.com");

    Problem p = single(refused(spec(CA.chainPem(narrow), narrow.keyPem())));

    assertThat(p.path()).isEqualTo(CERTIFICATE_FIELD);
    assertThat(p.value()).isEqualTo(tmp.resolve("tls/ingress.crt").toString());
    assertThat(p.rule()).isEqualTo("the certificate does not cover gitlab.example.com, a host the spec publishes"
        + " (it names gateway.example.com, *.gitlab.example.com)");
    assertThat(p.fix()).contains("DNS:gitlab.example.com");
    assertThat(p.toString(Locale.SIMPLIFIED_CHINESE)).contains("证书没有覆盖规格中发布的主机名 gitlab.example.com");
  }

  @Test
  void theKeyOfAnotherCertificateIsAProblemNamingTheKeyFile() throws Exception {
    TestCa.Issued leaf = CA.leaf(90, "*.example.com");
    TestCa.Issued other = CA.leaf(90, "*.example.com");

    Problem p = single(refused(spec(CA.chainPem(leaf), other.keyPem())));

    assertThat(p.path()).isEqualTo(KEY_FIELD);
    assertThat(p.value()).isEqualTo(tmp.resolve("tls/ingress.key").toString());
    assertThat(p.rule()).isEqualTo("the private key does not belong to the certificate CN=*.example.com");
    assertThat(p.toString()).doesNotContain(other.keyPem().lines().skip(1).findFirst().orElseThrow());
  }

  @Test
  void anExpiredCertificateAndOneNotYetValidAreProblems() throws Exception {
    Instant now = Instant.now();
    TestCa.Issued expired = CA.leaf(TestCa.ec(), now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(35)),
        "*.example.com");
    Problem p = single(refused(spec(CA.chainPem(expired), expired.keyPem())));
    assertThat(p.path()).isEqualTo(CERTIFICATE_FIELD);
    assertThat(p.key()).isEqualTo("ingressCertificate.expired");
    assertThat(p.rule()).startsWith("the certificate CN=*.example.com expired on ");

    TestCa.Issued early = CA.leaf(TestCa.ec(), now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(90)),
        "*.example.com");
    assertThat(single(refused(spec(CA.chainPem(early), early.keyPem()))).key()).isEqualTo("ingressCertificate.notYetValid");
  }

  @Test
  void aCertificateExpiringWithinThirtyDaysIsServedWithARenewalWarning() throws Exception {
    TestCa.Issued soon = CA.leaf(10, "*.example.com");
    PlanPipeline.WrittenPlan written = PlanPipeline.write(spec(CA.chainPem(soon), soon.keyPem()), tmp.resolve("plan"), null);
    assertThat(written.ingressTls().renewalNotice(Instant.now())).hasValueSatisfying(n ->
        assertThat(n).contains("expires in 9 days").contains("renew it"));
    assertThat(written.ingressTls().renewalNotice(Instant.now().minus(Duration.ofDays(30)))).isEmpty();
  }

  @Test
  void anEncryptedKeyIsAProblemWhoseFixIsTheOpensslCommandThatWritesAPlainCopy() throws Exception {
    TestCa.Issued leaf = CA.leaf(90, "*.example.com");
    Files.writeString(tmp.resolve("plain.key"), leaf.keyPem());
    OpenSsl openssl = new OpenSsl(tmp);
    String pkcs8 = openssl.ok("pkey", "-in", "plain.key", "-aes256", "-passout", "pass:secret");
    String traditional = openssl.ok("ec", "-in", "plain.key", "-aes256", "-passout", "pass:secret");
    assertThat(pkcs8).contains("BEGIN ENCRYPTED PRIVATE KEY");
    assertThat(traditional).contains("Proc-Type: 4,ENCRYPTED");

    for (String encrypted : List.of(pkcs8, traditional)) {
      Problem p = single(refused(spec(CA.chainPem(leaf), encrypted)));
      String key = tmp.resolve("tls/ingress.key").toString();
      assertThat(p.path()).isEqualTo(KEY_FIELD);
      assertThat(p.rule()).contains("encrypted");
      assertThat(p.fix()).contains("openssl pkey -in " + key + " -out " + key + ".plain");
    }
  }

  @Test
  void aKeyTheIngressDoesNotServeIsAProblemNamingItsType() throws Exception {
    Instant now = Instant.now();
    TestCa.Issued weak = CA.leaf(TestCa.keys("RSA", 1024), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(9)),
        "*.example.com");
    Problem p = single(refused(spec(CA.chainPem(weak), weak.keyPem())));
    assertThat(p.path()).isEqualTo(KEY_FIELD);
    assertThat(p.rule()).startsWith("unsupported key type RSA 1024 bits");

    TestCa.Issued edwards = CA.leaf(TestCa.keys("Ed25519", 0), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(9)),
        "*.example.com");
    assertThat(single(refused(spec(CA.chainPem(edwards), edwards.keyPem()))).rule()).startsWith("unsupported key type Ed25519");
  }

  @Test
  void aPkcs1RsaKeyAsOlderOpensslWritesItIsServedAsPkcs8() throws Exception {
    Instant now = Instant.now();
    TestCa.Issued rsa = CA.leaf(TestCa.keys("RSA", 2048), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(90)),
        "*.example.com");
    Files.createDirectories(tmp.resolve("tls"));
    Files.writeString(tmp.resolve("tls/pkcs8.key"), rsa.keyPem());
    String pkcs1 = new OpenSsl(tmp).ok("rsa", "-in", "tls/pkcs8.key", "-traditional");
    assertThat(pkcs1).contains("BEGIN RSA PRIVATE KEY");

    PlanPipeline.WrittenPlan written = PlanPipeline.write(spec(CA.chainPem(rsa), pkcs1), tmp.resolve("plan"), null);

    assertThat(written.ingressTls().keyPem()).isEqualTo(rsa.keyPem());
  }

  @Test
  void aChainOutOfOrderAMissingFileAndAFileWithoutACertificateAreEachNamed() throws Exception {
    TestCa.Issued leaf = CA.leaf(90, "*.example.com");
    List<Problem> order = refused(spec(leaf.certificatePem() + CA.root.certificatePem()
        + CA.intermediate.certificatePem(), leaf.keyPem()));
    assertThat(order).extracting(Problem::key).containsOnly("ingressCertificate.chainOrder");
    assertThat(order.get(0).rule()).isEqualTo("certificate 1 in the file (CN=*.example.com) is not signed by the next one"
        + " (CN=Test Root CA)");

    ValidSpec spec = spec("not a certificate\n", leaf.keyPem());
    Files.delete(tmp.resolve("tls/ingress.key"));
    assertThat(refused(spec)).extracting(Problem::path, Problem::key).containsExactly(
        org.assertj.core.groups.Tuple.tuple(CERTIFICATE_FIELD, "ingressCertificate.noCertificate"),
        org.assertj.core.groups.Tuple.tuple(KEY_FIELD, "ingressCertificate.unreadable"));
  }

  @Test
  void thePreviewChecksTheCertificateAsTheWrittenPlanDoes() throws Exception {
    TestCa.Issued narrow = CA.leaf(90, "gateway.example.com");
    ValidSpec spec = spec(CA.chainPem(narrow), narrow.keyPem());
    assertThatThrownBy(() -> PlanPipeline.preview(spec)).isInstanceOf(IngressCertificateException.class)
        .hasMessageContaining(CERTIFICATE_FIELD + ": the certificate does not cover gitlab.example.com");
  }

  private static Problem single(List<Problem> problems) {
    assertThat(problems).hasSize(1);
    return problems.get(0);
  }

  private static String secretDigest(Plan plan) {
    return plan.steps().stream().flatMap(s -> s.apply().stream())
        .filter(a -> a instanceof Action.PutFile p && p.path().endsWith("/ingress-tls.yaml"))
        .map(a -> ((Action.PutFile) a).sha256()).findFirst().orElseThrow();
  }

  private static boolean contains(Path file, String text) {
    try {
      return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1).contains(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static BigInteger privateScalar(String pem) throws Exception {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      PrivateKeyInfo info = (PrivateKeyInfo) parser.readObject();
      return ((ECPrivateKey) new JcaPEMKeyConverter().getPrivateKey(info)).getS();
    }
  }
}
