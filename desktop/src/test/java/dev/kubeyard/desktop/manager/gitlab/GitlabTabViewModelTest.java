package dev.kubeyard.desktop.manager.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.desktop.fx.Threads;
import dev.kubeyard.desktop.manager.AppAvailability;
import dev.kubeyard.desktop.testing.Fixtures;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.pki.PkiException;
import dev.kubeyard.model.spec.AppsSpec;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.GitlabSpec;
import dev.kubeyard.model.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tab's logic against a {@link GitlabStandIn}, with the engine's real rendering underneath. */
class GitlabTabViewModelTest {
  private static final ClusterSpec SPEC = Validator.load(Fixtures.exampleClusterYaml()).spec();

  @TempDir
  Path dir;

  /** A plan folder as {@code kubeyard plan} writes it: admin.kubeconfig beside pki/. */
  private Path plan() throws IOException {
    Path plan = dir.resolve("kubeyard-plan");
    Files.createDirectories(plan.resolve("pki"));
    return plan;
  }

  private static GitlabTabViewModel open(GitlabStandIn cluster, Path kubeconfig) {
    GitlabTabViewModel vm = new GitlabTabViewModel(k -> cluster, Threads.synchronous());
    vm.specProperty().set(SPEC);
    vm.kubeconfigProperty().set(kubeconfig.toString());
    vm.activeProperty().set(true);
    return vm;
  }

  private static ClusterSpec withGitlab(GitlabSpec g) {
    AppsSpec apps = SPEC.apps();
    return new ClusterSpec(SPEC.apiVersion(), SPEC.kind(), SPEC.metadata(), SPEC.kubernetes(), SPEC.loadBalancer(),
        SPEC.network(), SPEC.pki(), SPEC.windows(), SPEC.hosts(),
        new AppsSpec(apps.elasticsearch(), apps.sqlserver(), g, apps.pythonService()));
  }

  @Test
  void withAnExternalPostgresqlTheTabSaysKubeyardRunsNoDataTierAndOffersNoAction() {
    GitlabSpec g = SPEC.apps().gitlab();
    ClusterSpec external = withGitlab(new GitlabSpec(g.enabled(), g.version(), g.images(), g.namespace(), g.host(),
        g.webserviceReplicas(), g.sidekiqReplicas(), "postgres.example.com", g.redisSentinels(),
        g.objectStorageEndpoint(), g.postgres(), g.redis()));
    GitlabTabViewModel vm = new GitlabTabViewModel(k -> {
      throw new AssertionError("must not connect");
    }, Threads.synchronous());
    vm.specProperty().set(external);
    vm.kubeconfigProperty().set("admin.kubeconfig");
    vm.activeProperty().set(true);

    assertThat(ClusterFacts.of(external).gitlabPostgres()).as("the engine agrees").isEmpty();
    assertThat(vm.availabilityProperty().get()).isEqualTo(AppAvailability.NOT_ENABLED);
    assertThat(vm.canDeploy().get()).isFalse();
    assertThat(vm.canRefresh().get()).isFalse();

    vm.specProperty().set(withGitlab(null));
    assertThat(vm.availabilityProperty().get()).isEqualTo(AppAvailability.NOT_ENABLED);
  }

  @Test
  void withoutAnOpenClusterTheTabAsksForOneAndReadsNothing() {
    GitlabStandIn cluster = new GitlabStandIn();
    GitlabTabViewModel vm = new GitlabTabViewModel(k -> cluster, Threads.synchronous());
    vm.specProperty().set(SPEC);
    vm.activeProperty().set(true);

    assertThat(ClusterFacts.of(SPEC).gitlabPostgres()).isPresent();
    assertThat(vm.availabilityProperty().get()).isEqualTo(AppAvailability.NO_CLUSTER);
    assertThat(cluster.reads).isZero();
  }

  @Test
  void aClusterWithoutTheDataTierOffersDeployInTheSpecsNamespace() {
    GitlabTabViewModel vm = open(new GitlabStandIn(), Path.of("admin.kubeconfig"));

    assertThat(vm.availabilityProperty().get()).isEqualTo(AppAvailability.NOT_DEPLOYED);
    assertThat(vm.canDeploy().get()).isTrue();
    assertThat(vm.namespace()).isEqualTo("gitlab");
    assertThat(vm.members()).isEmpty();
  }

