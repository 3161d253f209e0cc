package dev.kubeyard.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * haproxy + keepalived in front of the apiservers and the ingress controller.
 * {@code interfaceName} is a network interface name (the original notes wrongly put an IP there).
 * {@code ingressSqlServerNodePort}: the ingress controller's TCP entrypoint for SQL Server, which haproxy
 * forwards apps.sqlserver.exposeTcpPort to (ADR 29).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"vip", "apiserverPort", "interfaceName", "virtualRouterId", "advertInterval",
    "ingressHttpPort", "ingressHttpsPort", "ingressHttpNodePort", "ingressHttpsNodePort",
    "ingressSqlServerNodePort"})
public record LoadBalancerSpec(
    String vip,
    Integer apiserverPort,
    String interfaceName,
    Integer virtualRouterId,
    Integer advertInterval,
    Integer ingressHttpPort,
    Integer ingressHttpsPort,
    Integer ingressHttpNodePort,
    Integer ingressHttpsNodePort,
    Integer ingressSqlServerNodePort) {}
