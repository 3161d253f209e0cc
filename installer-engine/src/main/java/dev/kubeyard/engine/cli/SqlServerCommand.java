package dev.kubeyard.engine.cli;

import dev.kubeyard.engine.apps.sqlserver.SqlServerDeployment;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.k8s.sqlserver.GroupDeployer;
import dev.kubeyard.engine.k8s.sqlserver.GroupStatus;
import dev.kubeyard.engine.pki.PkiMaterial;
import dev.kubeyard.model.spec.ClusterSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kubeyard sqlserver deploy|status}: the SQL Server availability group's objects on the cluster (ADR 41).
 * Not yet run by it: the bootstrap T-SQL that forms the group and the failover controller that labels the
 * primary (ADR 40); SQL Server's image comes only from the site's archive.
 */
@Command(name = "sqlserver", mixinStandardHelpOptions = true,
    description = "Deploy the SQL Server availability group's objects (apps.sqlserver) and show what runs of it.",
    subcommands = {SqlServerCommand.Deploy.class, SqlServerCommand.Status.class})
final class SqlServerCommand {

  /** The spec with an enabled apps.sqlserver, and the cluster's kubeconfig. */
  abstract static class Target extends AppTarget {
    @Override
    void requireApp(ClusterSpec s, ClusterFacts facts) {
      if (facts.sqlServer().isEmpty()) {
        throw new CommandFailure(spec + " has no enabled apps.sqlserver",
            "add apps.sqlserver with its edition, image and acceptEula: true (see resources/examples/cluster.yaml)");
      }
    }
  }

  @Command(name = "deploy", description = "Create or update the group's namespace, policies, Services, budget and"
      + " StatefulSet; put its TLS and mirroring-endpoint certificates from the plan's PKI into Secrets; generate the"
      + " SA and master-key passwords when missing (kept afterwards, never printed). It does not run the bootstrap"
      + " T-SQL or the failover controller, and does not place SQL Server's image on the nodes.")
  static final class Deploy extends Target implements Callable<Integer> {
    @Option(names = "--plan-dir", description = "the plan folder whose pki/ holds the group's certificates"
        + " (default: kubeyard-plan beside the spec)")
    Path planDir;

    @Override
    public Integer call() {
      ClusterFacts facts = facts();
      SqlServerDeployment d = SqlServerDeployment.of(facts);
      Path pkiDir = (planDir != null ? planDir : ClusterTarget.defaultPlanDir(spec)).resolve("pki");
      if (!Files.isDirectory(pkiDir)) {
        throw new CommandFailure("no PKI in " + pkiDir, "run `kubeyard plan -f " + spec + "` or `kubeyard apply -f "
            + spec + "` first (either issues the group's certificates), or name the plan folder with --plan-dir");
      }
      PkiMaterial pki = PkiMaterial.load(pkiDir);
      List<String> problems = GroupDeployer.certificateProblems(facts, pki);
      if (!problems.isEmpty()) {
        throw new CommandFailure("the PKI in " + pkiDir + " does not serve availability group " + d.group() + " ("
            + d.replicas() + " replicas); nothing was sent to the cluster:\n    " + String.join("\n    ", problems),
            "run `kubeyard plan -f " + spec + "` or `kubeyard apply -f " + spec + "` again: either issues the"
                + " certificates the spec's group needs into " + pkiDir);
      }
      GroupDeployer deployer = GroupDeployer.fromKubeconfig(kubeconfig);
      deployer.deploy(facts, pki, new SecureRandom(), a -> System.out.println(a.describe()));
      print(deployer.status(facts));
      System.out.println("not done by this command yet: the bootstrap T-SQL that forms availability group "
          + d.group() + ", and the failover controller that labels the primary (until then "
          + d.names().primaryService() + " selects no pod); the replicas start only on nodes whose containerd holds "
          + d.image() + ", the site's image: `kubeyard bundle import` adds its archive to the bundle, no plan step"
          + " loads it onto the nodes yet");
      return 0;
    }
  }

  @Command(name = "status", description = "The replicas' pods with the role label the failover controller sets and"
      + " their readiness, and which pods the primary and secondary Services select; exit 0 only when every replica"
      + " is ready and exactly one is labelled primary and selected by the primary Service. Kubernetes only: the"
      + " replicas' synchronization state is not read.")
  static final class Status extends Target implements Callable<Integer> {
    @Override
    public Integer call() {
      ClusterFacts facts = facts(); // the spec's refusals before the cluster is contacted
      GroupStatus status = GroupDeployer.fromKubeconfig(kubeconfig).status(facts);
      print(status);
      status.replicas().forEach(r -> System.out.println("  " + r.pod() + "  " + (r.role().isEmpty() ? "-" : r.role())
          + (r.ready() ? "  ready" : "  not ready")));
      status.problems().forEach(p -> System.out.println("not healthy: " + p));
      return status.healthy() ? 0 : 1;
    }
  }

  private static void print(GroupStatus status) {
    status.lines().forEach(l -> System.out.println("sqlserver: " + l));
  }
}
