package dev.kubeyard.engine.cli;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.k8s.gitlab.DataTierDeployer;
import dev.kubeyard.engine.k8s.gitlab.DataTierStatus;
import dev.kubeyard.engine.pki.PkiMaterial;
import dev.kubeyard.model.spec.ClusterSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kubeyard gitlab deploy|status}: GitLab's data tier on the cluster, PostgreSQL with Patroni and
 * Redis with its Sentinels (ADR 42, 43). GitLab's own tier needs the site's images and object storage,
 * which this command does not deploy yet (ADR 44).
 */
@Command(name = "gitlab", mixinStandardHelpOptions = true,
    description = "Deploy GitLab's data tier (PostgreSQL with Patroni, Redis with Sentinel) and show what runs of it.",
    subcommands = {GitlabCommand.Deploy.class, GitlabCommand.Status.class})
final class GitlabCommand {

  /** The spec with an enabled apps.gitlab whose data tier Kubeyard runs, and the cluster's kubeconfig. */
  abstract static class Target extends AppTarget {
    @Override
    void requireApp(ClusterSpec s, ClusterFacts facts) {
      if (facts.gitlabPostgres().isEmpty()) {
        throw new CommandFailure(spec + " runs no GitLab data tier of Kubeyard's",
            "add an enabled apps.gitlab section without postgresHost (see resources/examples/cluster.yaml)");
      }
    }
  }

  @Command(name = "deploy", description = "Create or update PostgreSQL's and Redis's objects; generate their"
      + " passwords when missing (kept afterwards, never printed) and put PostgreSQL's server certificate from the"
      + " plan's PKI into its Secret.")
  static final class Deploy extends Target implements Callable<Integer> {
    @Option(names = "--plan-dir", description = "the plan folder whose pki/ holds gitlab-postgres's certificate"
        + " (default: kubeyard-plan beside the spec)")
    Path planDir;

    @Override
    public Integer call() {
      ClusterFacts facts = facts();
      Path pki = (planDir != null ? planDir : ClusterTarget.defaultPlanDir(spec)).resolve("pki");
      if (!Files.isDirectory(pki)) {
        throw new CommandFailure("no PKI in " + pki, "run `kubeyard apply -f " + spec + "` first (it issues"
            + " PostgreSQL's certificate), or name the plan folder with --plan-dir");
      }
      DataTierDeployer deployer = DataTierDeployer.fromKubeconfig(kubeconfig);
      deployer.deploy(facts, PkiMaterial.load(pki), new SecureRandom(), a -> System.out.println(a.describe()));
      deployer.status(facts).lines().forEach(l -> System.out.println("gitlab: " + l));
      return 0;
    }
  }

  @Command(name = "status", description = "PostgreSQL's members, their roles and its leader, PgBouncer, Redis and"
      + " the Sentinels; exit 0 only when everything wanted is ready and PostgreSQL has a leader.")
  static final class Status extends Target implements Callable<Integer> {
    @Override
    public Integer call() {
      ClusterFacts facts = facts(); // the spec's refusals before the cluster is contacted
      DataTierStatus status = DataTierDeployer.fromKubeconfig(kubeconfig).status(facts);
      status.lines().forEach(l -> System.out.println("gitlab: " + l));
      status.members().forEach(m -> System.out.println("  " + m.pod() + "  " + (m.role().isEmpty() ? "-" : m.role())
          + (m.ready() ? "  ready" : "  not ready")));
      return status.healthy() ? 0 : 1;
    }
  }
}
