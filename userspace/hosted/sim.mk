# SPDX-License-Identifier: GPL-2.0-or-later
# The simulated GPIO controller: its GpioClx client and its register model.
SIM_DIR := $(ROOT)/drivers/sim

TESTS += simgpio
simgpio_SRCS := $(SIM_DIR)/simgpio.c $(SIM_DIR)/simgpio_model.c
NEUTRAL_SRCS += $(SIM_DIR)/simgpio.c $(SIM_DIR)/simgpio_model.c
