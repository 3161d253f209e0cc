// Package sortorder keeps the import path vbom.ml/util/sortorder alive for Kubernetes 1.14's kubectl
// by forwarding to github.com/fvbommel/sortorder (vbom.ml is no longer served).
package sortorder

import "github.com/fvbommel/sortorder"

// Natural sorts strings in natural order (numbers by value), as vbom.ml/util/sortorder.Natural did.
type Natural = sortorder.Natural

// NaturalLess compares two strings in natural order.
func NaturalLess(str1, str2 string) bool { return sortorder.NaturalLess(str1, str2) }
