$ErrorActionPreference = 'Stop'
$temp = 'C:/k/ssl/.kubeyard-kubelet-win1-key.pem.5eed.tmp'
try {
  New-Item -ItemType Directory -Force -Path 'C:/k/ssl' | Out-Null
  $out = [IO.File]::Create($temp)
  try { [Console]::OpenStandardInput().CopyTo($out) } finally { $out.Close() }
} catch {
  Write-Output "cannot write ${temp}: $_"
  Remove-Item -LiteralPath $temp -Force -ErrorAction SilentlyContinue
  exit 98
}
$found = (Get-FileHash -Algorithm SHA256 -LiteralPath $temp).Hash.ToLowerInvariant()
if ($found -ne 'abababababababababababababababababababababababababababababababab') {
  Write-Output "sha256 mismatch: expected abababababababababababababababababababababababababababababababab, found $found"
  Remove-Item -LiteralPath $temp -Force
  exit 97
}
Move-Item -LiteralPath $temp -Destination 'C:/k/ssl/kubelet-win1-key.pem' -Force
