// A stand-in for vbom.ml/util, which the module proxy no longer serves (403). Kubernetes 1.14's
// kubectl imports vbom.ml/util/sortorder for NaturalLess only; the same author publishes that code
// as github.com/fvbommel/sortorder. See tools/k8s-builder-1.14/README.md.
module vbom.ml/util

go 1.12

require github.com/fvbommel/sortorder v1.0.1
