package dev.kubeyard.engine.bundle;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One file of a bundle as manifest.json lists it.
 *
 * @param path where it lies, relative to the bundle folder, with forward slashes
 * @param component what it belongs to: a Go component (kubernetes, etcd) or a Debian package name
 * @param version the component's version, without a leading v
 * @param origin the exact thing it came from: module@version, package=version, or a URL
 * @param provides the commands it is, for executables: the multi-call Kubernetes binary provides six
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"path", "component", "version", "os", "architecture", "sha256", "size", "source",
    "origin", "provides"})
public record BundleFile(
    String path,
    String component,
    String version,
    String os,
    String architecture,
    String sha256,
    long size,
    Source source,
    String origin,
    List<String> provides) {

  public BundleFile {
    provides = provides == null ? List.of() : List.copyOf(provides);
  }

  @JsonIgnore
  public Platform platform() {
    return new Platform(os, architecture);
  }

  public boolean provides(String command) {
    return provides.contains(command);
  }
}
