module kubeyard.dev/tools/go-components/pause

go 1.25.0
