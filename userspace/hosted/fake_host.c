// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * fake_host.c - userspace implementation of the client-facing NT, WDF and
 * GpioClx routines, for hosted tests (see fake_host.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_host.h"

#define FAKE_MAX_MMIO 8
#define FAKE_MAX_MAPS 8
#define FAKE_MAX_RES 16
#define FAKE_MAX_LISTS 8

struct fake_mmio {
	ULONG64 phys;
	ULONG size;
	const struct fake_mmio_ops *ops;
	void *priv;
};

/* A mapping hands out a cookie address inside a private buffer, never dereferenced. */
struct fake_map {
	char *cookie;
	SIZE_T size;
	struct fake_mmio *mmio;
	ULONG64 offset;
};

struct fake_reslist {
	CM_PARTIAL_RESOURCE_DESCRIPTOR descs[FAKE_MAX_RES];
	ULONG count;
};

struct WDFDEVICE_INIT {
	int pre_device_create_done;
};

static struct fake_mmio fake_mmio[FAKE_MAX_MMIO];
static struct fake_map fake_maps[FAKE_MAX_MAPS];
static struct fake_reslist fake_lists[FAKE_MAX_LISTS];
static unsigned int fake_nlists;
static WDF_DRIVER_CONFIG fake_driver_config;
static int fake_driver_created;
static void *fake_context;
static struct WDFDEVICE_INIT fake_device_init;
static char fake_driver_object, fake_device_object;

GPIO_CLIENT_REGISTRATION_PACKET fake_host_packet;
WDFDEVICE fake_host_device;
unsigned int fake_host_lock_acquired[16];
unsigned int fake_host_lock_held[16];
unsigned int fake_host_stray_accesses;
unsigned int fake_host_assert_failures;
const char *fake_host_assert_expression;
const char *fake_host_assert_file;
const char *fake_host_assert_message;
unsigned int fake_host_mappings;

void fake_host_reset(void)
{
	unsigned int i;

	for (i = 0; i < FAKE_MAX_MAPS; i++)
		free(fake_maps[i].cookie);
	memset(fake_mmio, 0, sizeof(fake_mmio));
	memset(fake_maps, 0, sizeof(fake_maps));
	memset(fake_lists, 0, sizeof(fake_lists));
	fake_nlists = 0;
	memset(&fake_driver_config, 0, sizeof(fake_driver_config));
	fake_driver_created = 0;
	free(fake_context);
	fake_context = NULL;
	memset(&fake_host_packet, 0, sizeof(fake_host_packet));
	fake_host_device = NULL;
	memset(fake_host_lock_acquired, 0, sizeof(fake_host_lock_acquired));
	memset(fake_host_lock_held, 0, sizeof(fake_host_lock_held));
	fake_host_stray_accesses = 0;
	fake_host_assert_failures = 0;
	fake_host_assert_expression = NULL;
	fake_host_assert_file = NULL;
	fake_host_assert_message = NULL;
	fake_host_mappings = 0;
}

void fake_host_add_mmio(ULONG64 phys, ULONG size, const struct fake_mmio_ops *ops, void *priv)
{
	unsigned int i;

	for (i = 0; i < FAKE_MAX_MMIO; i++) {
		if (!fake_mmio[i].ops) {
			fake_mmio[i] = (struct fake_mmio){ phys, size, ops, priv };
			return;
		}
	}
	fprintf(stderr, "fake_host: too many MMIO models\n");
	abort();
}

WDFCMRESLIST fake_host_reslist(const CM_PARTIAL_RESOURCE_DESCRIPTOR *descs, ULONG count)
{
	struct fake_reslist *l;

	if (fake_nlists == FAKE_MAX_LISTS || count > FAKE_MAX_RES)
		abort();
	l = &fake_lists[fake_nlists++];
	memcpy(l->descs, descs, count * sizeof(*descs));
	l->count = count;
	return (WDFCMRESLIST)l;
}

CM_PARTIAL_RESOURCE_DESCRIPTOR fake_host_memory_resource(ULONG64 start, ULONG length)
{
	CM_PARTIAL_RESOURCE_DESCRIPTOR d;

	memset(&d, 0, sizeof(d));
	d.Type = CmResourceTypeMemory;
	d.ShareDisposition = CmResourceShareDeviceExclusive;
	d.u.Memory.Start.QuadPart = (LONGLONG)start;
	d.u.Memory.Length = length;
	return d;
}

CM_PARTIAL_RESOURCE_DESCRIPTOR fake_host_interrupt_resource(ULONG vector)
{
	CM_PARTIAL_RESOURCE_DESCRIPTOR d;

	memset(&d, 0, sizeof(d));
	d.Type = CmResourceTypeInterrupt;
	d.ShareDisposition = CmResourceShareShared;
	d.u.Interrupt.Level = (USHORT)vector;
	d.u.Interrupt.Vector = vector;
	d.u.Interrupt.Affinity = 1;
	return d;
}

CM_PARTIAL_RESOURCE_DESCRIPTOR fake_host_i2c_resource(ULONG IdLowPart, ULONG IdHighPart)
{
	CM_PARTIAL_RESOURCE_DESCRIPTOR d;

	memset(&d, 0, sizeof(d));
	d.Type = CmResourceTypeConnection;
	d.ShareDisposition = CmResourceShareDeviceExclusive;
	d.u.Connection.Class = CM_RESOURCE_CONNECTION_CLASS_SERIAL;
	d.u.Connection.Type = CM_RESOURCE_CONNECTION_TYPE_SERIAL_I2C;
	d.u.Connection.IdLowPart = IdLowPart;
	d.u.Connection.IdHighPart = IdHighPart;
	return d;
}

ULONG WdfCmResourceListGetCount(WDFCMRESLIST List)
{
	return ((struct fake_reslist *)List)->count;
}

PCM_PARTIAL_RESOURCE_DESCRIPTOR WdfCmResourceListGetDescriptor(WDFCMRESLIST List, ULONG Index)
{
	struct fake_reslist *l = (struct fake_reslist *)List;

	return Index < l->count ? &l->descs[Index] : NULL;
}

PVOID MmMapIoSpaceEx(PHYSICAL_ADDRESS PhysicalAddress, SIZE_T NumberOfBytes, ULONG Protect)
{
	ULONG64 phys = (ULONG64)PhysicalAddress.QuadPart;
	unsigned int i, j;

	(void)Protect;
	for (i = 0; i < FAKE_MAX_MMIO; i++) {
		struct fake_mmio *m = &fake_mmio[i];

		if (!m->ops || phys < m->phys || phys + NumberOfBytes > m->phys + m->size)
			continue;
		for (j = 0; j < FAKE_MAX_MAPS; j++) {
			if (fake_maps[j].cookie)
				continue;
			fake_maps[j].cookie = calloc(1, NumberOfBytes);
			fake_maps[j].size = NumberOfBytes;
			fake_maps[j].mmio = m;
			fake_maps[j].offset = phys - m->phys;
			fake_host_mappings++;
			return fake_maps[j].cookie;
		}
	}
	return NULL;
}

PVOID MmMapIoSpace(PHYSICAL_ADDRESS PhysicalAddress, SIZE_T NumberOfBytes,
		   MEMORY_CACHING_TYPE CacheType)
{
	(void)CacheType;
	return MmMapIoSpaceEx(PhysicalAddress, NumberOfBytes, PAGE_READWRITE | PAGE_NOCACHE);
}

VOID MmUnmapIoSpace(PVOID BaseAddress, SIZE_T NumberOfBytes)
{
	unsigned int j;

	for (j = 0; j < FAKE_MAX_MAPS; j++) {
		if (fake_maps[j].cookie == BaseAddress && fake_maps[j].size == NumberOfBytes) {
			free(fake_maps[j].cookie);
			memset(&fake_maps[j], 0, sizeof(fake_maps[j]));
			fake_host_mappings--;
			return;
		}
	}
	fake_host_stray_accesses++;
}

static struct fake_map *fake_find_map(const volatile void *reg, ULONG *offset)
{
	const char *p = (const char *)reg;
	unsigned int j;

	for (j = 0; j < FAKE_MAX_MAPS; j++) {
		struct fake_map *m = &fake_maps[j];

		if (m->cookie && p >= m->cookie && p < m->cookie + m->size) {
			*offset = (ULONG)(m->offset + (ULONG64)(p - m->cookie));
			return m;
		}
	}
	fake_host_stray_accesses++;
	return NULL;
}

static ULONG64 fake_read(const volatile void *reg, unsigned int width)
{
	ULONG offset;
	struct fake_map *m = fake_find_map(reg, &offset);

	return m ? m->mmio->ops->read(m->mmio->priv, offset, width) : ~0ULL;
}

static void fake_write(volatile void *reg, ULONG64 value, unsigned int width)
{
	ULONG offset;
	struct fake_map *m = fake_find_map(reg, &offset);

	if (m)
		m->mmio->ops->write(m->mmio->priv, offset, value, width);
}

UCHAR READ_REGISTER_UCHAR(volatile UCHAR *Register)
{
	return (UCHAR)fake_read(Register, 1);
}

USHORT READ_REGISTER_USHORT(volatile USHORT *Register)
{
	return (USHORT)fake_read(Register, 2);
}

ULONG READ_REGISTER_ULONG(volatile ULONG *Register)
{
	return (ULONG)fake_read(Register, 4);
}

ULONG64 READ_REGISTER_ULONG64(volatile ULONG64 *Register)
{
	return fake_read(Register, 8);
}

VOID WRITE_REGISTER_UCHAR(volatile UCHAR *Register, UCHAR Value)
{
	fake_write(Register, Value, 1);
}

VOID WRITE_REGISTER_USHORT(volatile USHORT *Register, USHORT Value)
{
	fake_write(Register, Value, 2);
}

VOID WRITE_REGISTER_ULONG(volatile ULONG *Register, ULONG Value)
{
	fake_write(Register, Value, 4);
}

VOID WRITE_REGISTER_ULONG64(volatile ULONG64 *Register, ULONG64 Value)
{
	fake_write(Register, Value, 8);
}

VOID RtlAssert(PVOID VoidFailedAssertion, PVOID VoidFileName, ULONG LineNumber,
	       PSTR MutableMessage)
{
	printf("#   NT_ASSERT(%s) failed at %s:%u%s%s\n", (const char *)VoidFailedAssertion,
	       (const char *)VoidFileName, LineNumber, MutableMessage ? ": " : "",
	       MutableMessage ? MutableMessage : "");
	fake_host_assert_expression = VoidFailedAssertion;
	fake_host_assert_file = VoidFileName;
	fake_host_assert_message = MutableMessage;
	fake_host_assert_failures++;
}

NTSTATUS WdfDriverCreate(PDRIVER_OBJECT DriverObject, PCUNICODE_STRING RegistryPath,
			 PWDF_OBJECT_ATTRIBUTES DriverAttributes, PWDF_DRIVER_CONFIG DriverConfig,
			 WDFDRIVER *Driver)
{
	(void)RegistryPath;
	(void)DriverAttributes;
	if (!DriverObject || !DriverConfig || DriverConfig->Size != sizeof(*DriverConfig))
		return STATUS_INVALID_PARAMETER;
	fake_driver_config = *DriverConfig;
	fake_driver_created = 1;
	if (Driver)
		*Driver = (WDFDRIVER)&fake_driver_config;
	return STATUS_SUCCESS;
}

NTSTATUS GPIO_CLX_RegisterClient(WDFDRIVER Driver, PGPIO_CLIENT_REGISTRATION_PACKET Packet,
				 PUNICODE_STRING RegistryPath)
{
	(void)RegistryPath;
	if (!Driver || !Packet)
		return STATUS_INVALID_PARAMETER;
	if (Packet->Size != sizeof(*Packet) || Packet->Version != GPIO_CLIENT_VERSION)
		return STATUS_GPIO_INVALID_REGISTRATION_PACKET;
	fake_host_packet = *Packet;
	return STATUS_SUCCESS;
}

NTSTATUS GPIO_CLX_UnregisterClient(WDFDRIVER Driver)
{
	if (!Driver)
		return STATUS_INVALID_PARAMETER;
	memset(&fake_host_packet, 0, sizeof(fake_host_packet));
	return STATUS_SUCCESS;
}

NTSTATUS GPIO_CLX_ProcessAddDevicePreDeviceCreate(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit,
						  PWDF_OBJECT_ATTRIBUTES FdoAttributes)
{
	if (!Driver || !DeviceInit || !FdoAttributes || !fake_host_packet.Size)
		return STATUS_INVALID_PARAMETER;
	WDF_OBJECT_ATTRIBUTES_INIT(FdoAttributes);
	DeviceInit->pre_device_create_done = 1;
	return STATUS_SUCCESS;
}

NTSTATUS WdfDeviceCreate(PWDFDEVICE_INIT *DeviceInit, PWDF_OBJECT_ATTRIBUTES DeviceAttributes,
			 WDFDEVICE *Device)
{
	(void)DeviceAttributes;
	if (!DeviceInit || !*DeviceInit || !(*DeviceInit)->pre_device_create_done || !Device)
		return STATUS_INVALID_PARAMETER;
	*DeviceInit = NULL;	/* WDF consumes the init structure */
	*Device = (WDFDEVICE)&fake_device_object;
	return STATUS_SUCCESS;
}

NTSTATUS GPIO_CLX_ProcessAddDevicePostDeviceCreate(WDFDRIVER Driver, WDFDEVICE Device)
{
	if (!Driver || Device != (WDFDEVICE)&fake_device_object)
		return STATUS_INVALID_PARAMETER;
	free(fake_context);
	fake_context = calloc(1, fake_host_packet.ControllerContextSize ?
			      fake_host_packet.ControllerContextSize : 1);
	if (!fake_context)
		return STATUS_INSUFFICIENT_RESOURCES;
	fake_host_device = Device;
	return STATUS_SUCCESS;
}

VOID GPIO_CLX_AcquireInterruptLock(PVOID Context, BANK_ID BankId)
{
	if (Context != fake_context || BankId >= 16 || fake_host_lock_held[BankId]) {
		printf("#   bad or recursive %s(bank %u)\n", __func__, BankId);
		fake_host_assert_failures++;
		return;
	}
	fake_host_lock_held[BankId] = 1;
	fake_host_lock_acquired[BankId]++;
}

VOID GPIO_CLX_ReleaseInterruptLock(PVOID Context, BANK_ID BankId)
{
	if (Context != fake_context || BankId >= 16 || !fake_host_lock_held[BankId]) {
		printf("#   unbalanced %s(bank %u)\n", __func__, BankId);
		fake_host_assert_failures++;
		return;
	}
	fake_host_lock_held[BankId] = 0;
}

NTSTATUS fake_host_driver_entry(PDRIVER_INITIALIZE entry)
{
	UNICODE_STRING path = { 0, 0, NULL };

	return entry((PDRIVER_OBJECT)&fake_driver_object, &path);
}

NTSTATUS fake_host_add_device(void)
{
	PWDFDEVICE_INIT init = &fake_device_init;

	if (!fake_driver_created || !fake_driver_config.EvtDriverDeviceAdd)
		return STATUS_INVALID_DEVICE_STATE;
	memset(&fake_device_init, 0, sizeof(fake_device_init));
	return fake_driver_config.EvtDriverDeviceAdd((WDFDRIVER)&fake_driver_config, init);
}

void *fake_host_context(void)
{
	return fake_context;
}

NTSTATUS fake_host_start(WDFCMRESLIST resources, CLIENT_CONTROLLER_BASIC_INFORMATION *info)
{
	NTSTATUS status;

	status = fake_host_packet.CLIENT_PrepareController(fake_host_device, fake_context,
							   resources, resources);
	if (!NT_SUCCESS(status))
		return status;
	memset(info, 0, sizeof(*info));
	status = fake_host_packet.CLIENT_QueryControllerBasicInformation(fake_context, info);
	if (!NT_SUCCESS(status))
		return status;
	return fake_host_packet.CLIENT_StartController(fake_context, FALSE, WdfPowerDeviceD3Final);
}
