if (
  ((Get-Service -Name 'kubelet' -ErrorAction SilentlyContinue).Status -eq 'Running')
) { exit 0 } else { exit 1 }
