# shellcheck shell=bash
# Helpers shared by the host-side guest scripts (sourced, not run).
# Everything here prints to stderr: stdout of the callers is reserved for
# their documented, machine-readable output.

# Heavy caches (debs, extracted kernels, run logs) live outside the repo.
GPIOCLX_CACHE=${GPIOCLX_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gpioclx-linux}

# Same apt behaviour everywhere: never prompt, wait for other apt users.
export DEBIAN_FRONTEND=noninteractive
APT_GET=(apt-get -o DPkg::Lock::Timeout=900 -q)

msg() { printf '%s: %s\n' "${0##*/}" "$*" >&2; }
die() { msg "error: $*"; exit 1; }

# check_arch ARCH: the only guest architectures we know how to boot.
check_arch() {
	case $1 in
	amd64 | arm64) ;;
	*) die "unknown arch '$1' (want amd64 or arm64)" ;;
	esac
}

# Debian multiarch triplet of a guest arch (library directory names).
arch_triplet() {
	case $1 in
	amd64) echo x86_64-linux-gnu ;;
	arm64) echo aarch64-linux-gnu ;;
	esac
}

# apt_update: apt-get update, retried because another job may hold the
# lists lock or be changing the foreign architectures at the same moment
# ("package cache was built for different architectures").
apt_update() {
	local i
	for i in 1 2 3 4 5; do
		"${APT_GET[@]}" -qq update >&2 && return 0
		msg "apt-get update failed (try $i), retrying"
		sleep $((i * 3))
	done
	die "apt-get update keeps failing"
}

# missing_pkgs PKG...: print those not installed (dpkg-query is ~10 ms,
# so the "all present" case costs nothing).
missing_pkgs() {
	local p st
	for p in "$@"; do
		st=$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)
		[[ $st == ii* ]] || echo "$p"
	done
}

# ensure_pkgs PKG...: apt-get install only what is missing.
ensure_pkgs() {
	local miss
	miss=$(missing_pkgs "$@")
	[ -z "$miss" ] && return 0
	msg "installing: $(echo "$miss" | tr '\n' ' ')"
	# shellcheck disable=SC2086 # one package name per word
	"${APT_GET[@]}" -qq -y install --no-install-recommends $miss >/dev/null ||
		{ apt_update && "${APT_GET[@]}" -qq -y install --no-install-recommends $miss >/dev/null; } ||
		die "apt-get install failed: $miss"
}

# ensure_foreign_arch ARCH: multiarch lists are needed to resolve and
# download another architecture's packages (we never install them).
ensure_foreign_arch() {
	[ "$1" = "$(dpkg --print-architecture)" ] && return 0
	dpkg --print-foreign-architectures | grep -qx "$1" && return 0
	msg "adding dpkg foreign architecture $1"
	dpkg --add-architecture "$1"
	apt_update
}

# apt_download DIR PKG...: fetch .debs into DIR; fails if apt does.  apt
# drops privileges to _apt for downloads; a world-writable dir avoids the
# "unsandboxed" warning.
apt_download() {
	local dir=$1 out rc=0
	shift
	mkdir -p "$dir"
	chmod 777 "$dir"
	out=$(cd "$dir" && "${APT_GET[@]}" download "$@" 2>&1) || rc=$?
	[ $rc -eq 0 ] || printf '%s\n' "$out" | grep -v -e unsandboxed -e '^Get:' -e '^Fetched' >&2
	return $rc
}

# with_lock FILE CMD...: serialise cache writers (two e2e runs at once).
with_lock() {
	local lock=$1
	shift
	mkdir -p "$(dirname "$lock")"
	(
		flock -w 900 9 || die "timed out waiting for $lock"
		"$@"
	) 9>"$lock"
}

# use_ccache: compile through ccache from here on, with its cache under
# ours. The DKMS and package checks build the same sources for every
# kernel on every run; ccache hands back the same objects gcc made last
# time for the same preprocessed input and flags, so a warm check spends
# its time on DKMS and dpkg, not on gcc. Children (dkms, dpkg's
# maintainer scripts) inherit it through PATH.
use_ccache() {
	ensure_pkgs ccache
	export PATH=/usr/lib/ccache:$PATH
	export CCACHE_DIR=$GPIOCLX_CACHE/ccache
}
