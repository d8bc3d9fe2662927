#!/usr/bin/env bash
# Installs the Debian packages Truthline needs, when they are missing.
#   scripts/install-deps.sh run    PixelMed only (enough to start the application)
#   scripts/install-deps.sh test   PixelMed, Chromium and its driver, and the DICOM peers the tests use
set -euo pipefail

purpose=${1:-run}
packages=(libpixelmed-java libpixelmed-imageio-java)
if [ "$purpose" = test ]; then
  packages+=(chromium chromium-driver dcmtk dicom3tools libopenjp2-tools orthanc orthanc-dicomweb curl ca-certificates)
fi
if ! command -v java >/dev/null 2>&1; then
  packages+=(openjdk-17-jdk-headless)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

# The OHIF Viewer, a DICOMweb client, for OhifViewerBrowserTest: the prebuilt viewer published on npm as
# @ohif/app, checked against the registry's SHA-512 and unpacked into ~/.cache/truthline. Without it that test is
# skipped with its reason, and a failed download does not stop the other tests.
fetch_ohif() {
  local version=3.13.2
  local integrity=WZdxmpmG7rqFgW9ZJLcbgr3XCtLi1KDNPoMaeY5PPe6j4G4fjEjjkycZM6C6Zk2F87BKxFfpq+jd5xXZB9E8EA==
  local cache=${XDG_CACHE_HOME:-$HOME/.cache}/truthline
  local target=$cache/ohif-app-$version
  [ -f "$target/package/dist/index.html" ] && return 0
  mkdir -p "$cache"
  local tarball
  tarball=$(mktemp "$cache/ohif-app-$version.XXXXXX.tgz")
  echo "Downloading the OHIF Viewer $version from the npm registry for the DICOMweb viewer test"
  if ! curl -fsSL --retry 3 -o "$tarball" "https://registry.npmjs.org/@ohif/app/-/app-$version.tgz"; then
    echo "Could not download @ohif/app $version; OhifViewerBrowserTest will be skipped." >&2
    rm -f "$tarball"
    return 0
  fi
  if [ "$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)" != "$integrity" ]; then
    echo "@ohif/app $version does not match the registry's SHA-512; not unpacking it." >&2
    rm -f "$tarball"
    return 0
  fi
  rm -rf "$target.part" && mkdir -p "$target.part"
  tar -xzf "$tarball" -C "$target.part" && rm -rf "$target" && mv "$target.part" "$target"
  rm -f "$tarball"
}

if [ ${#missing[@]} -eq 0 ]; then
  if [ "$purpose" = test ]; then fetch_ohif; fi
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo)
else
  echo "Truthline needs these Debian packages, which are not installed: ${missing[*]}" >&2
  echo "This user cannot install them (not root, no password-less sudo). Ask an administrator to run:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  echo "then run this command again." >&2
  exit 1
fi

echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -q
# Orthanc's package would start a system service; the tests start their own Orthanc on loopback instead.
policy=/usr/sbin/policy-rc.d
created_policy=false
if [[ " ${missing[*]} " == *" orthanc"* ]] && [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | "${as_root[@]}" tee "$policy" >/dev/null
  "${as_root[@]}" chmod +x "$policy"
  created_policy=true
fi
"${as_root[@]}" apt-get install -y -q "${missing[@]}"
if $created_policy; then
  "${as_root[@]}" rm -f "$policy"
fi
if [ "$purpose" = test ]; then
  fetch_ohif
fi
