#!/usr/bin/env bash
# Installs the Debian packages whose marker is missing, with one apt-get run.
#
#   scripts/ensure-system-packages.sh MARKER=PACKAGE[,PACKAGE…] …
#
# A MARKER is an absolute path that the package installs, or a command name looked up in PATH.
set -euo pipefail

missing=()
for spec in "$@"; do
  marker=${spec%%=*}
  packages=${spec#*=}
  if [[ $marker == /* ]]; then [[ -e $marker ]] && continue; else command -v "$marker" >/dev/null && continue; fi
  IFS=, read -r -a names <<<"$packages"
  missing+=("${names[@]}")
done
((${#missing[@]})) || exit 0

sudo=""
[[ "$(id -u)" -eq 0 ]] || sudo=sudo
echo "Installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
