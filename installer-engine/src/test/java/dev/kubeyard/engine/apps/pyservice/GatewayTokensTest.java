package dev.kubeyard.engine.apps.pyservice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.files.Sha256;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayTokensTest {

  @Test
  void eachClientGetsAFresh256BitTokenAndTheHashLinesTheGatewayReads() {
    Map<String, String> a = GatewayTokens.generate();
    Map<String, String> b = GatewayTokens.generate();

    assertThat(a).containsOnlyKeys("read", "write", "full", "api_token_hashes");
    assertThat(a.get("full")).matches("kyg_[A-Za-z0-9_-]{43}").isNotEqualTo(b.get("full"));
    assertThat(a.get("api_token_hashes")).isEqualTo("read read sha256:" + Sha256.of(a.get("read")) + "\n"
        + "write read,write sha256:" + Sha256.of(a.get("write")) + "\n"
        + "full read,write,sync sha256:" + Sha256.of(a.get("full")) + "\n");
  }

  @Test
  void aSecretWithAMissingTokenOrStaleHashesIsIncomplete() {
    Map<String, String> data = new HashMap<>(GatewayTokens.generate());
    assertThat(GatewayTokens.complete(data)).isTrue();
    data.put("write", GatewayTokens.generate().get("write"));
    assertThat(GatewayTokens.complete(data)).as("hashes of other tokens").isFalse();
    data.remove("write");
    assertThat(GatewayTokens.complete(data)).isFalse();
  }

  @Test
  void theAdministratorReadsATokenWithKubectl() {
    assertThat(GatewayTokens.kubectlCommand("platform", "read"))
        .isEqualTo("kubectl -n platform get secret platform-gateway-api-tokens -o jsonpath='{.data.read}' | base64 -d");
  }
}
