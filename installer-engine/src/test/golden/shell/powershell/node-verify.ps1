if (
  ((Get-Service -Name 'flanneld' -ErrorAction SilentlyContinue).Status -eq 'Running') -and
  ((Get-Service -Name 'kubelet' -ErrorAction SilentlyContinue).Status -eq 'Running') -and
  ((Get-Service -Name 'kube-proxy' -ErrorAction SilentlyContinue).Status -eq 'Running')
) { exit 0 } else { exit 1 }
