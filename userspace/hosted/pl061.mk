# SPDX-License-Identifier: GPL-2.0-or-later
# The PL061 GpioClx client against the PL061 register model.
TESTS += pl061
pl061_SRCS := $(ROOT)/drivers/pl061/pl061_gpio.c $(ROOT)/kunit/models/pl061_model.c
NEUTRAL_SRCS += $(ROOT)/drivers/pl061/pl061_gpio.c $(ROOT)/kunit/models/pl061_model.c
