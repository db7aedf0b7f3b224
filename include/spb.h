/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * spb.h - the simple peripheral bus (SPB) request interface a peripheral
 * driver sends to its bus controller: transfer lists for
 * IOCTL_SPB_EXECUTE_SEQUENCE and IOCTL_SPB_FULL_DUPLEX, and the controller
 * lock IOCTLs. Names, values and LP64 layout as in the WDK's spb.h.
 *
 * gpioclx-api: SPB_TRANSFER_LIST, SPB_TRANSFER_LIST_ENTRY, SPB_TRANSFER_BUFFER,
 *	SPB_TRANSFER_BUFFER_LIST_ENTRY, SPB_TRANSFER_LIST_AND_ENTRIES, SPB_TRANSFER_LIST_INIT,
 *	SPB_TRANSFER_LIST_ENTRY_INIT_SIMPLE, SPB_TRANSFER_LIST_ENTRY_INIT_NON_PAGED;
 *	linux: one i2c_msg per entry (gpioclx_spb_i2c.c)
 * gpioclx-api: SPB_TRANSFER_LIST_ENTRY_INIT_BUFFER_LIST, SPB_TRANSFER_LIST_ENTRY_INIT_MDL;
 *	partly: a sequence with one fails with STATUS_NOT_SUPPORTED
 */
#ifndef GPIOCLX_SPB_H
#define GPIOCLX_SPB_H

#include "ntddk.h"

/*
 * gpioclx-api: IOCTL_SPB_EXECUTE_SEQUENCE; linux: i2c_transfer(), one message per entry
 *	(repeated starts), or SMBus calls on an adapter without I2C_FUNC_I2C
 * gpioclx-api: IOCTL_SPB_LOCK_CONTROLLER, IOCTL_SPB_UNLOCK_CONTROLLER; linux:
 *	i2c_lock_bus()/i2c_unlock_bus(I2C_LOCK_SEGMENT), and __i2c_transfer() while locked
 * gpioclx-api: IOCTL_SPB_FULL_DUPLEX, IOCTL_SPB_LOCK_CONNECTION, IOCTL_SPB_UNLOCK_CONNECTION;
 *	not: STATUS_NOT_SUPPORTED (I2C is half duplex; a connection is never shared)
 */
typedef enum SpbIoctl {
	IOCTL_SPB_LOCK_CONTROLLER = CTL_CODE(FILE_DEVICE_CONTROLLER, 0x600, METHOD_BUFFERED,
					     FILE_ANY_ACCESS),
	IOCTL_SPB_UNLOCK_CONTROLLER = CTL_CODE(FILE_DEVICE_CONTROLLER, 0x601, METHOD_BUFFERED,
					       FILE_ANY_ACCESS),
	IOCTL_SPB_EXECUTE_SEQUENCE = CTL_CODE(FILE_DEVICE_CONTROLLER, 0x602, METHOD_BUFFERED,
					      FILE_ANY_ACCESS),
	IOCTL_SPB_LOCK_CONNECTION = CTL_CODE(FILE_DEVICE_CONTROLLER, 0x603, METHOD_BUFFERED,
					     FILE_ANY_ACCESS),
	IOCTL_SPB_UNLOCK_CONNECTION = CTL_CODE(FILE_DEVICE_CONTROLLER, 0x604, METHOD_BUFFERED,
					       FILE_ANY_ACCESS),
	IOCTL_SPB_FULL_DUPLEX = CTL_CODE(FILE_DEVICE_CONTROLLER, 0x605, METHOD_BUFFERED,
					 FILE_ANY_ACCESS),
} SpbIoctl, *PSpbIoctl;

typedef enum SPB_TRANSFER_DIRECTION {
	SpbTransferDirectionNone,
	SpbTransferDirectionFromDevice,
	SpbTransferDirectionToDevice,
	SpbTransferDirectionMax,
} SPB_TRANSFER_DIRECTION, *PSPB_TRANSFER_DIRECTION;

typedef enum SPB_TRANSFER_BUFFER_FORMAT {
	SpbTransferBufferFormatInvalid,
	SpbTransferBufferFormatSimple,
	SpbTransferBufferFormatList,
	SpbTransferBufferFormatSimpleNonPaged,
	SpbTransferBufferFormatMdl,
	SpbTransferBufferFormatMax,
} SPB_TRANSFER_BUFFER_FORMAT, *PSPB_TRANSFER_BUFFER_FORMAT;

typedef struct SPB_TRANSFER_BUFFER_LIST_ENTRY {
	PVOID Buffer;
	ULONG BufferCb;
} SPB_TRANSFER_BUFFER_LIST_ENTRY, *PSPB_TRANSFER_BUFFER_LIST_ENTRY;

typedef struct SPB_TRANSFER_BUFFER {
	SPB_TRANSFER_BUFFER_FORMAT Format;
	union {
		SPB_TRANSFER_BUFFER_LIST_ENTRY Simple;
		struct {
			PSPB_TRANSFER_BUFFER_LIST_ENTRY List;
			ULONG ListCe;
		} BufferList;
		PMDL Mdl;
	};
} SPB_TRANSFER_BUFFER, *PSPB_TRANSFER_BUFFER;

