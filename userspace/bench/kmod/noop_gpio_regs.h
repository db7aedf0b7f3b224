/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * noop_gpio_regs.h - register map of the no-op GPIO controller: a single
 * read-only 32-bit CONFIG register at offset 0 that gives the geometry.
 * There is nothing else: the pins have no state to read or write.
 */
#ifndef NOOP_GPIO_REGS_H
#define NOOP_GPIO_REGS_H

#define NOOP_GPIO_CONFIG		0x0
#define NOOP_GPIO_WINDOW_SIZE		0x10

/* CONFIG: bits 7:0 pins per bank (1..64), bits 15:8 banks (1..64). */
#define NOOP_GPIO_CONFIG_PPB(Config)	((Config) & 0xff)
#define NOOP_GPIO_CONFIG_BANKS(Config)	(((Config) >> 8) & 0xff)
#define NOOP_GPIO_CONFIG_MAKE(Banks, Ppb) ((((Banks) & 0xff) << 8) | ((Ppb) & 0xff))

#define NOOP_GPIO_MAX_BANKS		64
#define NOOP_GPIO_MAX_PINS_PER_BANK	64

#endif /* NOOP_GPIO_REGS_H */
