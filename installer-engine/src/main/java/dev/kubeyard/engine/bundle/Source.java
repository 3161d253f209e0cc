package dev.kubeyard.engine.bundle;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a bundle entry came from; recorded so an operator can audit every file's provenance. */
public enum Source {
  /** Compiled here from a module served by the Go module proxy (go.sum pins its content). */
  GO_MODULE("go-module"),
  /** Unpacked from a package of Debian's archive (apt verified its signature and checksum). */
  DEBIAN("debian"),
  /** Downloaded from a project's release server, e.g. dl.k8s.io, and checked against its sha256. */
  OFFICIAL_RELEASE("official-release"),
  /** Made by Kubeyard itself: container images and our own small binaries. */
  BUILT("built"),
  /**
   * Brought by the site as an OCI or docker-save archive ({@code kubeyard bundle import}): images nothing
   * here can build (SQL Server's); every blob matched its digest when it was imported.
   */
  IMPORTED("imported");

  private final String jsonName;

  Source(String jsonName) {
    this.jsonName = jsonName;
  }

  @JsonValue
  public String jsonName() {
    return jsonName;
  }

  @JsonCreator
  public static Source parse(String value) {
    for (Source s : values()) {
      if (s.jsonName.equals(value)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown source '" + value
        + "'; use go-module, debian, official-release, built or imported");
  }
}
