#!/usr/bin/python3
"""PowerShellStandIn: NOT PowerShell. A test stand-in that sshd runs as a ForceCommand in place of
Windows OpenSSH + cmd.exe + powershell.exe. It accepts only the command line Kubeyard sends to a
Windows host (powershell ... -EncodedCommand <base64 of UTF-16LE>), decodes the script, records it,
and carries out the few script shapes PowerShellOverSsh writes, as this Linux machine can: drive C:
is the folder <root>/C, a service is a file under <root>/services holding its state. Any other
script is refused (exit 127), so a change of shape fails the test instead of passing unseen.

Usage (sshd_config): ForceCommand /usr/bin/python3 PowerShellStandIn.py <root>
"""
import base64, fcntl, hashlib, os, re, signal, sys, time

PREFIX = "powershell -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand "
ROOT = sys.argv[1]
SQ = "'\u2018\u2019\u201a\u201b"  # PowerShell ends a single-quoted string at any of these
Q = r"'(?:[^%s]|[%s]{2})*'" % (SQ, SQ)  # one single-quoted PowerShell string


def unquote(q):
    return re.sub("([%s])\\1" % SQ, r"\1", q[1:-1])


def words(text):
    return [unquote(m) for m in re.findall(Q, text)]


def local(path):
    path = path.replace("\\", "/")
    m = re.fullmatch(r"([A-Za-z]):(/.*)", path)
    if not m:
        raise SystemExit(refuse("not a Windows absolute path: " + path))
    return os.path.join(ROOT, m.group(1).upper() + m.group(2))


def record(name, text):
    with open(os.path.join(ROOT, name), "a") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        f.write(text)


def refuse(why):
    print("PowerShellStandIn: " + why, file=sys.stderr)
    return 127


