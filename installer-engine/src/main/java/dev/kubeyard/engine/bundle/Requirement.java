package dev.kubeyard.engine.bundle;

import java.util.Optional;

/**
 * A command a cluster needs from the bundle on one platform, e.g. kube-apiserver on linux/amd64.
 *
 * @param version the exact version it must have, when the cluster pins one (the Kubernetes binaries)
 * @param why which part of the spec asks for it, to name in a problem
 * @param fix how to get it into the bundle
 */
public record Requirement(String command, Platform platform, Optional<String> version, String why, String fix) {}
