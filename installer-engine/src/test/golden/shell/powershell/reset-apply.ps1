foreach ($s in 'flanneld','kubelet','kube-proxy') {
  Stop-Service -Name $s -Force -ErrorAction SilentlyContinue
  Set-Service -Name $s -StartupType Disabled -ErrorAction SilentlyContinue
}
Remove-Item -LiteralPath 'C:/k/cni/config/cni.conf','C:/k/flannel/net-conf.json','C:/k/install-node.ps1','C:/k/kube-proxy.kubeconfig','C:/k/kubelet.kubeconfig' -Force -ErrorAction SilentlyContinue
exit 0
