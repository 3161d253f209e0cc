package dev.kubeyard.engine.bundle.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.bundle.Source;
import dev.kubeyard.engine.render.AddonImages;
import dev.kubeyard.engine.testing.RepoRoot;
import dev.kubeyard.model.version.KubernetesVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The bundle's traefik image holds the Traefik its line's manifests name (ADR 29). */
class IngressControllerBinaryTest {
  private static final KubernetesVersion LEGACY = KubernetesVersion.of("1.14.10");
  private static final KubernetesVersion CURRENT = KubernetesVersion.of("1.35.8");

  private static GoArtifact traefik(String component, String version) {
    return new GoArtifact(Path.of("/cache/bin/" + component + "-v" + version + "/linux-amd64/traefik"), component,
        version, "github.com/traefik/traefik/" + (version.startsWith("2.") ? "v2" : "v3") + "@v" + version,
        List.of("traefik"), Source.GO_MODULE);
  }

  private static String tag(KubernetesVersion line) {
    String image = AddonImages.defaults(line).traefik();
    return image.substring(image.lastIndexOf(':') + 1);
  }

  /** The version tools/go-components/COMPONENT/go.mod pins for MODULE. */
  private static String pinned(String component, String module) throws IOException {
    String goMod = Files.readString(RepoRoot.path().resolve("tools/go-components/" + component + "/go.mod"));
    Matcher m = Pattern.compile("(?m)^\\s*(?:require\\s+)?" + Pattern.quote(module) + " v(\\S+)").matcher(goMod);
    assertThat(m.find()).as("%s pins %s", component, module).isTrue();
    return m.group(1);
  }

  @Test
  void aBundleFor114CarriesTraefik211FromTheTraefikV2Component() throws BundleException {
    GoArtifact chosen = IngressControllerBinary.forLine(List.of(traefik("traefik-v2", tag(LEGACY))), LEGACY);
    assertThat(chosen.component()).isEqualTo("traefik-v2");
    assertThat(chosen.version()).startsWith("2.11.");
    assertThat(ImageRecipe.reference(IngressControllerBinary.IMAGE, chosen.version()))
        .isEqualTo(AddonImages.defaults(LEGACY).traefik());
  }

  @Test
  void aBundleForTheCurrentLineCarriesTraefik3AsBefore() throws BundleException {
    GoArtifact chosen = IngressControllerBinary.forLine(List.of(traefik("traefik", tag(CURRENT))), CURRENT);
    assertThat(chosen.component()).isEqualTo("traefik");
    assertThat(ImageRecipe.reference(IngressControllerBinary.IMAGE, chosen.version()))
        .isEqualTo("kubeyard.local/traefik:3.6.12");
  }

  @Test
  void withBothTraefiksBuiltEachLinePicksItsOwn() throws BundleException {
    List<GoArtifact> both = List.of(traefik("traefik", tag(CURRENT)), traefik("traefik-v2", tag(LEGACY)));
    assertThat(IngressControllerBinary.forLine(both, LEGACY).component()).isEqualTo("traefik-v2");
    assertThat(IngressControllerBinary.forLine(both, CURRENT).component()).isEqualTo("traefik");
  }

  @Test
  void a114BuildWithOnlyTraefik3FailsNamingTheComponentAndTheLineSwitch() {
    assertThatThrownBy(() -> IngressControllerBinary.forLine(List.of(traefik("traefik", tag(CURRENT))), LEGACY))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("manifests run " + AddonImages.defaults(LEGACY).traefik())
        .hasMessageContaining("made Traefik traefik 3.6.12")
        .hasMessageContaining("tools/go-components/traefik-v2/go.mod")
        .hasMessageContaining("KUBEYARD_KUBERNETES_LINE=1.14");
  }

  @Test
  void theGoModulesPinTheVersionsTheManifestsOfEachLineName() throws IOException {
    assertThat(pinned("traefik-v2", "github.com/traefik/traefik/v2")).isEqualTo(tag(LEGACY));
    assertThat(pinned("traefik", "github.com/traefik/traefik/v3")).isEqualTo(tag(CURRENT));
  }
}
