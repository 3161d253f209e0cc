// Pins flannel 0.15 for the 1.14 line's offline bundle; tools/go-components/build.sh flannel-0.15 builds
// it. flannel-io v0.15.1 is the oldest release with a go.mod the module proxy serves (coreos/flannel
// 0.11/0.12 have none, 0.13/0.14 and flannel-io 0.11/0.12 answer 403); its kube subnet manager reads
// spec.podCIDR, which 1.14 sets, and its docs say flanneld works with any Kubernetes version.
module kubeyard.dev/tools/go-components/flannel-0.15

go 1.26.8

tool github.com/flannel-io/flannel

require (
	cloud.google.com/go v0.51.0 // indirect
	github.com/Microsoft/go-winio v0.4.11 // indirect
	github.com/Microsoft/hcsshim v0.8.6 // indirect
	github.com/aws/aws-sdk-go v1.12.54 // indirect
	github.com/bronze1man/goStrongswanVici v0.0.0-20201105010758-936f38b697fd // indirect
	github.com/containernetworking/plugins v0.8.6 // indirect
	github.com/coreos/etcd v3.1.11+incompatible // indirect
	github.com/coreos/go-iptables v0.4.5 // indirect
	github.com/coreos/go-semver v0.3.1 // indirect; etcd v3.3.13's client imports it (no go.mod there: the newest release)
	github.com/coreos/go-systemd v0.0.0-20180511133405-39ca1b05acc7 // indirect
	github.com/coreos/pkg v0.0.0-20160727233714-3ac0863d7acf // indirect
	github.com/davecgh/go-spew v1.1.1 // indirect
	github.com/denverdino/aliyungo v0.0.0-20170629053852-f6cab0c35083 // indirect
	github.com/flannel-io/flannel v0.15.1 // indirect
	github.com/go-ini/ini v1.28.1 // indirect
	github.com/go-logr/logr v0.2.0 // indirect
	github.com/gogo/protobuf v1.3.1 // indirect
	github.com/golang/groupcache v0.0.0-20191227052852-215e87163ea7 // indirect
	github.com/golang/protobuf v1.4.2 // indirect
	github.com/google/go-cmp v0.4.0 // indirect
	github.com/google/gofuzz v1.1.0 // indirect
	github.com/googleapis/gax-go/v2 v2.0.5 // indirect
	github.com/googleapis/gnostic v0.4.1 // indirect
	github.com/hashicorp/golang-lru v0.5.1 // indirect
	github.com/imdario/mergo v0.3.5 // indirect
	github.com/jmespath/go-jmespath v0.0.0-20160803190731-bd40a432e4c7 // indirect
	github.com/joho/godotenv v0.0.0-20161216230537-726cc8b906e3 // indirect
	github.com/jonboulle/clockwork v0.1.0 // indirect
	github.com/json-iterator/go v1.1.10 // indirect
	github.com/modern-go/concurrent v0.0.0-20180306012644-bacd9c7ef1dd // indirect
	github.com/modern-go/reflect2 v1.0.1 // indirect
	github.com/pkg/errors v0.9.1 // indirect
	github.com/sirupsen/logrus v1.0.6 // indirect
	github.com/spf13/pflag v1.0.5 // indirect
	github.com/tencentcloud/tencentcloud-sdk-go v1.0.67 // indirect
	github.com/ugorji/go v0.0.0-20170107133203-ded73eae5db7 // indirect
	github.com/vishvananda/netlink v0.0.0-20181108222139-023a6dafdcdf // indirect
	github.com/vishvananda/netns v0.0.0-20180720170159-13995c7128cc // indirect
	go.opencensus.io v0.22.2 // indirect
	golang.org/x/crypto v0.0.0-20200622213623-75b288015ac9 // indirect
	golang.org/x/net v0.0.0-20201110031124-69a78807bb2b // indirect
	golang.org/x/oauth2 v0.0.0-20191202225959-858c2ad4c8b6 // indirect
	golang.org/x/sys v0.0.0-20201112073958-5cba982894dd // indirect
	golang.org/x/text v0.3.3 // indirect
	golang.org/x/time v0.0.0-20191024005414-555d28b269f0 // indirect
	google.golang.org/api v0.15.0 // indirect
	google.golang.org/appengine v1.6.5 // indirect
	google.golang.org/genproto v0.0.0-20200526211855-cb27e3aa2013 // indirect
	google.golang.org/grpc v1.27.0 // indirect
	google.golang.org/protobuf v1.24.0 // indirect
	gopkg.in/inf.v0 v0.9.1 // indirect
	gopkg.in/yaml.v2 v2.2.8 // indirect
	k8s.io/api v0.19.5 // indirect
	k8s.io/apimachinery v0.19.5 // indirect
	k8s.io/client-go v0.19.5 // indirect
	k8s.io/klog v1.0.0 // indirect
	k8s.io/klog/v2 v2.2.0 // indirect
	k8s.io/kube-openapi v0.0.0-20200805222855-6aeccd4b50c6 // indirect
	k8s.io/utils v0.0.0-20200729134348-d5654de09c73 // indirect
	sigs.k8s.io/structured-merge-diff/v4 v4.0.1 // indirect
	sigs.k8s.io/yaml v1.2.0 // indirect
)

// reflect2 1.0.1 (in v0.15.1's graph) reads Go's runtime map internals and segfaults in map iteration on
// Go 1.18+; 1.0.2 is the same API fixed for it (ADR 25 made the same replacement for Kubernetes 1.14).
replace github.com/modern-go/reflect2 => github.com/modern-go/reflect2 v1.0.2

// v0.15.1's etcd v2 client (coreos/etcd v3.1.11, imported by subnet/etcdv2 and so linked even with
// --kube-subnet-mgr) uses ugorji/go's codec of 2017, whose package init calls base64.NewEncoding with a
// duplicate symbol, which Go 1.22+ refuses: flanneld panicked before main ("encoding alphabet includes
// duplicate symbols"). etcd v3.3.13 is the nearest release whose v2 client no longer uses ugorji/go
// (3.3.12's still does); the client API flannel calls is unchanged.
replace github.com/coreos/etcd => github.com/coreos/etcd v3.3.13+incompatible
