/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * reshub.h - resource hub paths: a connection resource's 64-bit id, as the
 * name a client opens its bus through ("\Device\RESOURCE_HUB\" and the id in
 * 16 lower-case hex digits). Names, values and sizes as in the WDK's
 * reshub.h; the helper routines under RESHUB_USE_HELPER_ROUTINES, as there.
 *
 * The WDK spells the device name as an L"" literal, whose characters are
 * 16-bit WCHARs on Windows; here it is a u"" literal, which has 16-bit
 * characters everywhere, so that the sizes below are the WDK's.
 */
#ifndef GPIOCLX_RESHUB_H
#define GPIOCLX_RESHUB_H

#include "ntddk.h"

#define RESOURCE_HUB_DEVICE_NAME u"\\Device\\RESOURCE_HUB"
#define RESOURCE_HUB_DEVICE_NAME_PREFIX u"\\Device\\RESOURCE_HUB\\"

/* Sizes in bytes, each with room for the terminating NUL. */
#define RESOURCE_HUB_CONNECTION_FILE_SIZE \
	((sizeof(LARGE_INTEGER) * 2 * sizeof(WCHAR)) + sizeof(UNICODE_NULL))
#define RESOURCE_HUB_CONNECTION_PATH_SIZE \
	(sizeof(RESOURCE_HUB_DEVICE_NAME_PREFIX) + RESOURCE_HUB_CONNECTION_FILE_SIZE - \
	 sizeof(UNICODE_NULL))
#define RESOURCE_HUB_CONNECTION_FILE_CHARS \
	((RESOURCE_HUB_CONNECTION_FILE_SIZE + sizeof(WCHAR) - 1) / sizeof(WCHAR))
#define RESOURCE_HUB_CONNECTION_PATH_CHARS \
	((RESOURCE_HUB_CONNECTION_PATH_SIZE + sizeof(WCHAR) - 1) / sizeof(WCHAR))

#define RESOURCE_HUB_FILE_SIZE RESOURCE_HUB_CONNECTION_FILE_SIZE
#define RESOURCE_HUB_PATH_SIZE RESOURCE_HUB_CONNECTION_PATH_SIZE
#define RESOURCE_HUB_FILE_CHARS RESOURCE_HUB_CONNECTION_FILE_CHARS
#define RESOURCE_HUB_PATH_CHARS RESOURCE_HUB_CONNECTION_PATH_CHARS

#define FILE_DEVICE_RESOURCE_HUB FILE_DEVICE_BUS_EXTENDER

#define SERIAL_BUS_DESCRIPTOR 0x8e
#define SERIAL_BUS_I2C_DESCRIPTOR_TYPE 1
#define SERIAL_BUS_SPI_DESCRIPTOR_TYPE 2
#define SERIAL_BUS_UART_DESCRIPTOR_TYPE 3

#ifdef RESHUB_USE_HELPER_ROUTINES

/*
 * The id as 16 lower-case hex digits and a NUL (FileName holds
 * RESOURCE_HUB_CONNECTION_FILE_CHARS WCHARs).
 * gpioclx-api: RESOURCE_HUB_ID_TO_FILE_NAME, RESOURCE_HUB_CREATE_PATH_FROM_ID; linux: inline,
 *	the shim parses the path back (gpioclx_iotarget.c)
 */
FORCEINLINE NTSTATUS RESOURCE_HUB_ID_TO_FILE_NAME(_In_ ULONG IdLowPart, _In_ ULONG IdHighPart,
						  _Out_ PWCHAR FileName)
{
	ULONGLONG Id = ((ULONGLONG)IdHighPart << 32) | IdLowPart;
	ULONG Digit;

	for (Digit = 0; Digit < 16; Digit++) {
		ULONG Nibble = (ULONG)(Id >> (60 - 4 * Digit)) & 0xf;

		FileName[Digit] = (WCHAR)(Nibble < 10 ? '0' + Nibble : 'a' + Nibble - 10);
	}
	FileName[16] = UNICODE_NULL;
	return STATUS_SUCCESS;
}

/*
 * The full path into FileName (a UNICODE_STRING whose MaximumLength the
 * caller set): STATUS_BUFFER_OVERFLOW, with as much of the path as fits
 * and still terminated, if the buffer is shorter than
 * RESOURCE_HUB_PATH_SIZE, as the WDK's string printf returns.
 */
FORCEINLINE NTSTATUS RESOURCE_HUB_CREATE_PATH_FROM_ID(_Inout_ PUNICODE_STRING FileName,
						      _In_ ULONG IdLowPart, _In_ ULONG IdHighPart)
{
	static const WCHAR Prefix[] = RESOURCE_HUB_DEVICE_NAME_PREFIX;
	WCHAR Suffix[RESOURCE_HUB_CONNECTION_FILE_CHARS];
	ULONG Max = FileName->MaximumLength / sizeof(WCHAR);
	ULONG Length = 0, Index;

	if (Max == 0 || FileName->Buffer == NULL)
		return STATUS_INVALID_PARAMETER;
	(void)RESOURCE_HUB_ID_TO_FILE_NAME(IdLowPart, IdHighPart, Suffix);
	for (Index = 0; Prefix[Index] != UNICODE_NULL && Length + 1 < Max; Index++)
		FileName->Buffer[Length++] = Prefix[Index];
	for (Index = 0; Suffix[Index] != UNICODE_NULL && Length + 1 < Max; Index++)
		FileName->Buffer[Length++] = Suffix[Index];
	FileName->Buffer[Length] = UNICODE_NULL;
	FileName->Length = (USHORT)(Length * sizeof(WCHAR));
	if (Length * sizeof(WCHAR) + sizeof(UNICODE_NULL) < RESOURCE_HUB_PATH_SIZE)
		return STATUS_BUFFER_OVERFLOW;
	return STATUS_SUCCESS;
}

#endif /* RESHUB_USE_HELPER_ROUTINES */

#endif /* GPIOCLX_RESHUB_H */
