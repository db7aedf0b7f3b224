/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * devioctl.h - I/O control codes, as the WDK builds them: the device type
 * in bits 16-31, the required access in 14-15, the function in 2-13 and
 * the buffering method in 0-1.
 */
#ifndef GPIOCLX_DEVIOCTL_H
#define GPIOCLX_DEVIOCTL_H

#include "ntdef.h"

/* gpioclx-api: CTL_CODE; linux: a constant, compared by the I/O target's dispatch */
#define CTL_CODE(DeviceType, Function, Method, Access) \
	(((ULONG)(DeviceType) << 16) | ((ULONG)(Access) << 14) | ((ULONG)(Function) << 2) | \
	 (ULONG)(Method))

#define FILE_DEVICE_CONTROLLER 0x00000004
#define FILE_DEVICE_BUS_EXTENDER 0x0000002a

#define METHOD_BUFFERED 0
#define METHOD_IN_DIRECT 1
#define METHOD_OUT_DIRECT 2
#define METHOD_NEITHER 3

#define FILE_ANY_ACCESS 0
#define FILE_READ_ACCESS 0x0001
#define FILE_WRITE_ACCESS 0x0002

#endif /* GPIOCLX_DEVIOCTL_H */
