#!/usr/bin/env python3
"""Writes module/go.mod for Kubernetes v1.14.10 from the release's own Godeps/Godeps.json.

Every repository Godeps.json pins becomes one module requirement at the same revision, and a replace
line pins it there (like upstream's go.mod from 1.15 on), so Go's minimal version selection cannot
move it. Versions, in this order:
  1. the Godeps comment is an exact release tag (vX.Y.Z): that tag;
  2. k8s.io/kubernetes v1.15.12's go.mod names a pseudo-version of the same commit: that one;
  3. commit-times.tsv gives the commit's time: v0.0.0-<time>-<12 hex> (the proxy checks the time).
The staging repositories (k8s.io/api, ...) are replaced by the release's ./staging/src/k8s.io/*;
replacements.txt lists the few departures from the pins, each with its reason. Afterwards the
script lays the module out in a scratch copy of the source and lets `go list` fill module/go.sum for
everything build.sh compiles (Linux and Windows). Run: tools/k8s-builder-1.14/gen-gomod.py
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
VERSION = "v1.14.10"
LOOKUP_VERSION = "v1.15.12"
ENV = dict(os.environ, PATH="/usr/local/go/bin:" + os.environ["PATH"], GOTOOLCHAIN="local",
           GOFLAGS="-mod=mod")


def go(*args, cwd=None, env=None):
    return subprocess.run(["go", *args], cwd=cwd, env=env or ENV, check=True,
                          stdout=subprocess.PIPE, text=True).stdout


def download(mod):
    """Downloads mod@version and returns go mod download's JSON answer."""
    return json.loads(go("mod", "download", "-json", mod))


def module_root(pkg):
    parts = pkg.split("/")
    host = parts[0]
    if host in ("github.com", "bitbucket.org", "golang.org", "gonum.org"):
        return "/".join(parts[:3])
    if host == "gopkg.in":  # gopkg.in/yaml.v2 or gopkg.in/square/go-jose.v2
        return "/".join(parts[:2]) if re.search(r"\.v\d+$", parts[1]) else "/".join(parts[:3])
    return "/".join(parts[:2])  # k8s.io/klog, cloud.google.com/go, google.golang.org/grpc, ...


