#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Count passed and failed test cases in kunit.py's --json output.

Prints "PASSED FAILED". Parameterised cases count once per parameter; a
crashed or errored case counts as failed; skipped cases count as neither.
"""
import json
import sys


def walk(node, counts):
    cases = node.get("test_cases", [])
    for case in cases:
        status = case.get("status", "")
        if case.get("test_cases"):
            walk(case, counts)
        elif status == "PASS":
            counts[0] += 1
        elif status != "SKIP":
            counts[1] += 1
    for sub in node.get("sub_groups", []):
        walk(sub, counts)


def main():
    with open(sys.argv[1]) as f:
        data = json.load(f)
    counts = [0, 0]
    walk(data, counts)
    print(counts[0], counts[1])


if __name__ == "__main__":
    main()
