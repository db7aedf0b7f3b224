/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * pca9555.h - the PCA9555 GpioClx client's context and its SPB helpers
 * (pca9555_spb.c), shared by the callbacks in pca9555_gpio.c.
 */
#ifndef PCA9555_H
#define PCA9555_H

#include <ntddk.h>
#include <wdf.h>
#include <gpioclx.h>

#include "pca9555_regs.h"

/*
 * The controller context GpioClx allocates (ControllerContextSize). The
 * expander cannot be read back cheaply and has no interrupt registers, so
 * the client keeps shadows of what it wrote and emulates per-pin interrupt
 * enables, masks and edges from the last input port it read.
 */
typedef struct _PCA9555_CONTEXT {
	WDFDEVICE Device;
	WDFIOTARGET SpbIoTarget;
	WDFREQUEST SpbRequest;
	LARGE_INTEGER SpbConnectionId;

	USHORT Output;		/* output port registers, as last written or read */
	USHORT Config;		/* configuration registers: 1 = input */
	USHORT Latched;		/* input port as last read */

	USHORT IntEnabled;	/* EnableInterrupt done */
	USHORT IntMasked;	/* MaskInterrupts done, no Unmask since */
	USHORT IntRising;	/* report 0 -> 1 changes */
	USHORT IntFalling;	/* report 1 -> 0 changes */
	USHORT IntPending;	/* edges seen and not yet cleared */
} PCA9555_CONTEXT, *PPCA9555_CONTEXT;

NTSTATUS Pca9555SpbOpen(_In_ PPCA9555_CONTEXT Context);
VOID Pca9555SpbClose(_In_ PPCA9555_CONTEXT Context);
NTSTATUS Pca9555ReadRegisters(_In_ PPCA9555_CONTEXT Context, _In_ UCHAR Register,
			      _Out_writes_(Count) PUCHAR Data, _In_ ULONG Count);
NTSTATUS Pca9555WriteRegisters(_In_ PPCA9555_CONTEXT Context, _In_ UCHAR Register,
			       const UCHAR *Data, _In_ ULONG Count);

#endif /* PCA9555_H */
