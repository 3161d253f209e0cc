package dev.kubeyard.engine.bundle.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeyard.engine.bundle.BundleCache;
import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.bundle.BundleLine;
import dev.kubeyard.engine.bundle.Source;
import dev.kubeyard.engine.testing.RepoRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Which images a bundle of each line is made of, from the Go list tools/build-go-binaries.sh writes for
 * that line: the 1.14 line's addons come from their own component folders but keep the images' names.
 */
class ImageRecipesTest {

  /** One row of the Go list, as tools/go-components/build.sh FOLDER writes it. */
  private static GoArtifact built(String folder, String version, String command) {
    return new GoArtifact(Path.of("/cache/bin/" + folder + "-v" + version + "/linux-amd64/" + command), folder,
        version, "example.org/" + folder + "@v" + version, List.of(command), Source.GO_MODULE);
  }

  /** The version tools/go-components/FOLDER/go.mod pins for MODULE (its require line). */
  private static String pinned(String folder, String module) throws IOException {
    String goMod = Files.readString(RepoRoot.path().resolve("tools/go-components/" + folder + "/go.mod"));
    Matcher m = Pattern.compile("(?m)^\\s*(?:require\\s+)?" + Pattern.quote(module) + " v(\\S+)").matcher(goMod);
    assertThat(m.find()).as("%s pins %s", folder, module).isTrue();
    return m.group(1);
  }

  private static List<GoArtifact> shared() {
    return List.of(built("pause", "1.0.0", "pause"), built("kube-router", "2.1.0", "kube-router-netpol"),
        built("etcd", "3.6.6", "etcd"));
  }

  private static List<String> references(String kubernetes, List<GoArtifact> go) throws BundleException {
    BundleBuild b = new BundleBuild(new BundleBuilder.Options(Path.of("/src"), new BundleCache(Path.of("/cache")),
        null, false, false, BundleLine.ofVersion(kubernetes), progress -> { }));
    b.kubernetesVersion = kubernetes;
    b.goBinaries = go;
    return ImageRecipes.of(b).stream().map(ImageRecipe::reference).toList();
  }

  @Test
  void a114BundleNamesItsCoreDnsMetricsServerAndFlannelImagesByWhatTheyAreAndCarriesNoMetalLb()
      throws IOException, BundleException {
    List<GoArtifact> go = new ArrayList<>(shared());
    go.add(built("coredns-1.6", pinned("coredns-1.6", "github.com/coredns/coredns"), "coredns"));
    go.add(built("metrics-server-0.4", pinned("metrics-server-0.4", "sigs.k8s.io/metrics-server"), "metrics-server"));
    go.add(built("flannel-0.15", pinned("flannel-0.15", "github.com/flannel-io/flannel"), "flanneld"));
    go.add(built("traefik-v2", "2.11.54", "traefik"));

    assertThat(references("1.14.10", go)).containsExactlyInAnyOrder("kubeyard.local/pause:1.0.0",
        "kubeyard.local/coredns:1.6.7", "kubeyard.local/metrics-server:0.4.4", "kubeyard.local/flannel:0.15.1",
        "kubeyard.local/traefik:2.11.54", "kubeyard.local/kube-router:2.1.0");
  }

  @Test
  void aCurrentLineBundleStillCarriesMetalLbAndNeedsIt() throws BundleException {
    List<GoArtifact> go = new ArrayList<>(shared());
    go.addAll(List.of(built("coredns", "1.13.1", "coredns"), built("metrics-server", "0.8.0", "metrics-server"),
        built("flannel", "0.28.10", "flanneld"), built("traefik", "3.6.12", "traefik")));
    assertThatThrownBy(() -> references("1.35.8", go)).isInstanceOf(BundleException.class)
        .hasMessageContaining("no metallb-controller");

    go.add(new GoArtifact(Path.of("/cache/bin/metallb-v0.15.2/linux-amd64/metallb-controller"), "metallb", "0.15.2",
        "go.universe.tf/metallb@v0.15.2", List.of("metallb-controller"), Source.GO_MODULE));
    go.add(new GoArtifact(Path.of("/cache/bin/metallb-v0.15.2/linux-amd64/metallb-speaker"), "metallb", "0.15.2",
        "go.universe.tf/metallb@v0.15.2", List.of("metallb-speaker"), Source.GO_MODULE));
    assertThat(references("1.35.8", go)).contains("kubeyard.local/coredns:1.13.1",
        "kubeyard.local/metrics-server:0.8.0", "kubeyard.local/metallb-controller:0.15.2",
        "kubeyard.local/metallb-speaker:0.15.2");
  }

  @Test
  void the114AddonsRunOnlyInTheirImagesExceptFlanneldWhichHostsGetToo() {
    // by the commands a build provides, so coredns-1.6 and metrics-server-0.4 are image-only like their current builds
    assertThat(PlaceGoBinaries.IMAGE_ONLY).contains("coredns", "metrics-server").doesNotContain("flanneld");
  }
}
