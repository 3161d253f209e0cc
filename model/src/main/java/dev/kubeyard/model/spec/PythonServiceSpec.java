package dev.kubeyard.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The platform gateway service, reached through the Ingress at {@code host}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"enabled", "namespace", "image", "replicas", "host"})
public record PythonServiceSpec(
    Boolean enabled, String namespace, String image, Integer replicas, String host) {}
