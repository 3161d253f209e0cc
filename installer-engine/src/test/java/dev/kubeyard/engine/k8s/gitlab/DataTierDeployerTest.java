package dev.kubeyard.engine.k8s.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.apps.gitlab.postgres.PostgresDeployment;
import dev.kubeyard.engine.apps.gitlab.redis.RedisDeployment;
import dev.kubeyard.engine.bundle.BundleApiserver;
import dev.kubeyard.engine.k8s.AppliedObject;
import dev.kubeyard.engine.k8s.AppliedObject.Outcome;
import dev.kubeyard.engine.pki.PkiMaterial;
import dev.kubeyard.engine.testing.Specs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * `kubeyard gitlab deploy|status` against the bundle's real kube-apiserver 1.35.8 (no scheduler or kubelet:
 * the pods never start; GitlabPostgresOnTheLabTest and GitlabRedisOnTheLabTest run them on the lab).
 */
@Tag(BundleApiserver.TAG)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataTierDeployerTest {
  private static final String ADDRESS = "10.213.93.11";
  private static final String SPEC = """
      apiVersion: kubeyard.dev/v1alpha1
      kind: Cluster
      metadata: {name: gitlab}
      kubernetes: {version: 1.35.8}
      hosts:
        - {name: m1, address: %s, roles: [etcd, master]}
        - {name: n1, address: 10.213.93.12, roles: [node]}
      apps:
        gitlab:
          host: gitlab.lab.test
          postgres: {members: 3, storageSize: 5Gi}
      """ + Specs.gitlabStandInImages(4);

  @TempDir
  static Path tmp;
  private static BundleApiserver api;
  private static DataTierDeployer deployer;

  @BeforeAll
  static void startApiserver() throws Exception {
    api = BundleApiserver.start(tmp, "gldt", ADDRESS, SPEC.formatted(ADDRESS));
    deployer = DataTierDeployer.fromKubeconfig(api.loopbackKubeconfig());
  }

  @AfterAll
  static void stopApiserver() throws Exception {
    if (api != null) {
      api.close();
    }
  }

  private static List<AppliedObject> deploy() throws Exception {
    return deployer.deploy(api.facts(), PkiMaterial.load(api.pki()), new SecureRandom(), a -> { });
  }

  private static String password(String secret) {
    String b64 = api.kubectlOk("get", "secret", secret, "-n", "gitlab", "-o", "jsonpath={.data.password}").output();
    return new String(Base64.getDecoder().decode(b64.strip()), StandardCharsets.UTF_8);
  }

  @Test
  @Order(1)
  void beforeTheFirstDeployNothingRunsAndThereIsNoLeader() {
    DataTierStatus status = deployer.status(api.facts());

    assertThat(status.healthy()).isFalse();
    assertThat(status.leader()).isEmpty();
    assertThat(status.lines()).containsExactly("PostgreSQL: 0/0 members ready, leader none (an election, or no member"
        + " runs)", "PgBouncer: 0/0 ready", "Redis: 0/0 ready, Sentinels 0/0 ready");
  }

  @Test
  @Order(2)
  void theFirstDeployCreatesTheNamespaceFirstThenSecretsBeforeTheWorkloadsThatMountThem() throws Exception {
    List<AppliedObject> applied = deploy();

    assertThat(applied).extracting(AppliedObject::outcome).containsOnly(Outcome.CREATED);
    List<String> names = applied.stream().map(a -> a.kind() + " " + a.name()).toList();
    assertThat(names.get(0)).isEqualTo("Namespace gitlab");
    assertThat(names).contains("Secret gitlab-postgres-tls", "Secret gitlab-postgres-password",
        "Secret gitlab-postgres-superuser", "Secret gitlab-postgres-replication", "Deployment gitlab-pgbouncer");
    assertThat(names.indexOf("Secret gitlab-postgres-replication"))
        .isLessThan(names.indexOf("StatefulSet gitlab-postgres"));
    assertThat(names.indexOf("Secret " + RedisDeployment.PASSWORD_SECRET))
        .isLessThan(names.indexOf("StatefulSet " + RedisDeployment.REDIS))
        .isLessThan(names.indexOf("StatefulSet " + RedisDeployment.SENTINEL));
    String generated = password("gitlab-postgres-password");
    assertThat(generated).hasSize(32).matches("[A-Za-z0-9]+");
    assertThat(applied).extracting(AppliedObject::describe).noneMatch(d -> d.contains(generated));
  }

  @Test
  @Order(3)
  void aSecondDeployKeepsEveryGeneratedPasswordAndUpdatesTheRestInPlace() throws Exception {
    String postgres = password("gitlab-postgres-superuser");
    String redis = password(RedisDeployment.PASSWORD_SECRET);

    List<AppliedObject> again = deploy();

    assertThat(again).filteredOn(a -> a.kind().equals("Secret") && !a.name().equals("gitlab-postgres-tls"))
        .hasSize(4).extracting(AppliedObject::outcome).containsOnly(Outcome.SKIPPED);
    assertThat(again).filteredOn(a -> !a.kind().equals("Secret") || a.name().equals("gitlab-postgres-tls"))
        .extracting(AppliedObject::outcome).containsOnly(Outcome.UPDATED);
    assertThat(password("gitlab-postgres-superuser")).isEqualTo(postgres);
    assertThat(password(RedisDeployment.PASSWORD_SECRET)).isEqualTo(redis);
  }

  @Test
  @Order(4)
  void statusNamesTheMemberPatroniLabelsPrimaryAndCountsWhatIsNotReady() throws Exception {
    api.kubectlOk("create", "serviceaccount", "default", "-n", "gitlab"); // no controller-manager here
    String selector = PostgresDeployment.memberSelector().replace(",", ", ").replace("=", ": ");
    Path pod = Files.writeString(tmp.resolve("member.yaml"), """
        apiVersion: v1
        kind: Pod
        metadata:
          name: gitlab-postgres-1
          namespace: gitlab
          labels: {%s, %s: %s}
        spec:
          securityContext: {runAsNonRoot: true, runAsUser: 999, seccompProfile: {type: RuntimeDefault}}
          containers:
          - name: patroni
            image: %s
            securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
        """.formatted(selector, PostgresDeployment.ROLE_LABEL, PostgresDeployment.PRIMARY_ROLE,
        PostgresDeployment.IMAGE));
    api.kubectlOk("apply", "-f", pod.toString());

    DataTierStatus status = deployer.status(api.facts());

    assertThat(status.leader()).isEqualTo("gitlab-postgres-1");
    assertThat(status.members()).containsExactly(new DataTierStatus.Member("gitlab-postgres-1", "primary", false));
    assertThat(status.healthy()).isFalse();
    assertThat(status.lines()).containsExactly("PostgreSQL: 0/1 members ready, leader gitlab-postgres-1",
        "PgBouncer: 0/2 ready", "Redis: 0/3 ready, Sentinels 0/3 ready");
  }
}
