#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# kunit/checkpatch.sh - the kernel's scripts/checkpatch.pl over every C
# source and header in the tree, from the cached linux-source tree that
# kunit/run.sh unpacks. Prints "checkpatch: N passed, M failed" (per file).
# Files are checked in parallel, and a file that passed is remembered by a
# hash of its contents, its ignores and checkpatch itself, so a warm run
# checks only what changed.
#
# Some files must look like Windows on purpose, and checkpatch is told so,
# per path, for exactly these reasons:
#   include/             the WDK's own names and declarations: typedef'd
#                        structs and function types, SAL annotations between
#                        a function type's name and its parameters, volatile
#                        register pointers, X-macros of the ABI table, macros
#                        that declare (DECLARE_UNICODE_STRING_SIZE) or define a
#                        function (WDF_DECLARE_CONTEXT_TYPE_WITH_NAME), and no
#                        kernel macros (the headers build outside a kernel)
#   drivers/*/ (client)  WDK-style typedef'd context structures
#   shim/gpioclx_mmio.c  the NT register accessors' volatile signatures
#   shim/gpioclx_compat.h  the one home of LINUX_VERSION_CODE
#   kunit/spb_kunit.c    WDF object context types, which the WDK's
#                        WDF_DECLARE_CONTEXT_TYPE* macros take as typedef names
#   userspace/           ordinary userspace C: no ARRAY_SIZE(); the hosted
#                        fake implements the volatile NT accessors and its
#                        test macros return from the test on failure
#   tools/tests/         port-check's test clients: WDK-style typedef'd
#                        context structures, and the comment that says what
#                        must be reported ends the line it is about
#   examples/acme-pl061/ the worked example of a third-party client (README,
#                        "Porting a GpioClx client"): written as Windows
#                        drivers are (4-space indents, "Name (" declarations,
#                        /*++ --*/ routine headers, braces on every block,
#                        typedef'd structures) because that is what a porter
#                        brings, and it builds unchanged; its Linux glue
#                        (*_linux.c) is checked in full
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/gpioclx-linux
# checkpatch's own copy of the scripts: kunit/run.sh may be unpacking (or
# removing) linux-source-6.1 itself at the same time in "make check".
CPDIR=$CACHE/checkpatch-6.1
CHECKPATCH=$CPDIR/linux-source-6.1/scripts/checkpatch.pl
if [ ! -x "$CHECKPATCH" ]; then
	rm -rf "$CPDIR"
	mkdir -p "$CPDIR"
	tar -xJf /usr/src/linux-source-6.1.tar.xz -C "$CPDIR" linux-source-6.1/scripts \
		linux-source-6.1/Documentation/dev-tools/checkpatch.rst 2>/dev/null ||
		tar -xJf /usr/src/linux-source-6.1.tar.xz -C "$CPDIR" linux-source-6.1/scripts
fi

ignores_for() {
	case "$1" in
	include/*)
		echo NEW_TYPEDEFS,SPACING,LINE_SPACING,VOLATILE,COMPLEX_MACRO,TRAILING_SEMICOLON,DO_WHILE_MACRO_WITH_TRAILING_SEMICOLON,PREFER_DEFINED_ATTRIBUTE_MACRO,MULTISTATEMENT_MACRO_USE_DO_WHILE,MACRO_WITH_FLOW_CONTROL ;;
	shim/gpioclx_mmio.c)
		echo VOLATILE ;;
	kunit/spb_kunit.c)
		echo NEW_TYPEDEFS ;;
	shim/gpioclx_compat.h)
		echo LINUX_VERSION_CODE ;;
	drivers/*/*_linux.c | drivers/*/*_hw.c | drivers/*/*_hw.h)
		echo "" ;;
	drivers/*)
		echo NEW_TYPEDEFS ;;
	userspace/*)
		echo ARRAY_SIZE,VOLATILE,MACRO_WITH_FLOW_CONTROL,SPACING ;;
	tools/tests/*)
		echo NEW_TYPEDEFS,LONG_LINE_COMMENT ;;
	examples/acme-pl061/*_linux.c)
		echo "" ;;
	examples/acme-pl061/*)
		echo NEW_TYPEDEFS,LEADING_SPACE,CODE_INDENT,SUSPECT_CODE_INDENT,SPACING,BRACES,BLOCK_COMMENT_STYLE ;;
	*)
		echo "" ;;
	esac
}

# check_one FILE: checkpatch's complaints about FILE (none: it passes).
check_one() {
	local f=$1 ignore
	ignore=$(ignores_for "$f")
	# the camelcase cache is checkpatch's, not ours: keep it out of the tree
	(cd /tmp && "$CHECKPATCH" --no-tree -q --terse --show-types \
		${ignore:+--ignore "$ignore"} -f "$ROOT/$f" 2>&1 | grep -v '^total:' || true)
}

if [ "${1:-}" = --one ]; then
	check_one "$2"
	exit 0
fi

cd "$ROOT"
PASSED_DIR=$CACHE/checkpatch-passed
mkdir -p "$PASSED_DIR"
find "$PASSED_DIR" -type f -mtime +30 -delete	# files long since edited
# what a verdict depends on: checkpatch and its data files, the file's
# path (rules differ by extension and directory), its ignores, its text
tool=$(cat "$CHECKPATCH" "$(dirname "$CHECKPATCH")"/{spelling.txt,const_structs.checkpatch} \
	2>/dev/null | sha256sum)
key_of() { { echo "$tool"; echo "$1"; ignores_for "$1"; cat "$1"; } | sha256sum | cut -c1-40; }

passed=0 failed=0 todo=()
for f in $(git ls-files '*.c' '*.h'); do
	key=$PASSED_DIR/$(key_of "$f")
	if [ -e "$key" ]; then
		touch "$key"
		passed=$((passed + 1))
	else
		todo+=("$f")
	fi
done

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
[ ${#todo[@]} -eq 0 ] || printf '%s\0' "${todo[@]}" |
	xargs -0 -P "$(nproc)" -I{} sh -c '"$1" --one "$2" > "$3/$(echo "$2" | tr / _)" 2>&1' \
		sh "$ROOT/kunit/checkpatch.sh" {} "$out"
for f in "${todo[@]}"; do
	res=$out/$(echo "$f" | tr / _)
	if [ -f "$res" ] && [ ! -s "$res" ]; then
		passed=$((passed + 1))
		: > "$PASSED_DIR/$(key_of "$f")"
	else
		sed "s|$ROOT/||g" "$res" 2>/dev/null || echo "$f: not checked"
		failed=$((failed + 1))
	fi
done
echo "checkpatch: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
