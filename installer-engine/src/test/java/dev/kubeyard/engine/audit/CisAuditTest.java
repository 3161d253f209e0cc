package dev.kubeyard.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.testing.Specs;
import dev.kubeyard.engine.transport.CommandResult;
import dev.kubeyard.engine.transport.RemoteFile;
import dev.kubeyard.engine.transport.Transport;
import dev.kubeyard.engine.transport.TransportFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class CisAuditTest {

  /** Answers the audit's one command on every host with the same recorded master answer, and keeps what was sent. */
  static final class Recorded implements TransportFactory {
    final Map<String, String> sent = new ConcurrentHashMap<>();
    private final String answer;

    Recorded(String answer) {
      this.answer = answer;
    }

    @Override
    public Transport open(String host) {
      return new Transport() {
        @Override
        public String host() {
          return host;
        }

        @Override
        public void connect() {
          // recorded
        }

        @Override
        public CommandResult run(String command, Duration timeout, Consumer<String> lines) {
          sent.put(host, command);
          return new CommandResult(host, command, 0, answer);
        }

        @Override
        public CommandResult run(String command, Path stdin, Duration timeout, Consumer<String> lines) {
          throw new AssertionError("the audit sends nothing on stdin");
        }

        @Override
        public void upload(Path local, RemoteFile target, Duration timeout) {
          throw new AssertionError("the audit places nothing");
        }

        @Override
        public void cancel() {
          // nothing runs
        }

        @Override
        public void close() {
          // nothing open
        }
      };
    }
  }

  @Test
  void eachLinuxHostIsReadOnceAndJudgedOnlyForTheComponentsItRuns() {
    ClusterFacts facts = ClusterFacts.of(Specs.current());
    Recorded hosts = new Recorded(RecordedHost.master135().answer());
    List<Finding> all = CisAudit.run(facts, hosts);
    assertThat(hosts.sent.keySet()).doesNotContain("lb1", "lb2", "win1");
    assertThat(hosts.sent.values()).allSatisfy(c -> assertThat(c).contains("stat -c").doesNotContain("rm ", "chmod", "> /"));
    assertThat(all).filteredOn(f -> f.host().equals("master1")).extracting(Finding::id).contains("1.1.1", "1.2.15", "4.2.1");
    assertThat(all).filteredOn(f -> f.id().startsWith("1.2.")).extracting(Finding::host).allMatch(h -> h.startsWith("master"));
    assertThat(all).filteredOn(f -> f.host().equals("win1")).singleElement()
        .satisfies(f -> assertThat(f.result()).isEqualTo(Outcome.MANUAL));
  }

  @Test
  void theReportCountsOutcomesPrintsOneRowPerFindingAndSerializesToJson() throws Exception {
    AuditReport r = new AuditReport("CIS Kubernetes Benchmark v1.11", List.of(
        new Finding("1.1.1", "API server unit file permissions 600 or more restrictive", 1, true, "master1", Outcome.FAIL,
            "/etc/systemd/system/kube-apiserver.service 644 root:root"),
        new Finding("1.2.9", "admission plugin EventRateLimit set", 2, false, "master1", Outcome.WARN, "--enable-admission-plugins=NodeRestriction")));
    assertThat(r.failed()).isTrue();
    assertThat(r.table()).contains("1.1.1").contains("master1").contains("FAIL").contains("kube-apiserver.service 644 root:root")
        .contains("(L2) (manual)").endsWith("1 FAIL, 1 WARN, 0 MANUAL\n");
    JsonNode json = new ObjectMapper().readTree(r.json());
    assertThat(json.at("/summary/fail").asInt()).isEqualTo(1);
    assertThat(json.at("/findings/0/result").asText()).isEqualTo("FAIL");
    assertThat(json.at("/findings/1/evidence").asText()).isEqualTo("--enable-admission-plugins=NodeRestriction");
  }
}
