package dev.kubeyard.engine.bundle;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A symbolic link the installer creates on a host, kept in the manifest instead of the bundle folder
 * so the bundle can be copied through Windows machines and tools that drop links.
 *
 * @param path where the link belongs, as a bundle path (debian/iptables/usr/sbin/iptables-nft)
 * @param target what it points at, exactly as the package has it (xtables-nft-multi)
 * @param origin the package (or alternatives choice) that makes it
 */
@JsonPropertyOrder({"path", "target", "component", "origin"})
public record BundleLink(String path, String target, String component, String origin) {}