  @Test
  void deployAppendsEachAppliedObjectInOrderWhileBusyThenReadsTheStatusAgain() throws IOException {
    GitlabStandIn cluster = new GitlabStandIn();
    Path plan = plan();
    GitlabTabViewModel vm = open(cluster, plan.resolve("admin.kubeconfig"));
    List<Boolean> busyWhileApplying = new ArrayList<>();
    vm.applied().addListener((ListChangeListener<String>) c -> busyWhileApplying.add(vm.busyProperty().get()));
    int readsBefore = cluster.reads;

    vm.deploy();

    assertThat(cluster.pkiGiven).containsExactly(plan.resolve("pki").toAbsolutePath());
    assertThat(vm.applied()).startsWith("created Namespace gitlab", "created Secret gitlab/gitlab-postgres-tls")
        .contains("created StatefulSet gitlab/gitlab-postgres", "created Deployment gitlab/gitlab-pgbouncer",
            "created Secret gitlab/gitlab-redis-password", "created StatefulSet gitlab/gitlab-redis")
        .endsWith("created StatefulSet gitlab/gitlab-redis-sentinel");
    assertThat(busyWhileApplying).hasSize(vm.applied().size()).containsOnly(true);
    assertThat(cluster.reads).as("the status is read again after the deploy").isEqualTo(readsBefore + 1);
    assertThat(vm.availabilityProperty().get()).isEqualTo(AppAvailability.INSTALLED);
    assertThat(vm.members()).extracting(m -> m.pod())
        .containsExactly("gitlab-postgres-0", "gitlab-postgres-1", "gitlab-postgres-2");
    assertThat(vm.statusProperty().get().healthy()).as("the pods start after the deploy").isFalse();
    assertThat(vm.busyProperty().get()).isFalse();
    assertThat(vm.canDeploy().get()).as("deploying again updates in place").isTrue();

    vm.deploy();
    assertThat(vm.applied()).as("the list shows the last deploy only").startsWith("updated Namespace gitlab")
        .contains("skipped Secret gitlab/gitlab-postgres-superuser: its password is kept");
  }

  @Test
  void refreshShowsTheLeaderAndEveryMemberReadyOnceThePodsRun() throws IOException {
    GitlabStandIn cluster = new GitlabStandIn();
    GitlabTabViewModel vm = open(cluster, plan().resolve("admin.kubeconfig"));
    vm.deploy();

    cluster.ready = true;
    vm.refresh();

    assertThat(vm.statusProperty().get().healthy()).isTrue();
    assertThat(vm.statusProperty().get().leader()).isEqualTo("gitlab-postgres-0");
    assertThat(vm.members()).allMatch(m -> m.ready());
    assertThat(vm.statusProperty().get().sentinelsReady()).isEqualTo(3);
  }

  @Test
  void deployFindsThePkiInKubeyardPlanBesideTheSpecWhenTheKubeconfigLiesElsewhere() throws IOException {
    GitlabStandIn cluster = new GitlabStandIn();
    Path plan = plan();
    Path elsewhere = Files.createDirectories(dir.resolve("downloads")).resolve("admin.kubeconfig");
    GitlabTabViewModel vm = open(cluster, elsewhere);
    vm.workspaceProperty().set(dir);

    vm.deploy();

    assertThat(cluster.pkiGiven).containsExactly(plan.resolve("pki").toAbsolutePath());
    assertThat(vm.availabilityProperty().get()).isEqualTo(AppAvailability.INSTALLED);
  }

  @Test
  void deployWithoutAPkiAppliesNothingAndNamesEveryFolderItLookedIn() throws IOException {
    GitlabStandIn cluster = new GitlabStandIn();
    Path kubeconfig = Files.createDirectories(dir.resolve("downloads")).resolve("admin.kubeconfig");
    GitlabTabViewModel vm = open(cluster, kubeconfig);
    vm.workspaceProperty().set(dir);

    vm.deploy();

    assertThat(cluster.deployed).isFalse();
    assertThat(cluster.pkiGiven).isEmpty();
    assertThat(vm.applied()).isEmpty();
    assertThat(vm.pkiMissingProperty().get()).isEqualTo(dir.resolve("downloads").resolve("pki").toAbsolutePath()
        + ", " + dir.resolve("kubeyard-plan").resolve("pki").toAbsolutePath());
    assertThat(vm.availabilityProperty().get()).isEqualTo(AppAvailability.NOT_DEPLOYED);
    assertThat(vm.canDeploy().get()).isTrue();

    plan();
    vm.deploy();
    assertThat(vm.pkiMissingProperty().get()).isEmpty();
    assertThat(cluster.deployed).isTrue();
  }

