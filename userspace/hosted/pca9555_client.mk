# SPDX-License-Identifier: GPL-2.0-or-later
# The PCA9555 GpioClx client, its I/O target on fake_spb.c, against an
# in-memory register file.
TESTS += pca9555_client
pca9555_client_SRCS := $(ROOT)/drivers/pca9555/pca9555_gpio.c \
		       $(ROOT)/drivers/pca9555/pca9555_spb.c fake_spb.c
NEUTRAL_SRCS += $(ROOT)/drivers/pca9555/pca9555_gpio.c $(ROOT)/drivers/pca9555/pca9555_spb.c
