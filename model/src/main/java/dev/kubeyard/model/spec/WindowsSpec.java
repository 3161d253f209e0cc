package dev.kubeyard.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Settings shared by the Windows workers: the Windows Server build (images must match it) and the
 * flannel network mode (overlay = vxlan/win-overlay, l2bridge = host-gw/win-bridge).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"serverVersion", "networkMode", "installDir"})
public record WindowsSpec(String serverVersion, String networkMode, String installDir) {}