  @Test
  void aPkiWithoutPostgresqlsCertificateShowsTheEnginesProblemAndItsFixOnce() throws IOException {
    Path plan = plan();
    GitlabStandIn cluster = new GitlabStandIn();
    cluster.deployFailure = new PkiException("gitlab-postgres-tls.pem is not in " + plan.resolve("pki").toAbsolutePath(),
        "run the PKI step again, which issues every certificate the spec needs");
    GitlabTabViewModel vm = open(cluster, plan.resolve("admin.kubeconfig"));

    vm.deploy();

    assertThat(vm.errorProperty().get()).isEqualTo("gitlab-postgres-tls.pem is not in " + plan.resolve("pki").toAbsolutePath());
    assertThat(vm.errorHintProperty().get()).isEqualTo("run the PKI step again, which issues every certificate the spec needs");
    assertThat(vm.busyProperty().get()).isFalse();
  }

  @Test
  void aClusterThatCannotBeReadShowsWhatFailedAndWhatToDoAndDeployStaysPossible() {
    GitlabStandIn cluster = new GitlabStandIn();
    cluster.reachable = false;
    GitlabTabViewModel vm = open(cluster, Path.of("admin.kubeconfig"));

    assertThat(vm.availabilityProperty().get()).isEqualTo(AppAvailability.UNREACHABLE);
    assertThat(vm.errorProperty().get()).contains("Connection refused");
    assertThat(vm.errorHintProperty().get()).contains("reachable");
    assertThat(vm.canDeploy().get()).isTrue();

    cluster.reachable = true;
    vm.refresh();
    assertThat(vm.errorProperty().get()).isEmpty();
    assertThat(vm.errorHintProperty().get()).isEmpty();
    assertThat(vm.availabilityProperty().get()).isEqualTo(AppAvailability.NOT_DEPLOYED);
  }

  @Test
  void theStatusIsReadOnlyWhileTheTabIsShownAndAgainWhenTheClusterChanges() {
    GitlabStandIn cluster = new GitlabStandIn();
    GitlabTabViewModel vm = new GitlabTabViewModel(k -> cluster, Threads.synchronous());
    vm.specProperty().set(SPEC);
    vm.kubeconfigProperty().set("admin.kubeconfig");
    assertThat(cluster.reads).isZero();

    vm.activeProperty().set(true);
    assertThat(vm.availabilityProperty().get()).isEqualTo(AppAvailability.NOT_DEPLOYED);
    vm.activeProperty().set(false);
    vm.activeProperty().set(true);
    assertThat(cluster.reads).as("the same cluster is not read again on every tab switch").isEqualTo(1);

    vm.kubeconfigProperty().set("other.kubeconfig");
    assertThat(cluster.reads).isEqualTo(2);

    vm.kubeconfigProperty().set("");
    assertThat(vm.availabilityProperty().get()).isEqualTo(AppAvailability.NO_CLUSTER);
    assertThat(vm.statusProperty().get()).isNull();
  }

  @Test
  void theClusterIsReadAndDeployedOffTheUiThreadAndTheResultsArePublishedOnIt() throws Exception {
    GitlabStandIn cluster = new GitlabStandIn();
    BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
    ExecutorService background = Executors.newSingleThreadExecutor(r -> new Thread(r, "stand-in-background"));
    Thread uiThread = Thread.currentThread(); // the test plays the FX thread: it alone drains the ui queue
    try {
      GitlabTabViewModel vm = new GitlabTabViewModel(k -> cluster, new Threads(background, ui::add));
      List<Boolean> changesOnUi = new ArrayList<>();
      vm.applied().addListener((ListChangeListener<String>) c -> changesOnUi.add(Thread.currentThread() == uiThread));
      vm.availabilityProperty().addListener(o -> changesOnUi.add(Thread.currentThread() == uiThread));
      vm.specProperty().set(SPEC);
      vm.kubeconfigProperty().set(plan().resolve("admin.kubeconfig").toString());
      vm.activeProperty().set(true);

      assertThat(vm.availabilityProperty().get()).as("the read was handed off").isEqualTo(AppAvailability.CONNECTING);
      drainUntil(ui, () -> vm.availabilityProperty().get() == AppAvailability.NOT_DEPLOYED);
      vm.deploy();
      assertThat(vm.busyProperty().get()).isTrue();
      drainUntil(ui, () -> !vm.busyProperty().get());

      assertThat(vm.availabilityProperty().get()).isEqualTo(AppAvailability.INSTALLED);
      assertThat(vm.applied()).isNotEmpty();
      assertThat(cluster.threads).hasSize(3).containsOnly("stand-in-background");
      assertThat(changesOnUi).isNotEmpty().containsOnly(true);
    } finally {
      background.shutdownNow();
    }
  }

  private static void drainUntil(BlockingQueue<Runnable> ui, BooleanSupplier done) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!done.getAsBoolean()) {
      Runnable r = ui.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
      assertThat(r).as("the background handed a result back in time").isNotNull();
      r.run();
    }
  }
}
