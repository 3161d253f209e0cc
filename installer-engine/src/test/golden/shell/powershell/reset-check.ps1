foreach ($f in 'C:/k/cni/config/cni.conf','C:/k/flannel/net-conf.json','C:/k/install-node.ps1','C:/k/kube-proxy.kubeconfig','C:/k/kubelet.kubeconfig') { if (Test-Path -LiteralPath $f) { exit 1 } }
foreach ($s in 'flanneld','kubelet','kube-proxy') { if ((Get-Service -Name $s -ErrorAction SilentlyContinue).Status -eq 'Running') { exit 1 } }
exit 0
