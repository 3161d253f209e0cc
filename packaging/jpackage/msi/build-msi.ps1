# Builds the Kubeyard MSI on Windows: JDK 17's jpackage drives WiX 3 (candle.exe and light.exe must
# be on PATH; GitHub's windows-2022 runners have WiX 3.14). WiX does not exist on Linux, so the MSI
# cannot be built on the Debian build machine; .github/workflows/msi.yml builds it in CI.
#   pwsh packaging/jpackage/msi/build-msi.ps1     -> packaging/jpackage/msi/target/Kubeyard-0.1.0.msi
$ErrorActionPreference = "Stop"
$here = $PSScriptRoot
$root = (Resolve-Path "$here\..\..\..").Path
$out = "$here\target"

mvn -B -ntp -q -f "$root\pom.xml" -pl desktop -am package -DskipTests
if ($LASTEXITCODE -ne 0) { throw "maven build failed" }

Remove-Item -Recurse -Force $out -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force "$out\input" | Out-Null
Copy-Item "$root\desktop\target\kubeyard-desktop-*.jar" "$out\input"
Copy-Item "$root\desktop\target\lib\*.jar" "$out\input"
$mainJar = (Get-ChildItem "$root\desktop\target\kubeyard-desktop-*.jar" | Select-Object -First 1).Name

jpackage "@$here\jpackage-msi.args" --input "$out\input" --main-jar $mainJar --dest $out
if ($LASTEXITCODE -ne 0) { throw "jpackage failed" }
Get-ChildItem "$out\*.msi"
