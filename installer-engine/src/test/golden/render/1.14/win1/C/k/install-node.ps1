# Rendered by Kubeyard. Registers flanneld, kubelet and kube-proxy as Windows services on win1
# and starts them. Idempotent: an existing service is updated in place.
$ErrorActionPreference = 'Stop'
$root = 'C:/k'

# Keys are readable by SYSTEM and Administrators only.
Get-ChildItem "$root/ssl/*-key.pem" | ForEach-Object {
  icacls $_.FullName /inheritance:r /grant:r 'SYSTEM:(R)' 'Administrators:(R)' | Out-Null
}

function Set-KubeService($name, $binary, $arguments) {
  $path = "`"$root/$binary`" $arguments"
  if (Get-Service $name -ErrorAction SilentlyContinue) {
    Stop-Service $name -Force
    sc.exe config $name binPath= $path start= auto | Out-Null
  } else {
    New-Service -Name $name -BinaryPathName $path -StartupType Automatic | Out-Null
  }
  sc.exe failure $name reset= 0 actions= restart/5000 | Out-Null
}

# flanneld creates the vxlan0 HNS network (VNI and UDP port from net-conf.json) on its first start.
[Environment]::SetEnvironmentVariable('NODE_NAME', 'win1', 'Machine')
Set-KubeService 'flanneld' 'flanneld.exe' '--kubeconfig-file=C:/k/kubelet.kubeconfig --iface=192.168.1.6 --ip-masq=1 --kube-subnet-mgr=1 --net-config-path=C:/k/flannel/net-conf.json'
Start-Service flanneld
$deadline = (Get-Date).AddMinutes(3)
while (-not (Get-HnsNetwork | Where-Object Name -eq 'vxlan0')) {
  if ((Get-Date) -gt $deadline) { throw 'flanneld did not create the vxlan0 network within 3 minutes' }
  Start-Sleep -Seconds 2
}

Set-KubeService 'kubelet' 'kubelet.exe' '--windows-service=true --hostname-override=win1 --node-ip=192.168.1.6 --kubeconfig=C:/k/kubelet.kubeconfig --v=2 --allow-privileged=true --anonymous-auth=false --read-only-port=0 --authentication-token-webhook=true --authorization-mode=Webhook --client-ca-file=C:/k/ssl/ca.pem --tls-cert-file=C:/k/ssl/kubelet-win1.pem --tls-private-key-file=C:/k/ssl/kubelet-win1-key.pem --tls-min-version=VersionTLS12 --tls-cipher-suites=TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 --cluster-dns=10.68.0.2 --cluster-domain=cluster.local --resolv-conf="" --hairpin-mode=promiscuous-bridge --cgroups-per-qos=false --enforce-node-allocatable="" --network-plugin=cni --cni-bin-dir=C:/k/cni --cni-conf-dir=C:/k/cni/config --pod-infra-container-image=mcr.microsoft.com/k8s/core/pause:1.2.0 --image-pull-progress-deadline=20m --register-with-taints=node.kubernetes.io/os=windows:NoSchedule'
Start-Service kubelet

# kube-proxy in overlay mode needs a source VIP from this node's pod subnet, taken from host-local IPAM.
$subnet = (Get-Content "$root/../run/flannel/subnet.env" -ErrorAction SilentlyContinue |
  Where-Object { $_ -like 'FLANNEL_SUBNET=*' }) -replace 'FLANNEL_SUBNET=', ''
if (-not $subnet) { $subnet = (Get-HnsNetwork | Where-Object Name -eq 'vxlan0').Subnets[0].AddressPrefix }
$env:CNI_COMMAND = 'ADD'; $env:CNI_CONTAINERID = 'kube-proxy'; $env:CNI_NETNS = 'kube-proxy'
$env:CNI_IFNAME = 'kube-proxy'; $env:CNI_PATH = "$root/cni"
$ipam = @{ cniVersion = '0.2.0'; name = 'vxlan0'; ipam = @{ type = 'host-local'; ranges = @(, @(@{ subnet = $subnet })); dataDir = "$root/cni/ipam" } }
$sourceVip = ((($ipam | ConvertTo-Json -Depth 5) | & "$root/cni/host-local.exe" | ConvertFrom-Json).ip4.ip -split '/')[0]
Set-KubeService 'kube-proxy' 'kube-proxy.exe' ('--windows-service=true --proxy-mode=kernelspace --hostname-override=win1 --kubeconfig=C:/k/kube-proxy.kubeconfig --cluster-cidr=172.20.0.0/16 --network-name=vxlan0 --source-vip=$sourceVip --feature-gates=WinOverlay=true --v=2' -replace '\$sourceVip', $sourceVip)
Start-Service kube-proxy
