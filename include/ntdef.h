/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ntdef.h - the NT base types, with Windows' LLP64 widths on LP64 Linux.
 *
 * Windows is LLP64: LONG and ULONG are 32 bits wide even on 64-bit
 * systems. A client's structures must keep the WDK layout, so ULONG is
 * "unsigned int" here, never "unsigned long". Nothing in this file includes
 * a system header: it builds the same in the kernel and in a hosted
 * userspace build, using only compiler builtins.
 */
#ifndef GPIOCLX_NTDEF_H
#define GPIOCLX_NTDEF_H

#include "sal.h"

#define VOID void
#define CONST const
#define NTAPI
#define NTSYSAPI
#define NTKERNELAPI
#define __stdcall
#define __cdecl
#define FORCEINLINE static inline __attribute__((__always_inline__))
#define DECLSPEC_ALIGN(x) __attribute__((__aligned__(x)))
#define DECLSPEC_NORETURN __attribute__((__noreturn__))
#define ANYSIZE_ARRAY 1

/* MSVC's __pragma(warning(...)) operator has no GCC meaning. */
#define __pragma(x)

typedef void *PVOID, **PPVOID;
typedef const void *PCVOID;
typedef char CHAR, *PCHAR, *PSTR;
/* MSVC's char is signed; the kernel's is unsigned on arm64 (and everywhere from 6.2). */
typedef signed char CCHAR;
typedef const char *PCSTR, *PCSZ;
typedef unsigned char UCHAR, *PUCHAR;
typedef short SHORT, *PSHORT;
typedef unsigned short USHORT, *PUSHORT;
typedef int INT, *PINT;
typedef unsigned int UINT, *PUINT;
typedef int LONG, *PLONG;
typedef unsigned int ULONG, *PULONG;
typedef long long LONGLONG, *PLONGLONG;
typedef unsigned long long ULONGLONG, *PULONGLONG;
typedef long long LONG64, *PLONG64;
typedef unsigned long long ULONG64, *PULONG64;
typedef unsigned long long DWORD64, *PDWORD64;
typedef int LONG32, *PLONG32;
typedef unsigned int ULONG32, *PULONG32;
typedef signed char INT8, *PINT8;
typedef unsigned char UINT8, *PUINT8;
typedef short INT16, *PINT16;
typedef unsigned short UINT16, *PUINT16;
typedef int INT32, *PINT32;
typedef unsigned int UINT32, *PUINT32;
typedef long long INT64, *PINT64;
typedef unsigned long long UINT64, *PUINT64;
typedef __INTPTR_TYPE__ LONG_PTR, *PLONG_PTR, INT_PTR;
typedef __UINTPTR_TYPE__ ULONG_PTR, *PULONG_PTR, UINT_PTR;
typedef __SIZE_TYPE__ SIZE_T, *PSIZE_T;
typedef ULONG_PTR KAFFINITY, *PKAFFINITY;
typedef UCHAR BOOLEAN, *PBOOLEAN;
typedef unsigned short WCHAR, *PWCHAR, *PWSTR;
typedef const WCHAR *PCWSTR;
typedef LONG NTSTATUS, *PNTSTATUS;
typedef UCHAR KIRQL, *PKIRQL;

#ifndef TRUE
#define TRUE 1
#endif
#ifndef FALSE
#define FALSE 0
#endif
#ifndef NULL
#define NULL ((void *)0)
#endif

/* IRQLs, as the annotations and IRQL-aware client code name them. */
#define PASSIVE_LEVEL 0
#define LOW_LEVEL 0
#define APC_LEVEL 1
#define DISPATCH_LEVEL 2
#define HIGH_LEVEL 15

typedef union _LARGE_INTEGER {
	struct {
		ULONG LowPart;
		LONG HighPart;
	};
	struct {
		ULONG LowPart;
		LONG HighPart;
	} u;
	LONGLONG QuadPart;
} LARGE_INTEGER, *PLARGE_INTEGER;

typedef union _ULARGE_INTEGER {
	struct {
		ULONG LowPart;
		ULONG HighPart;
	};
	struct {
		ULONG LowPart;
		ULONG HighPart;
	} u;
	ULONGLONG QuadPart;
} ULARGE_INTEGER, *PULARGE_INTEGER;

