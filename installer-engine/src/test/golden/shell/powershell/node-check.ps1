if (
  ((Get-FileHash -Algorithm SHA256 -LiteralPath 'C:/k/cni/config/cni.conf' -ErrorAction SilentlyContinue).Hash -eq '5b5180de76ce4e09406aad7f308381bf57f36967ae2d82450795375153df3a84') -and
  ((Get-FileHash -Algorithm SHA256 -LiteralPath 'C:/k/flannel/net-conf.json' -ErrorAction SilentlyContinue).Hash -eq 'aa59dd307ed049119e26c56ae4e0e0c7d501969871e5ca10bf6117978f9932fa') -and
  ((Get-FileHash -Algorithm SHA256 -LiteralPath 'C:/k/install-node.ps1' -ErrorAction SilentlyContinue).Hash -eq '4a6dc20d45e1f383778ccf3b89726e0b77bf45e7a816d5a40b4af64a572264fb') -and
  ((Get-FileHash -Algorithm SHA256 -LiteralPath 'C:/k/kube-proxy.kubeconfig' -ErrorAction SilentlyContinue).Hash -eq '90c5be1282e4fa1fd8644baae9d74d4164aace5a016b93609fb399c9503e16c2') -and
  ((Get-FileHash -Algorithm SHA256 -LiteralPath 'C:/k/kubelet.kubeconfig' -ErrorAction SilentlyContinue).Hash -eq '22c2584d58ed2421f67b353a9bcecf95b39cc2376a24db3e2955b0c505aca4d7') -and
  ((Get-FileHash -Algorithm SHA256 -LiteralPath 'C:/k/ssl/ca.pem' -ErrorAction SilentlyContinue).Hash -eq '0000000000000000000000000000000000000000000000000000000000000000') -and
  ((Get-FileHash -Algorithm SHA256 -LiteralPath 'C:/k/ssl/kubelet-win1.pem' -ErrorAction SilentlyContinue).Hash -eq '0000000000000000000000000000000000000000000000000000000000000000') -and
  ((Get-FileHash -Algorithm SHA256 -LiteralPath 'C:/k/ssl/kubelet-win1-key.pem' -ErrorAction SilentlyContinue).Hash -eq '0000000000000000000000000000000000000000000000000000000000000000') -and
  ((Get-FileHash -Algorithm SHA256 -LiteralPath 'C:/k/ssl/kube-proxy.pem' -ErrorAction SilentlyContinue).Hash -eq '0000000000000000000000000000000000000000000000000000000000000000') -and
  ((Get-FileHash -Algorithm SHA256 -LiteralPath 'C:/k/ssl/kube-proxy-key.pem' -ErrorAction SilentlyContinue).Hash -eq '0000000000000000000000000000000000000000000000000000000000000000') -and
  ((Get-Service -Name 'flanneld' -ErrorAction SilentlyContinue).Status -eq 'Running') -and
  ((Get-Service -Name 'kubelet' -ErrorAction SilentlyContinue).Status -eq 'Running') -and
  ((Get-Service -Name 'kube-proxy' -ErrorAction SilentlyContinue).Status -eq 'Running')
) { exit 0 } else { exit 1 }
