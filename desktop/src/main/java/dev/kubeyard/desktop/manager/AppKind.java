package dev.kubeyard.desktop.manager;

/** The platform's applications, each with its own tab in the manager. */
public enum AppKind {
  ELASTICSEARCH("elasticsearch"),
  SQLSERVER("sqlserver"),
  GITLAB("gitlab"),
  PYTHON_SERVICE("python");

  private final String key;

  AppKind(String key) {
    this.key = key;
  }

  /** The prefix of the app's messages: {@code app.<key>.title}, {@code app.<key>.about}. */
  public String key() {
    return "app." + key;
  }
}
