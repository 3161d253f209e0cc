package dev.kubeyard.engine.render;

import dev.kubeyard.engine.facts.ClusterFacts;

/**
 * Where things live on a Windows worker, under the spec's install dir (C:\k by default). Paths use
 * forward slashes, which Windows, PowerShell and OpenSSH all accept.
 */
public record WindowsPaths(String root) {
  public static WindowsPaths of(ClusterFacts facts) {
    return new WindowsPaths(facts.windowsInstallDir().replace('\\', '/'));
  }

  public String file(String relative) {
    return root + "/" + relative;
  }

  public String ssl(String pkiName) {
    return file("ssl/" + pkiName + ".pem");
  }

  public String sslKey(String pkiName) {
    return file("ssl/" + pkiName + "-key.pem");
  }

  public String cniBin() {
    return file("cni");
  }

  public String cniConf() {
    return file("cni/config");
  }
}
