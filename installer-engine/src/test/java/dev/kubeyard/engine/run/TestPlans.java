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

  private final java.util.Map<String, String> pkiFiles = new java.util.LinkedHashMap<>();

  /** A step that places a PKI file (source pki/NAME in the plan folder), as PlaceCertificates does. */
  TestPlans certificate(String id, Phase phase, String host, String name, String content) {
    pkiFiles.put(name, content);
    RenderedFile probe = new RenderedFile(host, "/x", content, 0644, false);
    steps.add(new StepBuilder(id, phase, host, id).put(hosts.root(host) + "/etc/ssl/" + name, "pki/" + name, probe.sha256(), 0644)
        .build());
    return this;
  }

  Plan write(Path planDir) {
    Plan plan = new Plan("test", "1.35.0", steps);
    try {
      java.nio.file.Files.createDirectories(planDir.resolve("pki"));
      for (var e : pkiFiles.entrySet()) {
        java.nio.file.Files.writeString(planDir.resolve("pki").resolve(e.getKey()), e.getValue());
      }
      PlanWriter.write(planDir, plan, files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return plan;
  }
}
