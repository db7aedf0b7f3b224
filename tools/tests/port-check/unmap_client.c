// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * unmap_client.c - for "tools/wdk-api.py self-test" only, which checks it
 * against a copy of the tree whose shim no longer exports MmUnmapIoSpace:
 * still declared by include/, so it compiles, but a module would not link.
 * Comments name what port-check must report there on their line.
 */
#include <ntddk.h>

VOID UnmapRelease(PVOID Registers, SIZE_T Length);

VOID UnmapRelease(PVOID Registers, SIZE_T Length)
{
	if (Registers)
		MmUnmapIoSpace(Registers, Length); /* port-check: missing MmUnmapIoSpace */
}
