package dev.kubeyard.desktop.wizard.draft;

import dev.kubeyard.model.spec.GitlabImages;
import dev.kubeyard.model.spec.GitlabPostgresSpec;
import dev.kubeyard.model.spec.GitlabRedisSpec;
import dev.kubeyard.model.spec.GitlabSpec;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The GitLab section of the Apps page; PostgreSQL, Redis and object storage are external HA services. */
public final class GitlabDraft {
  public final BooleanProperty included = new SimpleBooleanProperty(false);
  public final StringProperty version = new SimpleStringProperty("17.11.0");
  public final StringProperty namespace = new SimpleStringProperty("gitlab");
  public final StringProperty host = new SimpleStringProperty("gitlab.example.com");
  public final StringProperty webserviceReplicas = new SimpleStringProperty("2");
  public final StringProperty sidekiqReplicas = new SimpleStringProperty("2");
  public final StringProperty postgresHost = new SimpleStringProperty("");
  public final StringProperty redisSentinels = new SimpleStringProperty("");
  public final StringProperty objectStorageEndpoint = new SimpleStringProperty("");
  /** The site's CNG images as loaded (ADR 44): this page does not show them yet, so it keeps them. */
  private GitlabImages images;
  /** apps.gitlab.postgres as loaded (no field on the page yet): kept, so saving never drops it. */
  private GitlabPostgresSpec postgres;
  /** Kept as loaded (the page has no Redis fields yet, ADR 43): a spec's Redis counts survive the wizard. */
  private GitlabRedisSpec redis;

  void load(GitlabSpec s) {
    included.set(s != null && !Boolean.FALSE.equals(s.enabled()));
    images = s == null ? null : s.images();
    if (s != null) {
      version.set(Conversion.show(s.version()));
      namespace.set(Conversion.show(s.namespace()));
      host.set(Conversion.show(s.host()));
      webserviceReplicas.set(Conversion.show(s.webserviceReplicas()));
      sidekiqReplicas.set(Conversion.show(s.sidekiqReplicas()));
      postgresHost.set(Conversion.show(s.postgresHost()));
      redisSentinels.set(Conversion.show(s.redisSentinels()));
      objectStorageEndpoint.set(Conversion.show(s.objectStorageEndpoint()));
      redis = s.redis();
    }
    postgres = s == null ? null : s.postgres();
  }

  GitlabSpec toSpec(Conversion c) {
    if (!included.get()) {
      return null;
    }
    String at = "apps.gitlab.";
    return new GitlabSpec(true, Conversion.required(version.get()), images, Conversion.required(namespace.get()),
        Conversion.required(host.get()), c.number(at + "webserviceReplicas", webserviceReplicas.get()),
        c.number(at + "sidekiqReplicas", sidekiqReplicas.get()), Conversion.optional(postgresHost.get()),
        Conversion.optional(redisSentinels.get()), Conversion.optional(objectStorageEndpoint.get()), postgres,
        redis);
  }

  List<Observable> observables() {
    return List.of(included, version, namespace, host, webserviceReplicas, sidekiqReplicas, postgresHost,
        redisSentinels, objectStorageEndpoint);
  }
}
