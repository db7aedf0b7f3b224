#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# kunit/exports-check.sh SYMVERS... - every symbol gpioclx.ko exports is in
# the GPIOCLX namespace (the Windows names it exports must not land in the
# kernel's global one). Reads the Module.symvers of module builds; one
# check per exported symbol. Prints "exports: N passed, M failed".
set -euo pipefail

pass=0 fail=0
for symvers in "$@"; do
	while IFS=$'\t' read -r _crc sym module _type ns; do
		case "$module" in */shim/gpioclx) ;; *) continue ;; esac
		if [ "$ns" = GPIOCLX ]; then
			pass=$((pass + 1))
		else
			echo "FAIL $sym (${symvers}): namespace '${ns}', want GPIOCLX"
			fail=$((fail + 1))
		fi
	done < "$symvers"
done
echo "exports: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
