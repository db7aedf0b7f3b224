/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The kernel's fixed-width types for kernel C built on the host (the
 * hosted tests of drivers/i2c-sim/pca9555_model.c): what <linux/types.h>
 * gives a kernel file and the host's uapi header does not.
 */
#ifndef HOSTED_KLINUX_TYPES_H
#define HOSTED_KLINUX_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;

#endif /* HOSTED_KLINUX_TYPES_H */
