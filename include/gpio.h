/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gpio.h - the IOCTLs peripheral drivers send to GpioClx on Windows.
 *
 * Linux consumers reach the controller through gpiolib instead, so nothing
 * in the shim serves these; they are here for sources that name them.
 * gpioclx-api: IOCTL_GPIO_READ_PINS, IOCTL_GPIO_WRITE_PINS,
 *	IOCTL_GPIO_CONTROLLER_SPECIFIC_FUNCTION; not: no IOCTL reaches a controller on Linux
 */
#ifndef GPIOCLX_GPIO_IOCTL_H
#define GPIOCLX_GPIO_IOCTL_H

#include "ntdef.h"
#include "devioctl.h"

#define FILE_DEVICE_GPIO 0x00000048

#define IOCTL_GPIO_READ_PINS \
	CTL_CODE(FILE_DEVICE_GPIO, 0, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_GPIO_WRITE_PINS \
	CTL_CODE(FILE_DEVICE_GPIO, 1, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_GPIO_CONTROLLER_SPECIFIC_FUNCTION \
	CTL_CODE(FILE_DEVICE_GPIO, 2, METHOD_BUFFERED, FILE_ANY_ACCESS)

#endif /* GPIOCLX_GPIO_IOCTL_H */
