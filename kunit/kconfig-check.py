#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Check that every GPIOCLX symbol in Kconfig depends on 64BIT.

The headers in include/ are LP64 (ULONG_PTR, the WDK's structure layouts)
and the shim reads and writes 64-bit registers with readq()/writeq(), so
nothing here builds for a 32-bit kernel yet; Kconfig must say so.

A symbol passes if one of its "depends on" lines is a plain conjunction
(only "&&") with 64BIT as a term, or with a term naming a GPIOCLX symbol
that passes. Prints one line per failing symbol, then
"kconfig: N passed, M failed" (one test per GPIOCLX symbol); exits
non-zero if any failed or none was found.

Usage: kunit/kconfig-check.py [KCONFIG]   (default: the tree's Kconfig)
"""
import os
import re
import sys


def parse(path):
    """Map each config symbol to the list of its "depends on" expressions."""
    deps, sym = {}, None
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.split("#", 1)[0].strip()
            m = re.match(r"(?:menu)?config\s+(\w+)$", line)
            if m:
                sym = m.group(1)
                deps.setdefault(sym, [])
                continue
            if re.match(r"(menu|endmenu|if|endif|choice|endchoice|source|comment)\b", line):
                sym = None
                continue
            m = re.match(r"depends\s+on\s+(.+)$", line)
            if m and sym:
                deps[sym].append(m.group(1))
    return deps


def terms(expr):
    """The terms of a plain conjunction, or None if expr is anything else."""
    if "||" in expr or "!" in expr or "=" in expr:
        return None
    return {t.strip(" ()") for t in expr.split("&&")}


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "Kconfig")
    deps = parse(path)
    ours = sorted(s for s in deps if s.startswith("GPIOCLX"))

    good = set()
    changed = True
    while changed:
        changed = False
        for sym in ours:
            if sym in good:
                continue
            for expr in deps[sym]:
                t = terms(expr)
                if t and ("64BIT" in t or t & good):
                    good.add(sym)
                    changed = True
                    break

    for sym in ours:
        if sym not in good:
            print(f"{os.path.basename(path)}: {sym} does not depend on 64BIT")
    passed, failed = len(good), len(ours) - len(good)
    print(f"kconfig: {passed} passed, {failed} failed")
    return 0 if ours and not failed else 1


if __name__ == "__main__":
    sys.exit(main())
