/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fake_host.h - a userspace stand-in for gpioclx.ko, for hosted tests of
 * OS-neutral client drivers.
 *
 * It implements the include/ surface a client calls (WDF objects, resource
 * lists, MmMapIoSpace, register accessors, GPIO_CLX_* methods) so that a
 * client's unmodified .c file links into a test program. Register accesses
 * go to a register model the test installs with fake_host_add_mmio(), so
 * every callback's effect on the hardware can be asserted.
 */
#ifndef FAKE_HOST_H
#define FAKE_HOST_H

#include <ntddk.h>
#include <wdf.h>
#include <gpioclx.h>

struct fake_mmio_ops {
	ULONG64 (*read)(void *priv, ULONG offset, unsigned int width);
	void (*write)(void *priv, ULONG offset, ULONG64 value, unsigned int width);
};

/* Forget every registration, mapping, resource and counter. */
void fake_host_reset(void);

/* Back the physical range [phys, phys + size) with a register model. */
void fake_host_add_mmio(ULONG64 phys, ULONG size, const struct fake_mmio_ops *ops,
			void *priv);

/* Build a resource list (raw and translated are the same here). */
WDFCMRESLIST fake_host_reslist(const CM_PARTIAL_RESOURCE_DESCRIPTOR *descs, ULONG count);
CM_PARTIAL_RESOURCE_DESCRIPTOR fake_host_memory_resource(ULONG64 start, ULONG length);
CM_PARTIAL_RESOURCE_DESCRIPTOR fake_host_interrupt_resource(ULONG vector);
/* A serial connection resource (class SERIAL, type I2C) with this id (fake_spb.c opens it). */
CM_PARTIAL_RESOURCE_DESCRIPTOR fake_host_i2c_resource(ULONG IdLowPart, ULONG IdHighPart);

/* Run a client's DriverEntry, then its EvtDriverDeviceAdd. */
NTSTATUS fake_host_driver_entry(PDRIVER_INITIALIZE entry);
NTSTATUS fake_host_add_device(void);

/* What the client registered and the context the host allocated for it. */
extern GPIO_CLIENT_REGISTRATION_PACKET fake_host_packet;
extern WDFDEVICE fake_host_device;
void *fake_host_context(void);

/* Bring the controller up as gpioclx.ko does: Prepare, QueryBasicInfo, Start. */
NTSTATUS fake_host_start(WDFCMRESLIST resources, CLIENT_CONTROLLER_BASIC_INFORMATION *info);

/* Interrupt-lock bookkeeping, per bank. */
extern unsigned int fake_host_lock_acquired[16];
extern unsigned int fake_host_lock_held[16];

/* Register accesses that hit no model (a client bug), and failed NT_ASSERTs. */
extern unsigned int fake_host_stray_accesses;
extern unsigned int fake_host_assert_failures;
/* What the last RtlAssert() reported (NULL after fake_host_reset()). */
extern const char *fake_host_assert_expression;
extern const char *fake_host_assert_file;
extern const char *fake_host_assert_message;
/* Live MmMapIoSpace mappings (a leak check after ReleaseController). */
extern unsigned int fake_host_mappings;

#endif /* FAKE_HOST_H */
