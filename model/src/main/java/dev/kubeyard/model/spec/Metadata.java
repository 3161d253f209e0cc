package dev.kubeyard.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Names the cluster; the name appears in kubeconfig contexts and the etcd cluster token. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Metadata(String name) {}
