/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ntddk.h - the NT kernel surface a memory-mapped GpioClx client uses.
 *
 * Declarations only: the shim (gpioclx.ko) implements the routines over
 * ioremap()/readl() and friends; a hosted test build links its own fakes.
 * Client sources written for the WDK include this header by its WDK name.
 */
#ifndef GPIOCLX_NTDDK_H
#define GPIOCLX_NTDDK_H

#include "ntdef.h"
#include "ntstatus.h"
#include "devioctl.h"

/*
 * WDK sources carry "#pragma alloc_text(PAGE, fn)" and pool tags written
 * as multi-character constants ('GmiS'); both are meaningless but valid
 * here, so keep GCC quiet about them in every client translation unit.
 */
#pragma GCC diagnostic ignored "-Wunknown-pragmas"
#pragma GCC diagnostic ignored "-Wmultichar"

/* Linux kernel code is never paged out, so there is nothing to check. */
#define PAGED_CODE() ((void)0)
#define PAGED_CODE_LOCKED() ((void)0)

/*
 * Assertions (wdm.h), selected by DBG as in the WDK: DBG=1 is a checked
 * build, DBG=0 (or DBG undefined) a free build. The kernel build of the
 * clients is a free build unless made with GPIOCLX_DBG=1 (drivers/Kbuild).
 *
 * Checked: ASSERT, ASSERTMSG, NT_ASSERT, NT_ASSERTMSG, NT_VERIFY and
 * NT_VERIFYMSG evaluate exp once, report a false one through RtlAssert()
 * and have the value TRUE or FALSE (an int).
 * Free: ASSERT, ASSERTMSG, NT_ASSERT and NT_ASSERTMSG are ((void)0) and
 * do not evaluate exp; NT_VERIFY and NT_VERIFYMSG evaluate it, report
 * nothing and have the value ((exp) ? TRUE : FALSE).
 * So only NT_VERIFY may be tested ("if (!NT_VERIFY(e)) return;") or have
 * side effects that the free build needs.
 *
 * RtlAssert() is the one handler: the shim turns a failure into a WARN
 * with the client's file and line, a hosted build into a test failure (the
 * WDK's NT_ASSERT raises STATUS_ASSERTION_FAILURE instead). The WDK's
 * expressions are bare conditionals; GCC's -Wunused-value rejects one that
 * is a whole statement over a constant or without side effects
 * ("NT_ASSERT(FALSE);", "NT_VERIFY(NT_SUCCESS(f()));"), so here each is a
 * GNU statement expression with the same value.
 * gpioclx-api: ASSERT, ASSERTMSG, NT_ASSERT, NT_ASSERTMSG, NT_VERIFY, NT_VERIFYMSG; linux:
 *	RtlAssert(), a WARN(), in checked builds (DBG=1)
 */
NTSYSAPI VOID NTAPI RtlAssert(PVOID VoidFailedAssertion, PVOID VoidFileName,
			      ULONG LineNumber, PSTR MutableMessage);

/* exp and its text as written (#exp here would be exp macro-expanded). */
#define RTL_ASSERT_ACTION_(exp, text, msg) \
	({ (!(exp)) ? (RtlAssert((PVOID)(text), (PVOID)__FILE__, __LINE__, (PSTR)(msg)), FALSE) : \
		      TRUE; })

#if defined(DBG) && DBG
#define ASSERT(exp) RTL_ASSERT_ACTION_(exp, #exp, NULL)
#define ASSERTMSG(msg, exp) RTL_ASSERT_ACTION_(exp, #exp, msg)
#define NT_ASSERT(exp) RTL_ASSERT_ACTION_(exp, #exp, NULL)
#define NT_ASSERTMSG(msg, exp) RTL_ASSERT_ACTION_(exp, #exp, msg)
#define NT_VERIFY NT_ASSERT
#define NT_VERIFYMSG NT_ASSERTMSG
#else
#define ASSERT(exp) ((void)0)
#define ASSERTMSG(msg, exp) ((void)0)
#define NT_ASSERT(exp) ((void)0)
#define NT_ASSERTMSG(msg, exp) ((void)0)
#define NT_VERIFY(exp) ({ (exp) ? TRUE : FALSE; })
#define NT_VERIFYMSG(msg, exp) ({ (exp) ? TRUE : FALSE; })
#endif

typedef struct _DRIVER_OBJECT DRIVER_OBJECT, *PDRIVER_OBJECT;
/* gpioclx-api: DEVICE_OBJECT; not: opaque, and nothing hands a client one */
typedef struct _DEVICE_OBJECT DEVICE_OBJECT, *PDEVICE_OBJECT;