typedef struct SPB_TRANSFER_LIST_ENTRY {
	SPB_TRANSFER_DIRECTION Direction;
	ULONG DelayInUs;
	SPB_TRANSFER_BUFFER Buffer;
} SPB_TRANSFER_LIST_ENTRY, *PSPB_TRANSFER_LIST_ENTRY;

/*
 * The WDK declares Transfers[ANYSIZE_ARRAY], and callers index past it
 * (SPB_TRANSFER_LIST_AND_ENTRIES). Here Transfers is a flexible array laid
 * over one entry's room: the WDK's size and offsets, and an array whose
 * length bounds checkers (UBSAN_BOUNDS; FORTIFY_SOURCE, which treats a
 * trailing [1] as one element under -fstrict-flex-arrays) do not assume.
 */
typedef struct SPB_TRANSFER_LIST {
	ULONG Size;
	ULONG Reserved;
	ULONG TransferCount;
	union {
		SPB_TRANSFER_LIST_ENTRY TransferRoom;
		struct {
			struct { } TransfersStart;
			SPB_TRANSFER_LIST_ENTRY Transfers[];
		};
	};
} SPB_TRANSFER_LIST, *PSPB_TRANSFER_LIST;

/* A transfer list with room for n entries, on the stack. */
#define SPB_TRANSFER_LIST_AND_ENTRIES(n) \
	struct { \
		SPB_TRANSFER_LIST List; \
		SPB_TRANSFER_LIST_ENTRY ExtraTransfers[(n) - 1]; \
	}

FORCEINLINE VOID SPB_TRANSFER_LIST_INIT(_Out_ SPB_TRANSFER_LIST *TransferList,
					_In_ ULONG TransferCount)
{
	RtlZeroMemory(TransferList, sizeof(SPB_TRANSFER_LIST) +
		      sizeof(SPB_TRANSFER_LIST_ENTRY) * (TransferCount - 1));
	TransferList->Size = sizeof(SPB_TRANSFER_LIST);
	TransferList->TransferCount = TransferCount;
}

FORCEINLINE SPB_TRANSFER_LIST_ENTRY SPB_TRANSFER_LIST_ENTRY_INIT_SIMPLE(
	_In_ SPB_TRANSFER_DIRECTION Direction, _In_ ULONG DelayInUs,
	_Pre_writable_byte_size_(BufferCb) PVOID Buffer, _In_ ULONG BufferCb)
{
	SPB_TRANSFER_LIST_ENTRY Entry;

	RtlZeroMemory(&Entry, sizeof(Entry));
	Entry.Direction = Direction;
	Entry.DelayInUs = DelayInUs;
	Entry.Buffer.Format = SpbTransferBufferFormatSimple;
	Entry.Buffer.Simple.Buffer = Buffer;
	Entry.Buffer.Simple.BufferCb = BufferCb;
	return Entry;
}

FORCEINLINE SPB_TRANSFER_LIST_ENTRY SPB_TRANSFER_LIST_ENTRY_INIT_NON_PAGED(
	_In_ SPB_TRANSFER_DIRECTION Direction, _In_ ULONG DelayInUs,
	_Pre_writable_byte_size_(BufferCb) PVOID Buffer, _In_ ULONG BufferCb)
{
	SPB_TRANSFER_LIST_ENTRY Entry = SPB_TRANSFER_LIST_ENTRY_INIT_SIMPLE(Direction, DelayInUs,
									    Buffer, BufferCb);

	Entry.Buffer.Format = SpbTransferBufferFormatSimpleNonPaged;
	return Entry;
}

FORCEINLINE SPB_TRANSFER_LIST_ENTRY SPB_TRANSFER_LIST_ENTRY_INIT_MDL(
	_In_ SPB_TRANSFER_DIRECTION Direction, _In_ ULONG DelayInUs, _In_ PMDL Mdl)
{
	SPB_TRANSFER_LIST_ENTRY Entry;

	RtlZeroMemory(&Entry, sizeof(Entry));
	Entry.Direction = Direction;
	Entry.DelayInUs = DelayInUs;
	Entry.Buffer.Format = SpbTransferBufferFormatMdl;
	Entry.Buffer.Mdl = Mdl;
	return Entry;
}

FORCEINLINE SPB_TRANSFER_LIST_ENTRY SPB_TRANSFER_LIST_ENTRY_INIT_BUFFER_LIST(
	_In_ SPB_TRANSFER_DIRECTION Direction, _In_ ULONG DelayInUs,
	_In_ SPB_TRANSFER_BUFFER_LIST_ENTRY BufferList[], _In_ ULONG BufferListCe)
{
	SPB_TRANSFER_LIST_ENTRY Entry;

	RtlZeroMemory(&Entry, sizeof(Entry));
	Entry.Direction = Direction;
	Entry.DelayInUs = DelayInUs;
	Entry.Buffer.Format = SpbTransferBufferFormatList;
	Entry.Buffer.BufferList.List = BufferList;
	Entry.Buffer.BufferList.ListCe = BufferListCe;
	return Entry;
}

#endif /* GPIOCLX_SPB_H */
