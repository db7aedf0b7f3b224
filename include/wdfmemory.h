/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * wdfmemory.h - WDFMEMORY objects and memory descriptors, the buffers a
 * client hands an I/O target. Included by <wdf.h>.
 */
#ifndef GPIOCLX_WDFMEMORY_H
#define GPIOCLX_WDFMEMORY_H

typedef enum _WDF_MEMORY_DESCRIPTOR_TYPE {
	WdfMemoryDescriptorTypeInvalid = 0,
	WdfMemoryDescriptorTypeBuffer,
	WdfMemoryDescriptorTypeMdl,
	WdfMemoryDescriptorTypeHandle,
} WDF_MEMORY_DESCRIPTOR_TYPE;

typedef struct _WDFMEMORY_OFFSET {
	SIZE_T BufferOffset;
	SIZE_T BufferLength;
} WDFMEMORY_OFFSET, *PWDFMEMORY_OFFSET;

/*
 * gpioclx-api: WDF_MEMORY_DESCRIPTOR, WDF_MEMORY_DESCRIPTOR_INIT_BUFFER,
 *	WDF_MEMORY_DESCRIPTOR_INIT_HANDLE, WDFMEMORY_OFFSET; partly: no MDLs
 *	(WdfMemoryDescriptorTypeMdl fails with STATUS_NOT_SUPPORTED); linux: a kernel pointer
 *	and length (gpioclx_iotarget.c)
 */
typedef struct _WDF_MEMORY_DESCRIPTOR {
	WDF_MEMORY_DESCRIPTOR_TYPE Type;
	union {
		struct {
			PVOID Buffer;
			ULONG Length;
		} BufferType;
		struct {
			PMDL Mdl;
			ULONG BufferLength;
		} MdlType;
		struct {
			WDFMEMORY Memory;
			PWDFMEMORY_OFFSET Offsets;
		} HandleType;
	} u;
} WDF_MEMORY_DESCRIPTOR, *PWDF_MEMORY_DESCRIPTOR;

FORCEINLINE VOID WDF_MEMORY_DESCRIPTOR_INIT_BUFFER(_Out_ PWDF_MEMORY_DESCRIPTOR Descriptor,
						   _In_ PVOID Buffer, _In_ ULONG BufferLength)
{
	RtlZeroMemory(Descriptor, sizeof(WDF_MEMORY_DESCRIPTOR));
	Descriptor->Type = WdfMemoryDescriptorTypeBuffer;
	Descriptor->u.BufferType.Buffer = Buffer;
	Descriptor->u.BufferType.Length = BufferLength;
}

FORCEINLINE VOID WDF_MEMORY_DESCRIPTOR_INIT_HANDLE(_Out_ PWDF_MEMORY_DESCRIPTOR Descriptor,
						   _In_ WDFMEMORY Memory,
						   _In_opt_ PWDFMEMORY_OFFSET Offsets)
{
	RtlZeroMemory(Descriptor, sizeof(WDF_MEMORY_DESCRIPTOR));
	Descriptor->Type = WdfMemoryDescriptorTypeHandle;
	Descriptor->u.HandleType.Memory = Memory;
	Descriptor->u.HandleType.Offsets = Offsets;
}

_Must_inspect_result_ _IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS WdfMemoryCreate(_In_opt_ PWDF_OBJECT_ATTRIBUTES Attributes, _In_ POOL_TYPE PoolType,
			 _In_opt_ ULONG PoolTag, _In_ SIZE_T BufferSize,
			 _Out_ WDFMEMORY *Memory, _Outptr_opt_result_bytebuffer_(BufferSize)
			 PVOID *Buffer);

_Must_inspect_result_ _IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS WdfMemoryCreatePreallocated(_In_opt_ PWDF_OBJECT_ATTRIBUTES Attributes,
				     _In_ PVOID Buffer, _In_ SIZE_T BufferSize,
				     _Out_ WDFMEMORY *Memory);

_IRQL_requires_max_(DISPATCH_LEVEL)
PVOID WdfMemoryGetBuffer(_In_ WDFMEMORY Memory, _Out_opt_ SIZE_T *BufferSize);

#endif /* GPIOCLX_WDFMEMORY_H */