def main():
    kube = download("k8s.io/kubernetes@" + VERSION)
    lookup = download("k8s.io/kubernetes@" + LOOKUP_VERSION)
    src = kube["Dir"]
    staging = sorted(os.listdir(os.path.join(src, "staging/src/k8s.io")))
    godeps = json.load(open(os.path.join(src, "Godeps/Godeps.json")))

    pins = {}  # module -> (rev, comment)
    for dep in godeps["Deps"]:
        mod = module_root(dep["ImportPath"])
        if mod.startswith("k8s.io/") and mod[len("k8s.io/"):] in staging:
            continue
        pin = (dep["Rev"], dep.get("Comment", ""))
        if pins.setdefault(mod, pin)[0] != pin[0]:
            sys.exit(f"gen-gomod: {mod} is pinned at two revisions: {pins[mod][0]} and {pin[0]}")

    known = {}  # module -> version in 1.15.12's go.mod (its replace block pins every module)
    for line in open(lookup["GoMod"]):
        m = re.match(r"\s*(\S+) => (\S+) (v\S+)\s*$", line)
        if m and m.group(1) == m.group(2):
            known[m.group(1)] = m.group(3)
    times = {}
    for line in open(os.path.join(HERE, "commit-times.tsv")):
        if line.strip() and not line.startswith("#"):
            mod, rev, when = line.split()
            times[(mod, rev)] = when
    fixes = {}  # module -> (target, reason)
    for line in open(os.path.join(HERE, "replacements.txt")):
        if line.strip() and not line.startswith("#"):
            rule, reason = line.split("  # ", 1)
            mod, target = [s.strip() for s in rule.split("=>")]
            fixes[mod] = (target, reason.strip())

    versions, how, unresolved = {}, {}, []
    for mod, (rev, comment) in sorted(pins.items()):
        if mod in fixes:
            continue
        v = None
        if re.fullmatch(r"v\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?", comment) and not re.search(r"-\d+-g[0-9a-f]+$", comment):
            v, how[mod] = comment, "tag"
            if int(comment[1:].split(".")[0]) >= 2 and not re.search(r"/v\d+$|\.v\d+$", mod):
                v += "+incompatible"
        elif known.get(mod, "").endswith("-" + rev[:12]):
            v, how[mod] = known[mod], LOOKUP_VERSION
        elif (mod, rev) in times:
            v, how[mod] = f"v0.0.0-{times[(mod, rev)]}-{rev[:12]}", "commit time"
        if v:
            versions[mod] = v
        else:
            unresolved.append(f"{mod} {rev} {comment}".strip())

    # Every pinned version must exist on the proxy (a wrong time or tag fails here, not in a build).
    bad = []
    for mod, v in versions.items():
        r = subprocess.run(["go", "mod", "download", "-json", f"{mod}@{v}"], env=ENV,
                           stdout=subprocess.PIPE, text=True)
        if r.returncode != 0:
            bad.append(f"{mod}@{v}: {json.loads(r.stdout).get('Error', '?')}")
    if bad:
        sys.exit("gen-gomod: the proxy refuses:\n  " + "\n  ".join(bad))

    out = []
    w = out.append
    w(f"// Kubernetes {VERSION} as a Go module: generated by tools/k8s-builder-1.14/gen-gomod.py from the")
    w("// release's Godeps/Godeps.json; do not edit, change the generator's inputs and rerun it.")
    w("// build.sh copies this file (with go.sum) into the top of the release's source.")
    w("module k8s.io/kubernetes")
    w("")
    w("// Go 1.12 as in Godeps.json: the language version 1.14 was written for, and the oldest")
    w("// GODEBUG defaults this Go still offers.")
    w("go 1.12")
    w("")
    w("require (")
    for mod in sorted(set(versions) | set(fixes) | {"k8s.io/" + n for n in staging}):
        target = fixes.get(mod, (None,))[0]
        v = versions.get(mod) or (target.split()[1] if target and " " in target else "v0.0.0")
        w(f"\t{mod} {v}")
    w(")")
    w("")
    w("// Departures from the Godeps pins (from replacements.txt).")
    w("replace (")
    for mod, (target, reason) in sorted(fixes.items()):
        pinned = f"; Godeps pins {pins[mod][0][:12]}" if mod in pins else ""
        w(f"\t// {reason}{pinned}")
        w(f"\t{mod} => {target}")
    w(")")
    w("")
    w("// The staging repositories are part of the release's source.")
    w("replace (")
    for name in staging:
        w(f"\tk8s.io/{name} => ./staging/src/k8s.io/{name}")
    w(")")
    w("")
    w("// Every other module at its Godeps revision, pinned so that version selection cannot move it.")
    w("// The comment says where the version came from: its tag, 1.15.12's go.mod or its commit time.")
    w("replace (")
    for mod, v in sorted(versions.items()):
        if mod not in fixes:
            w(f"\t{mod} => {mod} {v} // {how[mod]}")
    w(")")
    if unresolved:
        w("")
        w("// Pinned in Godeps.json but left out: no version known here, and nothing build.sh compiles")
        w("// imports them (build.sh runs with -mod=readonly, so a missing module fails the build).")
        for u in unresolved:
            w(f"//   {u}")
    os.makedirs(os.path.join(HERE, "module"), exist_ok=True)
    with open(os.path.join(HERE, "module/go.mod"), "w") as f:
        f.write("\n".join(out) + "\n")
    print(f"gen-gomod: {len(versions)} pinned modules, {len(fixes)} replacements, "
          f"{len(staging)} staging modules, {len(unresolved)} left out")

    # go.sum: lay the module out in a scratch copy of the source and list what build.sh compiles.
    work = tempfile.mkdtemp(prefix="k8s-114-gen.")
    try:
        subprocess.run([os.path.join(HERE, "build.sh"), "--prepare", work], check=True,
                       env=dict(os.environ, KUBEYARD_SKIP_OPENAPI="1", KUBEYARD_NO_GOSUM="1"))
        for goos in ("linux", "windows"):
            errors = go("list", "-deps", "-e", "-f", "{{if .Error}}{{.ImportPath}}: {{.Error}}{{end}}",
                        *package_list(goos), cwd=work,
                        env=dict(ENV, GOOS=goos, CGO_ENABLED="1" if goos == "linux" else "0"))
            if errors.strip():
                sys.exit(f"gen-gomod: packages that do not resolve ({goos}):\n{errors}")
        # go list raises some requirements to what dependencies' go.mod files ask for (the replace
        # lines keep the code at the pins) and adds modules only dependencies' go.mod files name.
        # Keep its go.mod, but an added module must sit at its Godeps revision.
        required = {}
        for line in open(os.path.join(work, "go.mod")):
            m = re.match(r"\t(\S+) (v\S+)( // indirect)?$", line)
            if m:
                required[m.group(1)] = m.group(2)
        added = sorted(set(required) - set(versions) - set(fixes) - {"k8s.io/" + n for n in staging})
        for mod in added:
            rev = pins.get(mod, ("",))[0]
            if not rev or not required[mod].endswith("-" + rev[:12]):
                sys.exit(f"gen-gomod: go list added {mod} {required[mod]}, not at a Godeps pin")
            print(f"gen-gomod: go list added {mod} {required[mod]}, the Godeps revision")
        shutil.copy(os.path.join(work, "go.mod"), os.path.join(HERE, "module/go.mod"))
        shutil.copy(os.path.join(work, "go.sum"), os.path.join(HERE, "module/go.sum"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("gen-gomod: wrote module/go.mod and module/go.sum")


def package_list(goos):
    if goos == "windows":
        return ["./cmd/kubelet", "./cmd/kube-proxy", "./cmd/kubectl"]
    return ["./cmd/hyperkube", "k8s.io/kube-openapi/cmd/openapi-gen"]


if __name__ == "__main__":
    main()
