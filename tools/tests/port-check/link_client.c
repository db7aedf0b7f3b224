// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * link_client.c - a client file that compiles but does not link: it calls
 * a helper that no file given to port-check defines and the shim does not
 * export (found in the object's undefined symbols). For "tools/wdk-api.py
 * self-test" only; comments name what port-check must report on their line.
 */
#include <ntddk.h>

NTSTATUS LinkHelperInAnotherFile(PVOID Registers); /* port-check: missing LinkHelperInAnotherFile */
NTSTATUS LinkStart(PVOID Registers)
{
	UCHAR Scratch[64];

	/* gcc may call memset() for this: the kernel exports it */
	RtlZeroMemory(Scratch, sizeof(Scratch));
	WRITE_REGISTER_UCHAR((PUCHAR)Registers, Scratch[3]);
	return LinkHelperInAnotherFile(Registers); /* port-check: missing LinkHelperInAnotherFile */
}
