package dev.kubeyard.engine.apps.gitlab.tier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kubeyard.engine.apps.elasticsearch.manifest.Manifest;
import java.io.StringReader;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.util.io.pem.PemReader;
import org.junit.jupiter.api.Test;

/** The Secrets Kubeyard generates for GitLab's tier: their keys, their formats, and that each deploy's differ. */
class TierSecretsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static Map<String, JsonNode> data(List<Manifest> secrets) {
    return secrets.stream().collect(Collectors.toMap(Manifest::name, m -> m.object().path("stringData")));
  }

  @Test
  void eachSecretHoldsTheKeysThePodsProjectAndIsLabelledPartOfGitlab() {
    List<Manifest> all = TierSecrets.all(GitlabTierManifestsGoldenTest.tier("1.35"), new SecureRandom());
    Map<String, JsonNode> data = data(all);
    assertThat(data.keySet()).containsExactlyInAnyOrder("gitlab-rails-secret", "gitlab-gitaly-secret",
        "gitlab-shell-secret", "gitlab-workhorse-secret", "gitlab-shell-host-keys", "gitlab-initial-root-password");
    assertThat(data.get("gitlab-gitaly-secret").path("token").asText()).hasSize(64);
    assertThat(data.get("gitlab-shell-secret").path("secret").asText()).hasSize(64);
    assertThat(Base64.getDecoder().decode(data.get("gitlab-workhorse-secret").path("shared_secret").asText())).hasSize(32);
    assertThat(data.get("gitlab-initial-root-password").path("password").asText()).hasSize(32);
    assertThat(all).allSatisfy(m -> {
      assertThat(m.object().at("/metadata/namespace").asText()).isEqualTo("gitlab");
      assertThat(m.object().at("/metadata/labels/app.kubernetes.io~1part-of").asText()).isEqualTo("gitlab");
    });
  }

  @Test
  void railsSecretsCarryTheFourKeyBasesTheSigningKeyAndTheRecordEncryptionKeys() throws Exception {
    String yml = data(TierSecrets.all(GitlabTierManifestsGoldenTest.tier("1.35"), new SecureRandom()))
        .get("gitlab-rails-secret").path("secrets.yml").asText();
    JsonNode production = YAML.readTree(yml).path("production");
    for (String key : List.of("secret_key_base", "otp_key_base", "db_key_base", "encrypted_settings_key_base")) {
      assertThat(production.path(key).asText()).as(key).matches("[0-9a-f]{128}");
    }
    assertThat(production.path("active_record_encryption_primary_key").get(0).asText()).hasSize(32);
    assertThat(production.path("active_record_encryption_deterministic_key").get(0).asText()).hasSize(32);
    assertThat(production.path("active_record_encryption_key_derivation_salt").asText()).hasSize(32);
    Object key = new PEMParser(new StringReader(production.path("openid_connect_signing_key").asText())).readObject();
    assertThat(key).isInstanceOf(PEMKeyPair.class);
    assertThat(((PEMKeyPair) key).getPrivateKeyInfo().getPrivateKeyAlgorithm().getAlgorithm().getId())
        .isEqualTo("1.2.840.113549.1.1.1");
  }

  @Test
  void theHostKeyIsAnOpenSshEd25519KeyWhosePublicHalfIsPublished() throws Exception {
    JsonNode keys = data(TierSecrets.all(GitlabTierManifestsGoldenTest.tier("1.35"), new SecureRandom()))
        .get("gitlab-shell-host-keys");
    byte[] blob = new PemReader(new StringReader(keys.path("ssh_host_ed25519_key").asText())).readPemObject()
        .getContent();
    var key = (Ed25519PrivateKeyParameters) OpenSSHPrivateKeyUtil.parsePrivateKeyBlob(blob);
    String published = keys.path("ssh_host_ed25519_key.pub").asText();
    assertThat(published).startsWith("ssh-ed25519 ");
    byte[] pub = Base64.getDecoder().decode(published.split(" ")[1]);
    byte[] raw = key.generatePublicKey().getEncoded();
    assertThat(java.util.Arrays.copyOfRange(pub, pub.length - 32, pub.length)).isEqualTo(raw);
  }

  @Test
  void twoDeploysNeverShareASecret() {
    var t = GitlabTierManifestsGoldenTest.tier("1.35");
    Map<String, JsonNode> a = data(TierSecrets.all(t, new SecureRandom()));
    Map<String, JsonNode> b = data(TierSecrets.all(t, new SecureRandom()));
    a.forEach((name, values) -> values.fields().forEachRemaining(
        e -> assertThat(b.get(name).path(e.getKey()).asText()).as(name).isNotEqualTo(e.getValue().asText())));
  }
}