typedef LARGE_INTEGER PHYSICAL_ADDRESS, *PPHYSICAL_ADDRESS;

typedef struct _UNICODE_STRING {
	USHORT Length;
	USHORT MaximumLength;
	PWSTR Buffer;
} UNICODE_STRING, *PUNICODE_STRING;
typedef const UNICODE_STRING *PCUNICODE_STRING;

#define UNICODE_NULL ((WCHAR)0)

/*
 * A UNICODE_STRING and its buffer of _size WCHARs, on the stack (wdm.h).
 * gpioclx-api: DECLARE_UNICODE_STRING_SIZE
 */
#define DECLARE_UNICODE_STRING_SIZE(_var, _size) \
	WCHAR _var ## _buffer[_size]; \
	UNICODE_STRING _var = { 0, (USHORT)((_size) * sizeof(WCHAR)), _var ## _buffer }

/* gpioclx-api: RtlInitEmptyUnicodeString */
FORCEINLINE VOID RtlInitEmptyUnicodeString(_Out_ PUNICODE_STRING UnicodeString,
					   _In_ PWCHAR Buffer, _In_ USHORT BufferSize)
{
	UnicodeString->Length = 0;
	UnicodeString->MaximumLength = BufferSize;
	UnicodeString->Buffer = Buffer;
}

#define NT_SUCCESS(Status) (((NTSTATUS)(Status)) >= 0)
#define NT_INFORMATION(Status) ((((ULONG)(Status)) >> 30) == 1)
#define NT_WARNING(Status) ((((ULONG)(Status)) >> 30) == 2)
#define NT_ERROR(Status) ((((ULONG)(Status)) >> 30) == 3)

#define UNREFERENCED_PARAMETER(P) ((void)(P))
#define DBG_UNREFERENCED_PARAMETER(P) ((void)(P))
#define DBG_UNREFERENCED_LOCAL_VARIABLE(V) ((void)(V))
#define ARGUMENT_PRESENT(ArgumentPointer) ((CHAR *)(ArgumentPointer) != (CHAR *)NULL)
#define FIELD_OFFSET(type, field) ((LONG)__builtin_offsetof(type, field))
#define RTL_FIELD_SIZE(type, field) (sizeof(((type *)0)->field))
#define RTL_NUMBER_OF(A) (sizeof(A) / sizeof((A)[0]))
#define ARRAYSIZE(A) RTL_NUMBER_OF(A)
#define CONTAINING_RECORD(address, type, field) \
	((type *)((PCHAR)(address) - (ULONG_PTR)(&((type *)0)->field)))
#define C_ASSERT(e) _Static_assert(e, #e)

/*
 * Rtl memory helpers, on the compiler's builtins (memset/memcpy in a kernel).
 * gpioclx-api: RtlZeroMemory, RtlFillMemory, RtlCopyMemory, RtlMoveMemory, RtlEqualMemory;
 *	linux: memset(), memcpy(), memmove(), memcmp(), as the compiler's builtins
 */
#define RtlZeroMemory(Destination, Length) \
	((void)__builtin_memset((Destination), 0, (Length)))
#define RtlFillMemory(Destination, Length, Fill) \
	((void)__builtin_memset((Destination), (int)(Fill), (Length)))
#define RtlCopyMemory(Destination, Source, Length) \
	((void)__builtin_memcpy((Destination), (Source), (Length)))
#define RtlMoveMemory(Destination, Source, Length) \
	((void)__builtin_memmove((Destination), (Source), (Length)))
#define RtlEqualMemory(Source1, Source2, Length) \
	(!__builtin_memcmp((Source1), (Source2), (Length)))

/* Number of leading bytes that match, as the NT routine returns. */
FORCEINLINE SIZE_T RtlCompareMemory(const VOID *Source1, const VOID *Source2,
				    SIZE_T Length)
{
	const UCHAR *a = (const UCHAR *)Source1, *b = (const UCHAR *)Source2;
	SIZE_T i = 0;

	while (i < Length && a[i] == b[i])
		i++;
	return i;
}

#endif /* GPIOCLX_NTDEF_H */
