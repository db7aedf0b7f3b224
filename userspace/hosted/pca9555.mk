# SPDX-License-Identifier: GPL-2.0-or-later
# The PCA9555 register model of the simulated I2C bus: kernel C with only
# <linux/types.h> and errno values, built against klinux/ (the kernel's
# u8/u16/u32 for the host) and the host's <linux/errno.h>.
TESTS += pca9555
pca9555_SRCS := $(ROOT)/drivers/i2c-sim/pca9555_model.c
pca9555_CFLAGS := -I$(ROOT)/userspace/hosted/klinux
