foreach ($s in 'flanneld','kubelet','kube-proxy') {
  Set-Service -Name $s -StartupType Automatic
  Restart-Service -Name $s -Force
}
