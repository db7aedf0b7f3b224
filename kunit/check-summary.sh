#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# kunit/check-summary.sh RESULTS_DIR - the closing line of "make check".
#
# Each step of "make check" left RESULTS_DIR/<step>.log and a line
# "<step> <exit status> <seconds>" in RESULTS_DIR/status (in the order
# the steps ended; the table is sorted by name). A step that reports counts
# prints lines "<name>: N passed, M failed"; those are summed. A step that
# reports none (a build) counts as one test: passed if it exited 0. A step
# that failed without reporting a failure counts one more failure, so a
# crash or a build error can never pass. Prints "N passed, M failed" and
# exits non-zero if anything failed or nothing ran.
set -euo pipefail

dir=$1
total_pass=0 total_fail=0
while read -r step status secs; do
	log=$dir/$step.log
	counts=$(grep -E '^[A-Za-z0-9_.()/ -]+: [0-9]+ passed, [0-9]+ failed$' "$log" || true)
	if [ -z "$counts" ]; then
		if [ "$status" -eq 0 ]; then p=1 f=0; else p=0 f=1; fi
	else
		p=$(echo "$counts" | awk '{ s += $(NF-3) } END { print s }')
		f=$(echo "$counts" | awk '{ s += $(NF-1) } END { print s }')
		[ "$status" -eq 0 ] || [ "$f" -gt 0 ] || f=1
	fi
	printf '  %-16s %5d passed, %3d failed %5ss%s\n' "$step" "$p" "$f" "${secs:-?}" \
		"$([ "$status" -eq 0 ] || echo " (exit $status, log: $log)")"
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
done < <(sort "$dir/status")

echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ] && [ "$total_pass" -gt 0 ]
