package dev.kubeyard.engine.run;

import dev.kubeyard.engine.plan.Action;
import dev.kubeyard.engine.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a step leaves on its host: the files it puts and the services its check expects active. */
final class StepServices {
  private static final Pattern ACTIVE = Pattern.compile("systemctl is-active --quiet ([A-Za-z0-9@._-]+)");

  private StepServices() {}

  static List<String> services(Step step) {
    List<String> out = new ArrayList<>();
    Matcher m = ACTIVE.matcher(step.check() == null ? "" : step.check());
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  static List<Action.PutFile> files(Step step) {
    return step.apply().stream().filter(a -> a instanceof Action.PutFile).map(a -> (Action.PutFile) a).toList();
  }
}