/*
 * I/O manager objects a KMDF client names but never looks inside.
 * gpioclx-api: FILE_OBJECT, MDL, IRP; not: opaque, and nothing hands a client one
 */
typedef struct _FILE_OBJECT FILE_OBJECT, *PFILE_OBJECT;
typedef struct _MDL MDL, *PMDL;
typedef struct _IRP IRP, *PIRP;

/* Access rights and ZwCreateFile() parameters, as WdfIoTargetOpen() takes them. */
typedef ULONG ACCESS_MASK, *PACCESS_MASK;
#define GENERIC_READ 0x80000000U
#define GENERIC_WRITE 0x40000000U
#define GENERIC_EXECUTE 0x20000000U
#define GENERIC_ALL 0x10000000U
#define FILE_SHARE_READ 0x00000001
#define FILE_SHARE_WRITE 0x00000002
#define FILE_SHARE_DELETE 0x00000004
#define FILE_ATTRIBUTE_NORMAL 0x00000080
#define FILE_SUPERSEDE 0x00000000
#define FILE_OPEN 0x00000001
#define FILE_CREATE 0x00000002
#define FILE_OPEN_IF 0x00000003
#define FILE_OVERWRITE 0x00000004
#define FILE_OVERWRITE_IF 0x00000005
#define FILE_NON_DIRECTORY_FILE 0x00000040

/* Pool types, as WdfMemoryCreate() takes them. */
typedef enum _POOL_TYPE {
	NonPagedPool = 0,
	NonPagedPoolExecute = NonPagedPool,
	PagedPool = 1,
	NonPagedPoolNx = 512,
} POOL_TYPE;

typedef NTSTATUS DRIVER_INITIALIZE(_In_ PDRIVER_OBJECT DriverObject,
				   _In_ PUNICODE_STRING RegistryPath);
typedef DRIVER_INITIALIZE *PDRIVER_INITIALIZE;
typedef VOID DRIVER_UNLOAD(_In_ PDRIVER_OBJECT DriverObject);
typedef DRIVER_UNLOAD *PDRIVER_UNLOAD;

/* Interrupt mode and polarity (wdm.h). Latched means edge-triggered. */
typedef enum _KINTERRUPT_MODE {
	LevelSensitive = 0,
	Latched = 1,
} KINTERRUPT_MODE;

typedef enum _KINTERRUPT_POLARITY {
	InterruptPolarityUnknown = 0,
	InterruptActiveHigh = 1,
	InterruptRisingEdge = InterruptActiveHigh,
	InterruptActiveLow = 2,
	InterruptFallingEdge = InterruptActiveLow,
	InterruptActiveBoth = 3,
	InterruptActiveBothTriggerLow = InterruptActiveBoth,
	InterruptActiveBothTriggerHigh = 4,
} KINTERRUPT_POLARITY, *PKINTERRUPT_POLARITY;

/* Hardware resources, as PnP hands them to PrepareHardware. */
#define CmResourceTypeNull 0
#define CmResourceTypePort 1
#define CmResourceTypeInterrupt 2
#define CmResourceTypeMemory 3
#define CmResourceTypeDma 4
#define CmResourceTypeDeviceSpecific 5
#define CmResourceTypeBusNumber 6
#define CmResourceTypeMemoryLarge 7
#define CmResourceTypeConnection 132

#define CmResourceShareUndetermined 0
#define CmResourceShareDeviceExclusive 1
#define CmResourceShareDriverExclusive 2
#define CmResourceShareShared 3

#define CM_RESOURCE_INTERRUPT_LEVEL_SENSITIVE 0x0000
#define CM_RESOURCE_INTERRUPT_LATCHED 0x0001
#define CM_RESOURCE_MEMORY_READ_WRITE 0x0000

#define CM_RESOURCE_CONNECTION_CLASS_GPIO 0x01
#define CM_RESOURCE_CONNECTION_CLASS_SERIAL 0x02
#define CM_RESOURCE_CONNECTION_CLASS_FUNCTION_CONFIG 0x03
#define CM_RESOURCE_CONNECTION_TYPE_GPIO_IO 0x02
#define CM_RESOURCE_CONNECTION_TYPE_SERIAL_I2C 0x01
#define CM_RESOURCE_CONNECTION_TYPE_SERIAL_SPI 0x02
#define CM_RESOURCE_CONNECTION_TYPE_SERIAL_UART 0x03
#define CM_RESOURCE_CONNECTION_TYPE_FUNCTION_CONFIG 0x01

