// Command kubernetes is one multi-call binary holding kube-apiserver, kube-controller-manager,
// kube-scheduler, kubelet, kube-proxy and kubectl, like the old hyperkube. It picks the component from
// the name it was started as (a symlink such as kubectl -> kubernetes) or, failing that, from its first
// argument (kubernetes kubectl version). One binary links once instead of six times; see docs/bundle.md.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	_ "time/tzdata" // CronJob time zones (kube-apiserver, kube-controller-manager)

	_ "k8s.io/client-go/plugin/pkg/client/auth" // kubectl's client auth plugins
	"k8s.io/component-base/cli"
	"k8s.io/component-base/logs"
	_ "k8s.io/component-base/logs/json/register"          // JSON log format
	_ "k8s.io/component-base/metrics/prometheus/clientgo" // client-go metrics
	_ "k8s.io/component-base/metrics/prometheus/version"  // version metric
	kubectl "k8s.io/kubectl/pkg/cmd"
	kubectlutil "k8s.io/kubectl/pkg/cmd/util"
)

func runKubectl() int {
	logs.GlogSetter(kubectl.GetLogVerbosity(os.Args)) //nolint:errcheck
	if err := cli.RunNoErrOutput(kubectl.NewDefaultKubectlCommand()); err != nil {
		kubectlutil.CheckErr(err) // prints the error and exits non-zero
	}
	return 0
}

func main() {
	name := strings.TrimSuffix(filepath.Base(os.Args[0]), ".exe")
	if _, ok := components[name]; !ok && len(os.Args) > 1 {
		// "kubernetes kube-apiserver --help": drop our own name so cobra sees the component's arguments.
		name = os.Args[1]
		os.Args = os.Args[1:]
	}
	run, ok := components[name]
	if !ok {
		names := make([]string, 0, len(components))
		for n := range components {
			names = append(names, n)
		}
		sort.Strings(names)
		fmt.Fprintf(os.Stderr, "usage: kubernetes COMPONENT [ARGS...] or a symlink named after COMPONENT\n"+
			"components: %s\n", strings.Join(names, ", "))
		os.Exit(2)
	}
	os.Exit(run())
}
