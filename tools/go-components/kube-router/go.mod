// Pins kube-router's network policy controller for the offline bundle; tools/go-components/build.sh
// kube-router builds our main.go around it (docs/adr/0039-network-policy-with-kube-router.md).
// v2.1.0 is the only version the module proxy serves.
//
// Security lifts: v2.1.0's go.mod pins dependencies with published advisories (Go vulnerability
// database IDs). Each vulnerable one is raised to the newest version the module proxy serves on
// 2026-12-07, its reason on its line in the first require block. k8s.io/* stay on kube-router's 0.29
// line (newest patch): newer client-go lines change how lists and watches are made, and this binary
// must also talk to a 1.14 apiserver. Only pkg/controllers/netpol is linked, so kube-router's
// vulnerable BGP/IPVS/Docker/AWS dependencies (grpc, docker, x/crypto ...) are not in the binary at all.
module kubeyard.dev/tools/go-components/kube-router

go 1.26.8

require (
	golang.org/x/net v0.63.0 // indirect; lift, was v0.21.0: GO-2024-2687 (CVE-2023-45288, HTTP/2 CONTINUATION flood; client-go speaks HTTP/2 to the apiserver), GO-2024-3333 (CVE-2024-45338), GO-2025-3503 (CVE-2025-22870), GO-2025-3595 (CVE-2025-22872)
	golang.org/x/oauth2 v0.38.0 // indirect; lift, was v0.17.0: GO-2025-3488 (CVE-2025-22868, jws parsing exhausts memory); linked through client-go
	golang.org/x/sys v0.50.0 // indirect; lift, was v0.17.0: no open advisory, raised with x/net (which needs a newer one) to the newest served
	golang.org/x/term v0.48.0 // indirect; lift, was v0.17.0: raised with x/net and x/sys, the same x/ release train
	golang.org/x/text v0.44.0 // indirect; lift, was v0.14.0: raised with x/net (which needs a newer one) to the newest served
	golang.org/x/time v0.16.0 // indirect; lift, was v0.5.0: raised with the x/ family to the newest served
	google.golang.org/protobuf v1.36.12 // indirect; lift, was v1.32.0: GO-2024-2611 (CVE-2024-24786, protojson.Unmarshal loops forever)
	k8s.io/api v0.29.15 // lift, was v0.29.2: newest patch of kube-router's 0.29 line (see above)
	k8s.io/apimachinery v0.29.15 // indirect; lift, was v0.29.2: newest patch of kube-router's 0.29 line
	k8s.io/client-go v0.29.15 // lift, was v0.29.2: newest patch of kube-router's 0.29 line
)

require (
	github.com/cloudnativelabs/kube-router/v2 v2.1.0
	github.com/spf13/pflag v1.0.5
	k8s.io/klog/v2 v2.120.1
)

require (
	github.com/beorn7/perks v1.0.1 // indirect
	github.com/cespare/xxhash/v2 v2.2.0 // indirect
	github.com/coreos/go-iptables v0.7.0 // indirect
	github.com/davecgh/go-spew v1.1.2-0.20180830191138-d8f796af33cc // indirect
	github.com/emicklei/go-restful/v3 v3.11.3 // indirect
	github.com/go-logr/logr v1.4.1 // indirect
	github.com/go-openapi/jsonpointer v0.20.2 // indirect
	github.com/go-openapi/jsonreference v0.20.4 // indirect
	github.com/go-openapi/swag v0.22.9 // indirect
	github.com/gogo/protobuf v1.3.2 // indirect
	github.com/golang/protobuf v1.5.4 // indirect
	github.com/google/gnostic-models v0.6.9-0.20230804172637-c7be7c783f49 // indirect
	github.com/google/go-cmp v0.7.0 // indirect
	github.com/google/gofuzz v1.2.0 // indirect
	github.com/google/uuid v1.6.0 // indirect
	github.com/hashicorp/go-version v1.6.0 // indirect
	github.com/imdario/mergo v0.3.16 // indirect
	github.com/josharian/intern v1.0.0 // indirect
	github.com/json-iterator/go v1.1.12 // indirect
	github.com/mailru/easyjson v0.7.7 // indirect
	github.com/modern-go/concurrent v0.0.0-20180306012644-bacd9c7ef1dd // indirect
	github.com/modern-go/reflect2 v1.0.2 // indirect
	github.com/munnerz/goautoneg v0.0.0-20191010083416-a7dc8b61c822 // indirect
	github.com/prometheus/client_golang v1.19.0 // indirect
	github.com/prometheus/client_model v0.6.0 // indirect
	github.com/prometheus/common v0.49.0 // indirect
	github.com/prometheus/procfs v0.12.0 // indirect
	github.com/vishvananda/netlink v1.2.1-beta.2 // indirect
	github.com/vishvananda/netns v0.0.4 // indirect
	gopkg.in/inf.v0 v0.9.1 // indirect
	gopkg.in/yaml.v2 v2.4.0 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
	k8s.io/kube-openapi v0.0.0-20240228011516-70dd3763d340 // indirect
	k8s.io/utils v0.0.0-20240102154912-e7106e64919e // indirect
	sigs.k8s.io/json v0.0.0-20221116044647-bc3834ca7abd // indirect
	sigs.k8s.io/structured-merge-diff/v4 v4.4.1 // indirect
	sigs.k8s.io/yaml v1.4.0 // indirect
)
