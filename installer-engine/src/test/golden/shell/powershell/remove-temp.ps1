Remove-Item -LiteralPath 'C:/k/ssl/.kubeyard-kubelet-win1-key.pem.5eed.tmp' -Force -ErrorAction SilentlyContinue
exit 0