def sha256(path):
    try:
        with open(path, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()
    except OSError:
        return None


def service_file(name):
    return os.path.join(ROOT, "services", name)


def service_state(name):
    try:
        with open(service_file(name)) as f:
            return f.read().split()[0]
    except OSError:
        return None


def set_service(name, state, startup=None):
    os.makedirs(os.path.join(ROOT, "services"), exist_ok=True)
    old = open(service_file(name)).read().split() if os.path.exists(service_file(name)) else [state, "Manual"]
    with open(service_file(name), "w") as f:
        f.write(state + " " + (startup or old[1]) + "\n")


def condition(c):
    m = re.fullmatch(r"\(\(Get-FileHash -Algorithm SHA256 -LiteralPath (" + Q + r") -ErrorAction SilentlyContinue\)\.Hash -eq '([0-9a-fA-F]{64})'\)", c)
    if m:
        return sha256(local(unquote(m.group(1)))) == m.group(2).lower()
    m = re.fullmatch(r"\(\(Get-Service -Name (" + Q + r") -ErrorAction SilentlyContinue\)\.Status -eq 'Running'\)", c)
    if m:
        return service_state(unquote(m.group(1))) == "Running"
    raise SystemExit(refuse("unknown condition: " + c))


UPLOAD = re.compile(r"""\$ErrorActionPreference = 'Stop'
\$temp = (?P<temp>%(Q)s)
try \{
  New-Item -ItemType Directory -Force -Path (?P<dir>%(Q)s) \| Out-Null
  \$out = \[IO\.File\]::Create\(\$temp\)
  try \{ \[Console\]::OpenStandardInput\(\)\.CopyTo\(\$out\) \} finally \{ \$out\.Close\(\) \}
\} catch \{
  Write-Output "cannot write \$\{temp\}: \$_"
  Remove-Item -LiteralPath \$temp -Force -ErrorAction SilentlyContinue
  exit 98
\}
\$found = \(Get-FileHash -Algorithm SHA256 -LiteralPath \$temp\)\.Hash\.ToLowerInvariant\(\)
if \(\$found -ne '(?P<sha>[0-9a-f]{64})'\) \{
  Write-Output "sha256 mismatch: expected (?P=sha), found \$found"
(?P<keep>  Write-Output "kept \$\{temp\} \(--retain\)"|  Remove-Item -LiteralPath \$temp -Force)
  exit 97
\}
Move-Item -LiteralPath \$temp -Destination (?P<target>%(Q)s) -Force""" % {"Q": Q})


def upload(m):
    temp = local(unquote(m["temp"]))
    os.makedirs(local(unquote(m["dir"])), exist_ok=True)
    with open(temp, "wb") as f:
        f.write(sys.stdin.buffer.read())
    found = sha256(temp)
    if found != m["sha"]:
        print("sha256 mismatch: expected %s, found %s" % (m["sha"], found))
        if "kept" in m["keep"]:
            print("kept %s (--retain)" % unquote(m["temp"]))
        else:
            os.remove(temp)
        return 97
    os.replace(temp, local(unquote(m["target"])))
    return 0


def check(m):
    return 0 if all(condition(c) for c in m.group(1).split(" -and\n  ")) else 1


def foreach_service(m, state, startup):
    for s in words(m.group(1)):
        set_service(s, state, startup)
    return 0


def print_hashes(m):
    for p in words(m.group(1)):
        h = sha256(local(p))
        if h:
            print(h + "  " + p)
    return 0


def none_left(m):
    for line in m.group(0).split("\n")[:-1]:
        lm = re.fullmatch(r"foreach \(\$f in (.+)\) \{ if \(Test-Path -LiteralPath \$f\) \{ exit 1 \} \}", line)
        if lm and any(os.path.exists(local(p)) for p in words(lm.group(1))):
            return 1
        sm = re.fullmatch(r"foreach \(\$s in (.+)\) \{ if \(\(Get-Service -Name \$s -ErrorAction SilentlyContinue\)\.Status -eq 'Running'\) \{ exit 1 \} \}", line)
        if sm and any(service_state(s) == "Running" for s in words(sm.group(1))):
            return 1
        if not lm and not sm:
            raise SystemExit(refuse("unknown line: " + line))
    return 0


def stop_and_remove(m):
    if m["services"]:
        foreach_service(re.match(r"foreach \(\$s in (.+?)\) \{", m["services"]), "Stopped", "Disabled")
    return remove(m["files"]) if m["files"] else 0


def remove(listed):
    for p in words(listed):
        try:
            os.remove(local(p))
        except FileNotFoundError:
            pass
    return 0


def run_script(m):
    path = unquote(m.group(1))
    if not os.path.isfile(local(path)):
        print("The term '%s' is not recognized as a name of a cmdlet, function, script file, or executable program." % path)
        return 1
    record("ran.log", path + "\n")  # the stand-in records the call; it does not run PowerShell
    return 0


def stop_tree(m):
    pid = int(m.group(1))
    try:
        os.killpg(os.getpgid(pid), signal.SIGKILL)
    except ProcessLookupError:
        pass
    return 0


def sleep(m):
    time.sleep(int(m.group(1)))
    return 0


LIST = r"((?:%s)(?:,%s)*)" % (Q, Q)
SHAPES = [
    (UPLOAD, upload),
    (re.compile(r"if \(\n  (.+)\n\) \{ exit 0 \} else \{ exit 1 \}", re.S), check),
    (re.compile(r"exit 1"), lambda m: 1),
    (re.compile(r"& (%s)" % Q), run_script),
    (re.compile(r"foreach \(\$s in %s\) \{\n  Set-Service -Name \$s -StartupType Automatic\n  Restart-Service -Name \$s -Force\n\}" % LIST),
     lambda m: foreach_service(m, "Running", "Automatic")),
    (re.compile(r"Remove-Item -LiteralPath %s -Force -ErrorAction SilentlyContinue\nexit 0" % LIST), lambda m: remove(m.group(1))),
    (re.compile(r"foreach \(\$p in %s\) \{\n  \$h = Get-FileHash -Algorithm SHA256 -LiteralPath \$p -ErrorAction SilentlyContinue\n"
                r"  if \(\$h\) \{ \$h\.Hash\.ToLowerInvariant\(\) \+ '  ' \+ \$p \}\n\}\nexit 0" % LIST), print_hashes),
    (re.compile(r"(?:foreach \(\$[fs] in .+\n)+exit 0"), none_left),
    (re.compile(r"(?P<services>foreach \(\$s in %s\) \{\n  Stop-Service -Name \$s -Force -ErrorAction SilentlyContinue\n"
                r"  Set-Service -Name \$s -StartupType Disabled -ErrorAction SilentlyContinue\n\}\n)?"
                r"(?:Remove-Item -LiteralPath (?P<files>%s) -Force -ErrorAction SilentlyContinue\n)?exit 0" % (LIST, LIST)), stop_and_remove),
    (re.compile(r"taskkill /T /F /PID (\d+) \| Out-Null\nexit 0"), stop_tree),
    (re.compile(r"Start-Sleep -Seconds (\d+)"), sleep),
]


def main():
    line = os.environ.get("SSH_ORIGINAL_COMMAND", "")
    if not line.startswith(PREFIX):
        record("received.log", "#### refused command line\n" + line + "\n")
        print("'%s' is not recognized as an internal or external command,\noperable program or batch file." % line.split(" ")[0])
        return 1
    script = base64.b64decode(line[len(PREFIX):]).decode("utf-16-le")
    record("received.log", "#### script\n" + script + "\n")
    lines = script.split("\n")
    if lines[0] == "[Console]::Error.WriteLine('kubeyard-pid ' + $PID)":
        sys.stderr.write("kubeyard-pid %d\n" % os.getpid())
        sys.stderr.flush()
        lines = lines[1:]
    while lines and re.fullmatch(r"\$env:\w+ = " + Q, lines[0]):
        name, value = re.fullmatch(r"\$env:(\w+) = (" + Q + ")", lines[0]).groups()
        os.environ[name] = unquote(value)
        lines = lines[1:]
    body = "\n".join(lines)
    for shape, act in SHAPES:
        m = shape.fullmatch(body)
        if m:
            code = act(m)
            sys.stdout.flush()
            return code
    return refuse("a script of unknown shape:\n" + body)


if __name__ == "__main__":
    sys.exit(main())
