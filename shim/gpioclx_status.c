// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpioclx_status.c - the one NTSTATUS to errno table.
 *
 * Every client failure the shim passes on goes through here, so the same
 * client status always becomes the same Linux error. STATUS_NOT_SUPPORTED
 * is -EOPNOTSUPP, an errno userspace knows; only set_config() turns it
 * into the kernel-internal -ENOTSUPP, the value gpiolib compares against
 * before falling back to software debounce or open-drain emulation.
 */
#include <linux/errno.h>
#include <linux/kernel.h>

#include "gpioclx_internal.h"

static const struct {
	NTSTATUS status;
	int err;
} gpioclx_status_map[] = {
	{ STATUS_SUCCESS, 0 },
	{ STATUS_GPIO_INTERRUPT_ALREADY_UNMASKED, 0 },	/* a warning: nothing to undo */
	{ STATUS_NOT_SUPPORTED, -EOPNOTSUPP },
	{ STATUS_NOT_IMPLEMENTED, -EOPNOTSUPP },
	{ STATUS_INVALID_PARAMETER, -EINVAL },
	{ STATUS_INVALID_DEVICE_REQUEST, -EINVAL },
	{ STATUS_GPIO_INVALID_REGISTRATION_PACKET, -EINVAL },
	{ STATUS_GPIO_CLIENT_INFORMATION_INVALID, -EINVAL },
	{ STATUS_GPIO_VERSION_NOT_SUPPORTED, -EPROTONOSUPPORT },
	{ STATUS_INSUFFICIENT_RESOURCES, -ENOMEM },
	{ STATUS_NO_MEMORY, -ENOMEM },
	{ STATUS_DEVICE_BUSY, -EBUSY },
	{ STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE, -EBUSY },
	{ STATUS_GPIO_OPERATION_DENIED, -EPERM },
	{ STATUS_ACCESS_DENIED, -EACCES },
	{ STATUS_BUFFER_TOO_SMALL, -ENOBUFS },
	{ STATUS_BUFFER_OVERFLOW, -EOVERFLOW },
	{ STATUS_TIMEOUT, -ETIMEDOUT },
	{ STATUS_IO_TIMEOUT, -ETIMEDOUT },
	{ STATUS_DEVICE_NOT_READY, -EAGAIN },
	{ STATUS_PENDING, -EINPROGRESS },
	{ STATUS_CANCELLED, -ECANCELED },
	{ STATUS_INVALID_DEVICE_STATE, -EBADFD },
	{ STATUS_DEVICE_CONFIGURATION_ERROR, -ENXIO },
	{ STATUS_NOT_FOUND, -ENOENT },
	{ STATUS_OBJECT_NAME_NOT_FOUND, -ENOENT },
	{ STATUS_NO_SUCH_DEVICE, -ENODEV },
	{ STATUS_DEVICE_DOES_NOT_EXIST, -ENODEV },
	{ STATUS_INVALID_HANDLE, -EBADF },
	{ STATUS_IO_DEVICE_ERROR, -EIO },
	{ STATUS_UNSUCCESSFUL, -EIO },
};

/**
 * gpioclx_status_to_errno - translate a client's NTSTATUS for Linux
 * @status: what a client callback returned
 *
 * Return: 0 for success (and the benign warning STATUS_GPIO_INTERRUPT_
 * ALREADY_UNMASKED), the mapped negative errno, or -EIO for any other
 * failure. Other informational and success codes are success.
 */
int gpioclx_status_to_errno(NTSTATUS status)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(gpioclx_status_map); i++)
		if (gpioclx_status_map[i].status == status)
			return gpioclx_status_map[i].err;
	return NT_SUCCESS(status) ? 0 : -EIO;
}

/**
 * gpioclx_config_status_to_errno - the errno of a refused set_config()
 * @status: what the client's ConnectIoPins returned for the new configuration
 *
 * Return: as gpioclx_status_to_errno(), except -ENOTSUPP for a setting the
 * client does not support, so gpiolib falls back.
 */
int gpioclx_config_status_to_errno(NTSTATUS status)
{
	int err = gpioclx_status_to_errno(status);

	return err == -EOPNOTSUPP ? -ENOTSUPP : err;
}
