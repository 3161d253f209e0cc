foreach ($p in 'C:/k/kubelet.kubeconfig','C:/k/ssl/ca.pem') {
  $h = Get-FileHash -Algorithm SHA256 -LiteralPath $p -ErrorAction SilentlyContinue
  if ($h) { $h.Hash.ToLowerInvariant() + '  ' + $p }
}
exit 0