#pragma pack(push, 4)
typedef struct _CM_PARTIAL_RESOURCE_DESCRIPTOR {
	UCHAR Type;
	UCHAR ShareDisposition;
	USHORT Flags;
	union {
		struct {
			PHYSICAL_ADDRESS Start;
			ULONG Length;
		} Generic;
		struct {
			PHYSICAL_ADDRESS Start;
			ULONG Length;
		} Port;
		struct {
			USHORT Level;
			USHORT Group;
			ULONG Vector;
			KAFFINITY Affinity;
		} Interrupt;
		struct {
			PHYSICAL_ADDRESS Start;
			ULONG Length;
		} Memory;
		struct {
			ULONG Channel;
			ULONG Port;
			ULONG Reserved1;
		} Dma;
		struct {
			ULONG Data[3];
		} DevicePrivate;
		struct {
			ULONG Start;
			ULONG Length;
			ULONG Reserved;
		} BusNumber;
		struct {
			ULONG DataSize;
			ULONG Reserved1;
			ULONG Reserved2;
		} DeviceSpecificData;
		struct {
			PHYSICAL_ADDRESS Start;
			ULONG Length40;
		} Memory40;
		struct {
			PHYSICAL_ADDRESS Start;
			ULONG Length48;
		} Memory48;
		struct {
			PHYSICAL_ADDRESS Start;
			ULONG Length64;
		} Memory64;
		struct {
			UCHAR Class;
			UCHAR Type;
			UCHAR Reserved1;
			UCHAR Reserved2;
			ULONG IdLowPart;
			ULONG IdHighPart;
		} Connection;
	} u;
} CM_PARTIAL_RESOURCE_DESCRIPTOR, *PCM_PARTIAL_RESOURCE_DESCRIPTOR;
#pragma pack(pop)

/* Power framework idle state of one component (a bank, for GpioClx). */
typedef struct _PO_FX_COMPONENT_IDLE_STATE {
	ULONGLONG TransitionLatency;
	ULONGLONG ResidencyRequirement;
	ULONG NominalPower;
} PO_FX_COMPONENT_IDLE_STATE, *PPO_FX_COMPONENT_IDLE_STATE;

/* Mapping device memory. */
typedef enum _MEMORY_CACHING_TYPE {
	MmNotMapped = -1,
	MmNonCached = 0,
	MmCached = 1,
	MmWriteCombined = 2,
	MmHardwareCoherentCached = 3,
	MmNonCachedUnordered = 4,
	MmUSWCCached = 5,
	MmMaximumCacheType = 6,
} MEMORY_CACHING_TYPE;

#define PAGE_NOACCESS 0x01
/* Linux's arch headers define their own PAGE_READONLY; clients never see them. */
#ifndef PAGE_READONLY
#define PAGE_READONLY 0x02
#endif
#define PAGE_READWRITE 0x04
#define PAGE_WRITECOPY 0x08
#define PAGE_EXECUTE 0x10
#define PAGE_EXECUTE_READ 0x20
#define PAGE_EXECUTE_READWRITE 0x40
#define PAGE_GUARD 0x100
#define PAGE_NOCACHE 0x200
#define PAGE_WRITECOMBINE 0x400

_Must_inspect_result_ _IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI PVOID MmMapIoSpace(_In_ PHYSICAL_ADDRESS PhysicalAddress,
			       _In_ SIZE_T NumberOfBytes,
			       _In_ MEMORY_CACHING_TYPE CacheType);
_Must_inspect_result_ _IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI PVOID MmMapIoSpaceEx(_In_ PHYSICAL_ADDRESS PhysicalAddress,
				 _In_ SIZE_T NumberOfBytes, _In_ ULONG Protect);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID MmUnmapIoSpace(_In_ PVOID BaseAddress, _In_ SIZE_T NumberOfBytes);

/*
 * Register accessors: ordered, uncached, one access each. As in the WDK's
 * wdm.h they can be inline: a volatile access with the barriers device
 * memory needs on the architecture (on arm64 those of the kernel's
 * readX()/writeX()). A client build defines GPIOCLX_INLINE_REGISTER_ACCESS
 * for that; without it they are the host's functions (a host that backs
 * registers with a software model needs to see every access).
 */
#if defined(GPIOCLX_INLINE_REGISTER_ACCESS) && (defined(__aarch64__) || defined(__x86_64__))

#if defined(__aarch64__)
/*
 * One access with a base-register address (no writeback form a
 * hypervisor could not emulate). Reads are load-acquire: what the host
 * kernel patches in on cores with device load erratum 832075, and never
 * weaker elsewhere; then, as its readX(), dmb oshld and a control
 * dependency so a delay loop starts after the read completed. Writes,
 * as its writeX(): dmb oshst, then the store.
 */
