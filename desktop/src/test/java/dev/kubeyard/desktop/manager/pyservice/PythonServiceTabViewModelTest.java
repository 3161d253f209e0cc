package dev.kubeyard.desktop.manager.pyservice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.desktop.fx.Threads;
import dev.kubeyard.desktop.manager.AppAvailability;
import dev.kubeyard.desktop.testing.Fixtures;
import dev.kubeyard.engine.apps.pyservice.GatewayProbe;
import dev.kubeyard.engine.k8s.AppliedObject;
import dev.kubeyard.model.spec.AppsSpec;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.validate.Validator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tab's logic against a {@link GatewayStandIn}, with the engine's real rendering underneath. */
class PythonServiceTabViewModelTest {
  private static final ClusterSpec SPEC = Validator.load(Fixtures.exampleClusterYaml()).spec();

  private static PythonServiceTabViewModel open(GatewayStandIn cluster) {
    PythonServiceTabViewModel vm = new PythonServiceTabViewModel(k -> cluster, Threads.synchronous());
    vm.specProperty().set(SPEC);
    vm.kubeconfigProperty().set("admin.kubeconfig");
    vm.activeProperty().set(true);
    return vm;
  }

  @Test
  void withoutAnEnabledPythonServiceInTheSpecTheTabSaysSoAndOffersNoAction() {
    PythonServiceTabViewModel vm = new PythonServiceTabViewModel(k -> {
      throw new AssertionError("must not connect");
    }, Threads.synchronous());
    AppsSpec apps = SPEC.apps();
    vm.specProperty().set(new ClusterSpec(SPEC.apiVersion(), SPEC.kind(), SPEC.metadata(), SPEC.kubernetes(),
        SPEC.loadBalancer(), SPEC.network(), SPEC.pki(), SPEC.windows(), SPEC.hosts(),
        new AppsSpec(apps.elasticsearch(), apps.sqlserver(), apps.gitlab(), null)));
    vm.kubeconfigProperty().set("admin.kubeconfig");
    vm.activeProperty().set(true);

    assertThat(vm.availabilityProperty().get()).isEqualTo(AppAvailability.NOT_ENABLED);
    assertThat(vm.canDeploy().get()).isFalse();
    assertThat(vm.canRefresh().get()).isFalse();
  }

  @Test
  void aClusterWithoutTheGatewayOffersDeployInTheSpecsNamespace() {
    PythonServiceTabViewModel vm = open(new GatewayStandIn());

    assertThat(vm.availabilityProperty().get()).isEqualTo(AppAvailability.NOT_DEPLOYED);
    assertThat(vm.canDeploy().get()).isTrue();
    assertThat(vm.namespace()).isEqualTo("platform");
    assertThat(vm.statusProperty().get().summary()).isEqualTo("not deployed in namespace platform");
  }

  @Test
  void deployingListsEveryAppliedObjectInOrderThenShowsTheDeploymentWaitingForItsSecret() {
    GatewayStandIn cluster = new GatewayStandIn();
    PythonServiceTabViewModel vm = open(cluster);
    List<Boolean> busyWhileApplying = new ArrayList<>();
    vm.applied().addListener((javafx.collections.ListChangeListener<String>) c -> busyWhileApplying.add(vm.busyProperty().get()));

    vm.deploy();

    assertThat(vm.applied()).containsExactly("created Namespace platform", "created ConfigMap platform/platform-gateway",
        "created Service platform/platform-gateway", "created Deployment platform/platform-gateway",
        "created PodDisruptionBudget platform/platform-gateway", "created NetworkPolicy platform/default-deny",
        "created NetworkPolicy platform/platform-gateway",
        "created NetworkPolicy platform/platform-gateway-internal", "created NetworkPolicy platform/platform-gateway-dns",
        "created NetworkPolicy platform/platform-gateway-to-elasticsearch",
        "created NetworkPolicy platform/platform-gateway-to-sqlserver",
        "created NetworkPolicy platform/platform-gateway-to-gitlab", "created Ingress platform/platform-gateway", "created IngressRouteTCP mssql/sqlserver-tds");
    assertThat(busyWhileApplying).containsOnly(true);
    assertThat(vm.availabilityProperty().get()).isEqualTo(AppAvailability.INSTALLED);
    assertThat(vm.statusProperty().get().secretPresent()).isFalse();
    assertThat(vm.statusProperty().get().summary()).contains("0/2 ready", "Secret platform-gateway-secrets is missing");
    assertThat(vm.busyProperty().get()).isFalse();
    assertThat(vm.canDeploy().get()).as("deploying again updates in place").isTrue();
  }

