package dev.kubeyard.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Elasticsearch node counts per role (3 masters, 2 data, 2 ingest in the original notes).
 * {@code image}: the image repository, tagged with the version (default the official
 * docker.elastic.co/elasticsearch/elasticsearch; the lab uses kubeyard.local/elasticsearch, see
 * docs/elasticsearch.md). {@code ingressHost}: when set, an Ingress publishes the HTTP API at that host
 * through the cluster's ingress controller (off by default: the API has no authentication here).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"enabled", "version", "namespace", "masters", "data", "ingest", "storageSize",
    "storageClass", "heap", "image", "ingressHost"})
public record ElasticsearchSpec(
    Boolean enabled,
    String version,
    String namespace,
    Integer masters,
    Integer data,
    Integer ingest,
    String storageSize,
    String storageClass,
    String heap,
    String image,
    String ingressHost) {}
