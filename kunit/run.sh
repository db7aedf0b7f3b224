#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# kunit/run.sh [--kernel 6.1|6.12] [ARCH...] - run the KUnit suites with
# kunit.py on Debian's linux-source of that series (default 6.1).
#
# The source is unpacked once into the cache, this tree is overlaid into it
# as drivers/gpio/gpioclx/ (rsync, so unchanged files keep their timestamps
# and a second run rebuilds only what changed), and kunit.py builds and
# boots it per architecture, each with its own build directory in the cache
# (kunit-<arch> for 6.1, kunit-<arch>-<series> for the others, "-san" added
# where kunit/sanitizers-<arch>[-<series>].config adds sanitizers):
#   um      UML, the fast path. UML has no preemption, so its kernel cannot
#           have CONFIG_DEBUG_ATOMIC_SLEEP; that line is dropped for it.
#           On 6.12 with KASAN and UBSAN; on 6.1 without (UML 6.1 cannot
#           build the whole kernel with UBSAN), the one fast run.
#   x86_64  the same suites in QEMU (TCG), with DEBUG_ATOMIC_SLEEP too, so
#           sleeping-in-atomic bugs are caught, and KASAN, UBSAN and
#           kmemleak, whose scan is the last suite (kmemleak_kunit.c).
# Default ARCH: um and x86_64 on 6.1, um on the others. One run per source
# tree at a time (a lock, shared with bench.sh, serialises them); runs on
# different series can overlap.
# A panic reboots at once (panic=-1), which ends the run: kunit.py reports
# the missing results as a crash instead of waiting for its timeout.
# Besides kunit.py's verdict, the kernel log is scanned for splats
# (lockdep, WARN, BUG, sleeping in atomic, KASAN, UBSAN): any is a failure.
# Prints "kunit(<arch>[-<series>]): N passed, M failed" per architecture.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/gpioclx-linux
SERIES=6.1
if [ "${1:-}" = --kernel ]; then
	SERIES=${2:?--kernel wants 6.1 or 6.12}
	shift 2
fi
case $SERIES in
6.1) SUFFIX= ARCHES=(um x86_64) ;;
6.12) SUFFIX=-$SERIES ARCHES=(um) ;;
*) echo "kunit: unknown kernel series '$SERIES' (want 6.1 or 6.12)" >&2; exit 64 ;;
esac
[ $# -eq 0 ] || ARCHES=("$@")
SRC=$CACHE/linux-source-$SERIES
JOBS=$(nproc)
tarball=/usr/src/linux-source-$SERIES.tar.xz
[ -f "$tarball" ] || "$ROOT/userspace/apt-ensure.sh" "linux-source-$SERIES"

mkdir -p "$CACHE"
exec 9>"$CACHE/linux-source-$SERIES.lock"	# bench.sh unpacks under it too
flock 9

# Unpack the kernel source once; the stamp names the tarball it came from.
stamp="$(stat -c '%s %Y' "$tarball")"
if [ ! -f "$SRC/.gpioclx-stamp" ] || [ "$(cat "$SRC/.gpioclx-stamp")" != "$stamp" ]; then
	echo "kunit: unpacking $tarball into $CACHE"
	rm -rf "$SRC"
	for arch in um x86_64; do rm -rf "$CACHE/kunit-$arch$SUFFIX" "$CACHE/kunit-$arch$SUFFIX-san"; done
	tar -xJf "$tarball" -C "$CACHE"
	echo "$stamp" > "$SRC/.gpioclx-stamp"
fi

# Overlay this tree and hook it into drivers/gpio once. Compare contents,
# not timestamps, and give copied files a fresh mtime: whatever tree was
# overlaid last (another checkout, an edit since reverted), make rebuilds
# exactly the files whose contents differ.
rsync -rlpD --checksum --delete --exclude '*.o' --exclude '*.ko' --exclude '.*.cmd' --exclude '*.mod*' \
	--exclude modules.order --exclude Module.symvers \
	"$ROOT/Makefile" "$ROOT/Kconfig" "$ROOT/include" "$ROOT/shim" "$ROOT/drivers" \
	"$ROOT/kunit" "$SRC/drivers/gpio/gpioclx/"
rm -f "$SRC/drivers/gpio/gpioclx/Kbuild"	# older trees had one; it would win
grep -q gpioclx "$SRC/drivers/gpio/Kconfig" ||
	sed -i '$i source "drivers/gpio/gpioclx/Kconfig"' "$SRC/drivers/gpio/Kconfig"
grep -q gpioclx "$SRC/drivers/gpio/Makefile" ||
	echo 'obj-y += gpioclx/' >> "$SRC/drivers/gpio/Makefile"

# KASAN reports are "BUG: KASAN: ...", UBSAN's "UBSAN: ...". Leaks are the
# kmemleak suite's to judge: the boot leaves reports of its own.
splats='WARNING:|BUG:|Oops|possible recursive locking|inconsistent lock state|possible circular locking|sleeping function called from invalid context|suspicious RCU usage|Call Trace|UBSAN:|memory leak detector disabled'
rc=0
for arch in "${ARCHES[@]}"; do
	build=$CACHE/kunit-$arch$SUFFIX
	config=$CACHE/kunitconfig-$arch$SUFFIX
	# Sanitizers change every object's flags: a build dir of their own,
	# so that a run without them does not force a full rebuild.
	sanitizers=$ROOT/kunit/sanitizers-$arch$SUFFIX.config
	if [ -f "$sanitizers" ]; then
		build+=-san
		config+=-san
	fi
	json=$build/results.json
	args=()
	if [ "$arch" = um ]; then
		grep -v '^CONFIG_DEBUG_ATOMIC_SLEEP=' "$ROOT/kunit/.kunitconfig" > "$config"
		# kunit.py's UML config has virtio-PCI, which WARNs at boot
		# unless it has a device id to look for; give it one
		echo CONFIG_UML_PCI_OVER_VIRTIO_DEVICE_ID=1234 >> "$config"
	else
		cp "$ROOT/kunit/.kunitconfig" "$config"
		args+=(--arch="$arch")
	fi
	[ ! -f "$sanitizers" ] || cat "$sanitizers" >> "$config"
	# each leak with its backtrace in the log, not only their number
	! grep -q '^CONFIG_DEBUG_KMEMLEAK=y' "$config" || args+=(--kernel_args=kmemleak.verbose=1)
	echo "kunit: $arch, linux-source-$SERIES (build dir $build)"
	mkdir -p "$build"
	rm -f "$json"
	set +e
	(cd "$SRC" && python3 tools/testing/kunit/kunit.py run --kunitconfig="$config" \
		--build_dir="$build" --jobs="$JOBS" --timeout=600 --json="$json" \
		--kernel_args=kunit.stats_enabled=2 --kernel_args=panic=-1 "${args[@]}" </dev/null)
	status=$?
	set -e
	passed=0 failed=0
	if [ -s "$json" ]; then
		read -r passed failed < <(python3 "$ROOT/kunit/count-json.py" "$json")
	fi
	if grep -E -q "$splats" "$build/test.log" 2>/dev/null; then
		echo "kunit($arch$SUFFIX): kernel log has splats:"
		grep -E -n -A12 "$splats" "$build/test.log" | head -60
		failed=$((failed + 1))
	fi
	if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
		failed=1	# build error, crash or no test ran
	fi
	echo "kunit($arch$SUFFIX): $passed passed, $failed failed"
	[ "$failed" -eq 0 ] || rc=1
done
exit $rc
