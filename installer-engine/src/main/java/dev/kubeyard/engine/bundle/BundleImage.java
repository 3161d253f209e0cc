package dev.kubeyard.engine.bundle;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One container image of a bundle: a docker-archive tar that {@code ctr -n k8s.io images import}
 * loads on a node without any registry.
 *
 * @param reference the name the cluster's manifests use, e.g. kubeyard.local/pause:1.0.0
 * @param component what it runs: pause, coredns, flannel, metrics-server
 */
@JsonPropertyOrder({"path", "reference", "component", "version", "os", "architecture", "sha256", "size",
    "source", "origin"})
public record BundleImage(
    String path,
    String reference,
    String component,
    String version,
    String os,
    String architecture,
    String sha256,
    long size,
    Source source,
    String origin) {

  @JsonIgnore
  public Platform platform() {
    return new Platform(os, architecture);
  }
}