#define GPIOCLX_DEFINE_REGISTER_ACCESS(type, suffix, ld, st, r) \
	static inline type READ_REGISTER_##suffix(_In_ volatile type *Register) \
	{ \
		unsigned long __v, __tmp; \
		__asm__ __volatile__(ld " %" r "0, [%1]" : "=r"(__v) : "r"(Register) : "memory"); \
		__asm__ __volatile__("dmb oshld\n\teor %0, %1, %1\n\tcbnz %0, ." \
				     : "=r"(__tmp) : "r"(__v) : "memory"); \
		return (type)__v; \
	} \
	static inline VOID WRITE_REGISTER_##suffix(_In_ volatile type *Register, \
						   _In_ type Value) \
	{ \
		__asm__ __volatile__("dmb oshst" : : : "memory"); \
		__asm__ __volatile__(st " %" r "0, [%1]" \
				     : : "rZ"((unsigned long)Value), "r"(Register) : "memory"); \
	}

GPIOCLX_DEFINE_REGISTER_ACCESS(UCHAR, UCHAR, "ldarb", "strb", "w")
GPIOCLX_DEFINE_REGISTER_ACCESS(USHORT, USHORT, "ldarh", "strh", "w")
GPIOCLX_DEFINE_REGISTER_ACCESS(ULONG, ULONG, "ldar", "str", "w")
GPIOCLX_DEFINE_REGISTER_ACCESS(ULONG64, ULONG64, "ldar", "str", "x")

#else
/* x86-64: device memory is uncached and strongly ordered; a compiler barrier both sides. */
#define GPIOCLX_DEFINE_REGISTER_ACCESS(type, suffix) \
	static inline type READ_REGISTER_##suffix(_In_ volatile type *Register) \
	{ \
		type Value; \
		__asm__ __volatile__("" : : : "memory"); \
		Value = *Register; \
		__asm__ __volatile__("" : : : "memory"); \
		return Value; \
	} \
	static inline VOID WRITE_REGISTER_##suffix(_In_ volatile type *Register, \
						   _In_ type Value) \
	{ \
		__asm__ __volatile__("" : : : "memory"); \
		*Register = Value; \
		__asm__ __volatile__("" : : : "memory"); \
	}

GPIOCLX_DEFINE_REGISTER_ACCESS(UCHAR, UCHAR)
GPIOCLX_DEFINE_REGISTER_ACCESS(USHORT, USHORT)
GPIOCLX_DEFINE_REGISTER_ACCESS(ULONG, ULONG)
GPIOCLX_DEFINE_REGISTER_ACCESS(ULONG64, ULONG64)
#endif

#else

NTKERNELAPI UCHAR READ_REGISTER_UCHAR(_In_ volatile UCHAR *Register);
NTKERNELAPI USHORT READ_REGISTER_USHORT(_In_ volatile USHORT *Register);
NTKERNELAPI ULONG READ_REGISTER_ULONG(_In_ volatile ULONG *Register);
NTKERNELAPI ULONG64 READ_REGISTER_ULONG64(_In_ volatile ULONG64 *Register);
NTKERNELAPI VOID WRITE_REGISTER_UCHAR(_In_ volatile UCHAR *Register, _In_ UCHAR Value);
NTKERNELAPI VOID WRITE_REGISTER_USHORT(_In_ volatile USHORT *Register, _In_ USHORT Value);
NTKERNELAPI VOID WRITE_REGISTER_ULONG(_In_ volatile ULONG *Register, _In_ ULONG Value);
NTKERNELAPI VOID WRITE_REGISTER_ULONG64(_In_ volatile ULONG64 *Register, _In_ ULONG64 Value);

#endif /* GPIOCLX_INLINE_REGISTER_ACCESS */

/*
 * gpioclx-api: RtlFindLeastSignificantBit, RtlFindMostSignificantBit; linux: inline,
 *	the GCC bit-scan builtins
 * The number of the lowest / highest set bit of Set, -1 if none is set.
 */
FORCEINLINE CCHAR RtlFindLeastSignificantBit(_In_ ULONGLONG Set)
{
	return Set ? (CCHAR)__builtin_ctzll(Set) : -1;
}

FORCEINLINE CCHAR RtlFindMostSignificantBit(_In_ ULONGLONG Set)
{
	return Set ? (CCHAR)(63 - __builtin_clzll(Set)) : -1;
}

#endif /* GPIOCLX_NTDDK_H */