  @Test
  void refreshShowsReplicasBecomingReadyOnceTheSecretExists() {
    GatewayStandIn cluster = new GatewayStandIn();
    PythonServiceTabViewModel vm = open(cluster);
    vm.deploy();

    cluster.secret = true;
    cluster.ready = 2;
    vm.refresh();

    assertThat(vm.statusProperty().get().available()).isTrue();
    assertThat(vm.statusProperty().get().summary()).contains("2/2 ready", "Ingress gateway.example.com at 10.213.56.3");
  }

  @Test
  void aClusterThatCannotBeReadShowsWhatFailedAndWhatToDoAndDeployStaysPossible() {
    GatewayStandIn cluster = new GatewayStandIn();
    cluster.reachable = false;
    PythonServiceTabViewModel vm = open(cluster);

    assertThat(vm.availabilityProperty().get()).isEqualTo(AppAvailability.UNREACHABLE);
    assertThat(vm.errorProperty().get()).contains("Connection refused");
    assertThat(vm.errorHintProperty().get()).contains("reachable");
    assertThat(vm.canDeploy().get()).isTrue();

    cluster.reachable = true;
    vm.refresh();
    assertThat(vm.errorProperty().get()).isEmpty();
    assertThat(vm.availabilityProperty().get()).isEqualTo(AppAvailability.NOT_DEPLOYED);
  }

  @Test
  void theStatusIsReadOnlyWhileTheTabIsShownAndAgainWhenTheClusterChanges() {
    GatewayStandIn cluster = new GatewayStandIn();
    PythonServiceTabViewModel vm = new PythonServiceTabViewModel(k -> cluster, Threads.synchronous());
    vm.specProperty().set(SPEC);
    vm.kubeconfigProperty().set("admin.kubeconfig");
    assertThat(cluster.reads).isZero();

    vm.activeProperty().set(true);
    vm.activeProperty().set(false);
    vm.activeProperty().set(true);
    assertThat(cluster.reads).as("the same cluster is not read again on every tab switch").isEqualTo(1);

    vm.kubeconfigProperty().set("other.kubeconfig");
    assertThat(cluster.reads).isEqualTo(2);
  }

  @Test
  void theTabShowsTheUrlThroughTheVipAndACheckReportsTheAnswerThroughTheVip() {
    GatewayStandIn cluster = new GatewayStandIn();
    PythonServiceTabViewModel vm = open(cluster);

    assertThat(vm.endpointProperty().get().url()).isEqualTo("https://gateway.example.com/");
    assertThat(vm.endpointProperty().get().vip()).isEqualTo(SPEC.loadBalancer().vip());
    assertThat(vm.checkResultProperty().get()).isNull();
    assertThat(vm.canCheck().get()).isTrue();

    vm.check();

    assertThat(cluster.checked).containsExactly("gateway.example.com via " + SPEC.loadBalancer().vip());
    assertThat(vm.checkResultProperty().get().ok()).isTrue();
    assertThat(vm.checkResultProperty().get().elasticsearch()).isEqualTo("up");
    assertThat(vm.checkingProperty().get()).isFalse();
  }

  @Test
  void aCheckThatReachesNothingSaysWhyAndAChangedSpecClearsTheLastAnswer() {
    GatewayStandIn cluster = new GatewayStandIn();
    cluster.answer = new GatewayProbe.Result("https://gateway.example.com/readyz", 0, "",
        "SSLHandshakeException: No subject alternative DNS name matching gateway.example.com found.");
    PythonServiceTabViewModel vm = open(cluster);

    vm.check();

    assertThat(vm.checkResultProperty().get().ok()).isFalse();
    assertThat(vm.checkResultProperty().get().describe()).contains("not reached", "subject alternative");

    vm.specProperty().set(Validator.loadText(readExample().replace("gateway.example.com", "api.example.com")).spec());
    assertThat(vm.checkResultProperty().get()).isNull();
    assertThat(vm.endpointProperty().get().url()).isEqualTo("https://api.example.com/");
  }

  @Test
  void withoutAPythonServiceThereIsNoUrlAndNothingToCheck() {
    PythonServiceTabViewModel vm = new PythonServiceTabViewModel(k -> new GatewayStandIn(), Threads.synchronous());
    AppsSpec apps = SPEC.apps();
    vm.specProperty().set(new ClusterSpec(SPEC.apiVersion(), SPEC.kind(), SPEC.metadata(), SPEC.kubernetes(),
        SPEC.loadBalancer(), SPEC.network(), SPEC.pki(), SPEC.windows(), SPEC.hosts(),
        new AppsSpec(apps.elasticsearch(), apps.sqlserver(), apps.gitlab(), null)));
    vm.kubeconfigProperty().set("admin.kubeconfig");

    assertThat(vm.endpointProperty().get()).isNull();
    assertThat(vm.canCheck().get()).isFalse();
  }

  private static String readExample() {
    try {
      return java.nio.file.Files.readString(Fixtures.exampleClusterYaml());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
