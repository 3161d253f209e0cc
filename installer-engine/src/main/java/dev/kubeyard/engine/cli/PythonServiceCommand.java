package dev.kubeyard.engine.cli;

import dev.kubeyard.engine.apps.pyservice.GatewayEndpoint;
import dev.kubeyard.engine.apps.pyservice.GatewayProbe;
import dev.kubeyard.engine.apps.pyservice.GatewayTokens;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.k8s.pyservice.GatewayDeployer;
import dev.kubeyard.engine.k8s.pyservice.GatewayStatus;
import dev.kubeyard.model.spec.ClusterSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kubeyard python-service deploy|status}: the platform gateway on the cluster. */
@Command(name = "python-service", mixinStandardHelpOptions = true,
    description = "Deploy the Python service (platform gateway) and show what the cluster runs of it.",
    subcommands = {PythonServiceCommand.Deploy.class, PythonServiceCommand.Status.class})
final class PythonServiceCommand {

  /** The spec with apps.pythonService and the cluster's kubeconfig. */
  /** The spec with an enabled apps.pythonService and the cluster's kubeconfig. */
  abstract static class Target extends AppTarget {
    @Override
    void requireApp(ClusterSpec s, ClusterFacts facts) {
      if (s.apps() == null || s.apps().pythonService() == null
          || !Boolean.TRUE.equals(s.apps().pythonService().enabled())) {
        throw new CommandFailure(spec + " has no enabled apps.pythonService",
            "add apps.pythonService with its host (see resources/examples/cluster.yaml)");
      }
    }
  }


  @Command(name = "deploy",
      description = "Create or update the gateway's objects and generate its API tokens when missing (the Secret"
          + " with the dependencies' passwords stays yours to create).")
  static final class Deploy extends Target implements Callable<Integer> {
    @Option(names = "--rotate-tokens", description = "replace the API tokens (read, write, full) with new ones;"
        + " clients holding the old ones get 401 once the pods have the new hashes (about a minute)")
    boolean rotateTokens;

    @Override
    public Integer call() {
      ClusterFacts facts = facts();
      GatewayDeployer deployer = GatewayDeployer.fromKubeconfig(kubeconfig);
      deployer.deploy(facts, rotateTokens, a -> System.out.println(a.describe()));
      GatewayStatus status = deployer.status(facts);
      System.out.println("python-service: " + status.summary());
      if (!status.secretPresent()) {
        System.out.println("create the Secret the pods mount, one file per setting, e.g.:\n  kubectl -n "
            + status.namespace() + " create secret generic " + GatewayDeployer.SECRET
            + " --from-file=mssql_password=./mssql_password --from-file=gitlab_token=./gitlab_token");
      }
      return 0;
    }
  }

  @Command(name = "status",
      description = "Replicas ready, the Secrets, the Ingress, the URL through the VIP and an end-to-end HTTPS check of"
          + " /api/status with the read token from the Secret " + GatewayTokens.SECRET + " (/readyz when there is"
          + " none); exit 0 only when every replica is ready and that answers 200 through the VIP.")
  static final class Status extends Target implements Callable<Integer> {
    @Option(names = "--plan-dir", description = "the plan folder whose pki/ca.pem the controller's certificate"
        + " must chain to (default: kubeyard-plan beside the spec)")
    Path planDir;

    @Option(names = "--no-e2e", description = "skip the HTTPS check through the VIP; exit 0 on ready replicas alone")
    boolean noE2e;

    @Override
    public Integer call() {
      ClusterFacts facts = facts();
      GatewayDeployer deployer = GatewayDeployer.fromKubeconfig(kubeconfig);
      GatewayStatus status = deployer.status(facts);
      System.out.println("python-service: " + status.summary());
      GatewayEndpoint endpoint = GatewayEndpoint.of(facts);
      System.out.println("URL: " + endpoint.url() + " (" + endpoint.note() + ")");
      if (noE2e) {
        return status.available() ? 0 : 1;
      }
      Path ca = GatewayEndpoint.trustFor(facts, planDir != null ? planDir : ClusterTarget.defaultPlanDir(spec));
      GatewayProbe.Result check = endpoint.check(ca, Duration.ofSeconds(10), deployer.readToken(facts));
      System.out.println("end to end: " + check.describe()
          + (endpoint.vip() == null ? "" : " (through " + endpoint.vip() + ":" + endpoint.httpsPort()
              + ", certificate verified against " + ca + ")"));
      return status.available() && check.ok() ? 0 : 1;
    }
  }
}
