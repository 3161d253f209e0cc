package dev.kubeyard.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a diff may show of a host's file: secret values and private keys are masked, the rest is as it is. */
class SecretMaskTest {
  @Test
  void theSecretValuesOfTheFilesKubeyardRendersAreMasked() {
    String files = String.join("\n",
        "      - secret: c2VjcmV0LWtleS1vZi1lbmNyeXB0aW9u",         // encryption-config.yaml
        "    client-key-data: LS0tLS1CRUdJTiBFQyBQUklWQVRF",      // a kubeconfig with an embedded key
        "    token: 0123456789abcdef",
        "  auth_pass s3cret",                                      // keepalived.conf
        "password=hunter2",
        "\"privateKey\": \"abc\"");
    assertThat(SecretMask.lines(files)).containsExactly(
        "      - secret: <masked>",
        "    client-key-data: <masked>",
        "    token: <masked>",
        "  auth_pass <masked>",
        "password=<masked>",
        "\"privateKey\": <masked>");
  }

  @Test
  void aPemPrivateKeyIsMaskedLineByLineAndACertificateIsNot() {
    String pem = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIB\nAoGCCqGSM49\n-----END EC PRIVATE KEY-----\n"
        + "-----BEGIN CERTIFICATE-----\nMIIBkTCB\n-----END CERTIFICATE-----";
    assertThat(SecretMask.lines(pem)).containsExactly("-----BEGIN EC PRIVATE KEY-----", "<masked>", "<masked>",
        "-----END EC PRIVATE KEY-----", "-----BEGIN CERTIFICATE-----", "MIIBkTCB", "-----END CERTIFICATE-----");
  }

  @Test
  void ordinaryConfigurationIsShownAsItIsAndAWordNamingASecretMasksWhatFollowsEvenInAComment() {
    String cfg = "frontend api\n  bind :8443\n  default_backend apiservers\n  # the secret of good uptime\n";
    assertThat(SecretMask.lines(cfg)).containsExactly("frontend api", "  bind :8443", "  default_backend apiservers",
        "  # the secret <masked>", "");
  }
}
