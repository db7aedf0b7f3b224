#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# apt-ensure.sh PACKAGE... - install the Debian packages that are missing,
# quietly; do nothing (and print nothing) when all are present. Used by the
# Makefile and the guest scripts so that a fresh Debian 12 machine needs no
# manual step. Needs root (or sudo) only when something is missing.
set -euo pipefail

missing=()
for pkg in "$@"; do
	status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
	[ "$status" = "install ok installed" ] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "apt-ensure: installing ${missing[*]}" >&2
SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
APT=(apt-get -o DPkg::Lock::Timeout=900 -y -q)
# A stale package index makes installs fail on a fresh machine; refresh once.
$SUDO "${APT[@]}" update >/dev/null || true
$SUDO "${APT[@]}" install --no-install-recommends "${missing[@]}" >/dev/null
