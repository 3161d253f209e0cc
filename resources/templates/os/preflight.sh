p=0; fail() { echo "preflight: $*"; p=1; }
# shellcheck source=/dev/null
. /etc/os-release 2>/dev/null; case "$ID" in debian|ubuntu|centos|rhel|rocky|almalinux) ;; *) fail "unsupported OS '$ID' (Debian, Ubuntu or the CentOS/RHEL family)";; esac
[ -d /run/systemd/system ] || fail "systemd is not running as PID 1"
k=$(uname -r); [ "${k%%.*}" -ge 4 ] || fail "kernel $k is older than 4.x"
[ -w /proc/sys/net/ipv4/ip_forward ] || fail "net.ipv4.ip_forward cannot be set (read-only /proc/sys/net)"
{{#kubelet}}
grep -qw overlay /proc/filesystems || modprobe -n -q overlay 2>/dev/null || fail "kernel module overlay is not available (containerd's snapshotter needs it)"
[ -e /proc/sys/net/bridge/bridge-nf-call-iptables ] || modprobe -n -q br_netfilter 2>/dev/null || fail "kernel module br_netfilter is not available (kube-proxy and flannel need it)"
[ -z "$(swapon --noheadings 2>/dev/null)" ] || fail "swap is on; the kubelet refuses to run with swap (swapoff -a and remove it from /etc/fstab)"
for t in iptables ip6tables conntrack socat nsenter ip; do command -v "$t" >/dev/null || fail "$t is missing (kube-proxy and the kubelet call it); install it from the OS packages"; done
{{/kubelet}}
[ "$(hostname)" = "{{host}}" ] || fail "hostname is '$(hostname)' but the spec calls this host '{{host}}' (hostnamectl set-hostname {{host}})"
if [ -n "$KUBEYARD_DEPLOYER_EPOCH" ]; then d=$(( $(date +%s) - KUBEYARD_DEPLOYER_EPOCH )); [ ${d#-} -le {{maxClockSkewSeconds}} ] || fail "the clock is ${d} s off the deployer's; start time sync (chrony/systemd-timesyncd)"; fi
m=$(awk '/MemTotal/ {print int($2/1024)}' /proc/meminfo); [ "$m" -ge {{memoryMib}} ] || fail "{{memoryMib}} MiB of memory needed for roles {{roles}}, found $m MiB"
d=$(df -Pm /var/lib | awk 'NR==2 {print $4}'); [ "$d" -ge {{diskMib}} ] || fail "{{diskMib}} MiB free under /var/lib needed for roles {{roles}}, found $d MiB"
{{#ports}}
o=$(ss -Hltnp "sport = :{{port}}" 2>/dev/null | sed -n 's/.*users:(("\([^"]*\)".*/\1/p' | head -1); case "$o" in ''|{{owner}}*) ;; *) fail "port {{port}} is taken by '$o' ({{owner}} needs it)";; esac
{{/ports}}
exit $p
