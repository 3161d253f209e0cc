package dev.kubeyard.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Pod network. Windows overlay nodes need flannel vxlan with VNI 4096 on UDP 4789. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"plugin", "backend", "vni", "port"})
public record NetworkSpec(String plugin, String backend, Integer vni, Integer port) {}
