// Command kube-router-netpol runs only kube-router's network policy controller (pkg/controllers/netpol),
// as k3s embeds it beside flannel: NetworkPolicy enforced with iptables + ipset, no BGP routing, no
// service proxy. Linking only this package keeps kube-router's BGP (gobgp, grpc), IPVS, Docker and AWS
// dependencies out of the binary (docs/adr/0039-network-policy-with-kube-router.md).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"sync"
	"syscall"

	"github.com/cloudnativelabs/kube-router/v2/pkg/controllers/netpol"
	"github.com/cloudnativelabs/kube-router/v2/pkg/healthcheck"
	"github.com/cloudnativelabs/kube-router/v2/pkg/options"
	"github.com/spf13/pflag"
	v1 "k8s.io/api/core/v1"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"
	"k8s.io/klog/v2"
)

var version = "dev"

func main() {
	if err := run(); err != nil {
		klog.Errorf("kube-router-netpol: %v", err)
		os.Exit(1)
	}
}

func run() error {
	// kube-router's own flags (--service-cluster-ip-range, --nodeport-range, --health-port, --kubeconfig,
	// --hostname-override, -v ...); the router and service-proxy flags are accepted and ignored below.
	config := options.NewKubeRouterConfig()
	config.AddFlags(pflag.CommandLine)
	pflag.Parse()
	klog.InitFlags(flag.CommandLine)
	_ = flag.Set("logtostderr", "true")
	_ = flag.Set("v", config.VLevel)
	if config.Version {
		fmt.Println("kube-router-netpol", version)
		return nil
	}
	if config.HelpRequested {
		pflag.Usage()
		return nil
	}
	config.RunFirewall, config.RunRouter, config.RunServiceProxy, config.RunLoadBalancer = true, false, false, false
	config.MetricsEnabled = false
	if os.Geteuid() != 0 {
		return fmt.Errorf("needs root (NET_ADMIN) to run iptables and ipset")
	}

	client, err := clientset(config.Kubeconfig, config.Master)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	stopCh := ctx.Done()
	var wg sync.WaitGroup

	healthChan := make(chan *healthcheck.ControllerHeartbeat, 10)
	hc, err := healthcheck.NewHealthController(config)
	if err != nil {
		return err
	}
	wg.Add(1)
	go hc.RunServer(stopCh, &wg)

	factory := informers.NewSharedInformerFactory(client, 0)
	podInformer := factory.Core().V1().Pods().Informer()
	nsInformer := factory.Core().V1().Namespaces().Informer()
	npInformer := factory.Networking().V1().NetworkPolicies().Informer()
	// Kubernetes 1.14 reports only status.podIP (status.podIPs came in 1.16), and the controller builds its
	// ipsets from status.podIPs: without this, no pod of a 1.14 cluster would be selected by any policy.
	if err := podInformer.SetTransform(fillPodIPs); err != nil {
		return err
	}
	factory.Start(stopCh)
	factory.WaitForCacheSync(stopCh)

	hc.SetAlive()
	wg.Add(1)
	go hc.RunCheck(healthChan, stopCh, &wg)

	iptablesHandlers, ipsetHandlers, err := netpol.NewIPTablesHandlers(config)
	if err != nil {
		return fmt.Errorf("iptables handlers: %w", err)
	}
	npc, err := netpol.NewNetworkPolicyController(client, config, podInformer, npInformer, nsInformer,
		&sync.Mutex{}, iptablesHandlers, ipsetHandlers)
	if err != nil {
		return fmt.Errorf("network policy controller: %w", err)
	}
	if _, err := podInformer.AddEventHandler(npc.PodEventHandler); err != nil {
		return err
	}
	if _, err := nsInformer.AddEventHandler(npc.NamespaceEventHandler); err != nil {
		return err
	}
	if _, err := npInformer.AddEventHandler(npc.NetworkPolicyEventHandler); err != nil {
		return err
	}
	wg.Add(1)
	go npc.Run(healthChan, stopCh, &wg)
	klog.Infof("kube-router-netpol %s: network policy controller running", version)
	wg.Wait()
	return nil
}

// fillPodIPs copies status.podIP into status.podIPs where the apiserver (1.14) leaves podIPs empty.
func fillPodIPs(obj interface{}) (interface{}, error) {
	if pod, ok := obj.(*v1.Pod); ok && len(pod.Status.PodIPs) == 0 && pod.Status.PodIP != "" {
		pod.Status.PodIPs = []v1.PodIP{{IP: pod.Status.PodIP}}
	}
	return obj, nil
}

func clientset(kubeconfig, master string) (*kubernetes.Clientset, error) {
	var cfg *rest.Config
	var err error
	if kubeconfig == "" && master == "" {
		cfg, err = rest.InClusterConfig()
	} else {
		cfg, err = clientcmd.BuildConfigFromFlags(master, kubeconfig)
	}
	if err != nil {
		return nil, fmt.Errorf("kubernetes client: %w", err)
	}
	return kubernetes.NewForConfig(cfg)
}
