package dev.kubeyard.engine.run;

import dev.kubeyard.engine.plan.Phase;
import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.plan.PlanWriter;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.plan.StepBuilder;
import dev.kubeyard.engine.render.RenderedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan built the way the install sequence builds one (StepBuilder: file hashes and modes as the
 * check), written with the real PlanWriter, whose files live under each host's throwaway root.
 */
final class TestPlans {
  final List<Step> steps = new ArrayList<>();
  final List<RenderedFile> files = new ArrayList<>();
  private final SshHosts hosts;

  TestPlans(SshHosts hosts) {
    this.hosts = hosts;
  }

  /** A step that places {@code name} with {@code content}, runs {@code commands} and is verified by {@code verify}. */
  TestPlans step(String id, Phase phase, String host, String name, String content, int mode, String verify,
      String... commands) {
    RenderedFile f = new RenderedFile(host, hosts.root(host) + "/etc/" + name, content, mode, mode == 0600);
    files.add(f);
    StepBuilder b = new StepBuilder(id, phase, host, id).put(f);
    for (String c : commands) {
      b.run(c.replace("$ROOT", hosts.root(host)));
    }
    steps.add(b.verify(verify == null ? null : verify.replace("$ROOT", hosts.root(host))).build());
    return this;
  }

  Plan write(Path planDir) {
    Plan plan = new Plan("test", "1.35.0", steps);
    try {
      PlanWriter.write(planDir, plan, files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return plan;
  }
}
