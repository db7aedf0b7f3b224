/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * simgpio_regs.h - register map of the simulated memory-mapped GPIO controller.
 *
 * OS-neutral: NT types only. The client (simgpio.c) and the software model
 * of the hardware (simgpio_model.c) both describe the same silicon with it.
 *
 * The window starts with a 0x100-byte header, followed by one 0x80-byte
 * block per bank. Every register is 64 bits wide and must be accessed with
 * one aligned 8-byte access (READ_REGISTER_ULONG64 / WRITE_REGISTER_ULONG64);
 * narrower, wider or misaligned accesses are errors the model counts.
 *
 *   0x000  ID      RO  bits 0..31 magic 0x4F494753 ("SGIO" in memory order),
 *                      bits 32..39 register-map version (1)
 *   0x008  CONFIG  RO  bits 0..15 number of banks, bits 16..23 pins per bank
 *                      (1..64); the other bits read 0
 *   0x010..0x0ff       reserved
 *   0x100 + n * 0x80   bank n's registers (below)
 *
 * Window size: 0x100 + banks * 0x80 bytes.
 *
 * Bank registers; bit p is pin p of the bank, bits at and above the number
 * of pins per bank read 0 and ignore writes:
 *
 *   +0x00 DIR           RW   1 = output, 0 = input; resets to 0 (all inputs)
 *   +0x08 DATA_IN       RO   the level on each pin: an output shows its
 *                            DATA_OUT bit; an input shows the external drive
 *                            if something drives it, else its internal pull
 *                            (pull-up 1, pull-down 0), else 0
 *   +0x10 DATA_OUT      RW   output latch; latched for inputs too, and driven
 *                            as soon as the pin becomes an output
 *   +0x18 DATA_SET      WO   1s set the matching DATA_OUT bits
 *   +0x20 DATA_CLR      WO   1s clear the matching DATA_OUT bits
 *   +0x28 PULL_UP       RW   internal pull-up resistor enable
 *   +0x30 PULL_DOWN     RW   internal pull-down resistor enable
 *                            (both set on one pin = no pull)
 *   +0x38 IRQ_MODE      RW   1 = level-sensitive, 0 = edge
 *   +0x40 IRQ_POLARITY  RW   1 = active high / rising edge,
 *                            0 = active low / falling edge; one polarity per
 *                            pin: the hardware cannot detect both edges
 *   +0x48 IRQ_ENABLE    RW   1 = the pin's interrupt is enabled (unmasked)
 *   +0x50 IRQ_STATUS    RW1C edge pins latch 1 on a transition of DATA_IN in
 *                            the programmed direction, enabled or not; writing
 *                            1 clears an edge pin's latch. A level pin's bit
 *                            is (DATA_IN == IRQ_POLARITY) at every moment and
 *                            writes don't change it. Changing a pin's
 *                            IRQ_MODE clears its latch.
 *   +0x58 IRQ_PENDING   RO   IRQ_STATUS & IRQ_ENABLE
 *   +0x60..0x7f              reserved
 *
 * Each bank has its own interrupt line, asserted (active high, level) while
 * the bank's IRQ_PENDING is nonzero.
 */
#ifndef SIMGPIO_REGS_H
#define SIMGPIO_REGS_H

#include <ntdef.h>

/* Header registers. */
#define SIMGPIO_ID			0x000
#define SIMGPIO_CONFIG			0x008

#define SIMGPIO_ID_MAGIC		0x4F494753UL	/* "SGIO" */
#define SIMGPIO_ID_VERSION		1
#define SIMGPIO_ID_GET_MAGIC(id)	((ULONG)((id) & 0xFFFFFFFFULL))
#define SIMGPIO_ID_GET_VERSION(id)	((ULONG)(((id) >> 32) & 0xFF))
#define SIMGPIO_ID_VALUE(version) \
	((ULONG64)SIMGPIO_ID_MAGIC | ((ULONG64)(version) << 32))

#define SIMGPIO_CONFIG_GET_BANKS(cfg)	((ULONG)((cfg) & 0xFFFF))
#define SIMGPIO_CONFIG_GET_PINS(cfg)	((ULONG)(((cfg) >> 16) & 0xFF))
#define SIMGPIO_CONFIG_VALUE(banks, pins) \
	((ULONG64)((banks) & 0xFFFF) | ((ULONG64)((pins) & 0xFF) << 16))

/* Bank blocks. */
#define SIMGPIO_BANK_BASE		0x100
#define SIMGPIO_BANK_STRIDE		0x80
#define SIMGPIO_BANK_OFFSET(bank)	(SIMGPIO_BANK_BASE + (bank) * SIMGPIO_BANK_STRIDE)
#define SIMGPIO_WINDOW_SIZE(banks)	(SIMGPIO_BANK_BASE + (banks) * SIMGPIO_BANK_STRIDE)

#define SIMGPIO_DIR			0x00
#define SIMGPIO_DATA_IN			0x08
#define SIMGPIO_DATA_OUT		0x10
#define SIMGPIO_DATA_SET		0x18
#define SIMGPIO_DATA_CLR		0x20
#define SIMGPIO_PULL_UP			0x28
#define SIMGPIO_PULL_DOWN		0x30
#define SIMGPIO_IRQ_MODE		0x38
#define SIMGPIO_IRQ_POLARITY		0x40
#define SIMGPIO_IRQ_ENABLE		0x48
#define SIMGPIO_IRQ_STATUS		0x50
#define SIMGPIO_IRQ_PENDING		0x58

/* Limits of the design: CONFIG could say more banks, no instance has them. */
#define SIMGPIO_MAX_BANKS		16
#define SIMGPIO_MAX_PINS_PER_BANK	64
#define SIMGPIO_MIN_WINDOW_SIZE		SIMGPIO_BANK_BASE

/* The same map as structures, for clients that address registers by field. */
typedef struct _SIMGPIO_BANK_REGISTERS {
	ULONG64 Direction;		/* +0x00 DIR */
	ULONG64 DataIn;			/* +0x08 DATA_IN */
	ULONG64 DataOut;		/* +0x10 DATA_OUT */
	ULONG64 DataSet;		/* +0x18 DATA_SET */
	ULONG64 DataClear;		/* +0x20 DATA_CLR */
	ULONG64 PullUp;			/* +0x28 PULL_UP */
	ULONG64 PullDown;		/* +0x30 PULL_DOWN */
	ULONG64 InterruptMode;		/* +0x38 IRQ_MODE */
	ULONG64 InterruptPolarity;	/* +0x40 IRQ_POLARITY */
	ULONG64 InterruptEnable;	/* +0x48 IRQ_ENABLE */
	ULONG64 InterruptStatus;	/* +0x50 IRQ_STATUS */
	ULONG64 InterruptPending;	/* +0x58 IRQ_PENDING */
	ULONG64 Reserved[4];		/* +0x60 */
} SIMGPIO_BANK_REGISTERS, *PSIMGPIO_BANK_REGISTERS;

typedef struct _SIMGPIO_REGISTERS {
	ULONG64 Id;			/* 0x000 ID */
	ULONG64 Config;			/* 0x008 CONFIG */
	ULONG64 Reserved[30];		/* 0x010 */
	SIMGPIO_BANK_REGISTERS Banks[SIMGPIO_MAX_BANKS];	/* 0x100 */
} SIMGPIO_REGISTERS, *PSIMGPIO_REGISTERS;

C_ASSERT(sizeof(SIMGPIO_BANK_REGISTERS) == SIMGPIO_BANK_STRIDE);
C_ASSERT(FIELD_OFFSET(SIMGPIO_BANK_REGISTERS, Direction) == SIMGPIO_DIR);
C_ASSERT(FIELD_OFFSET(SIMGPIO_BANK_REGISTERS, DataIn) == SIMGPIO_DATA_IN);
C_ASSERT(FIELD_OFFSET(SIMGPIO_BANK_REGISTERS, DataOut) == SIMGPIO_DATA_OUT);
C_ASSERT(FIELD_OFFSET(SIMGPIO_BANK_REGISTERS, DataSet) == SIMGPIO_DATA_SET);
C_ASSERT(FIELD_OFFSET(SIMGPIO_BANK_REGISTERS, DataClear) == SIMGPIO_DATA_CLR);
C_ASSERT(FIELD_OFFSET(SIMGPIO_BANK_REGISTERS, PullUp) == SIMGPIO_PULL_UP);
C_ASSERT(FIELD_OFFSET(SIMGPIO_BANK_REGISTERS, PullDown) == SIMGPIO_PULL_DOWN);
C_ASSERT(FIELD_OFFSET(SIMGPIO_BANK_REGISTERS, InterruptMode) == SIMGPIO_IRQ_MODE);
C_ASSERT(FIELD_OFFSET(SIMGPIO_BANK_REGISTERS, InterruptPolarity) == SIMGPIO_IRQ_POLARITY);
C_ASSERT(FIELD_OFFSET(SIMGPIO_BANK_REGISTERS, InterruptEnable) == SIMGPIO_IRQ_ENABLE);
C_ASSERT(FIELD_OFFSET(SIMGPIO_BANK_REGISTERS, InterruptStatus) == SIMGPIO_IRQ_STATUS);
C_ASSERT(FIELD_OFFSET(SIMGPIO_BANK_REGISTERS, InterruptPending) == SIMGPIO_IRQ_PENDING);
C_ASSERT(FIELD_OFFSET(SIMGPIO_REGISTERS, Id) == SIMGPIO_ID);
C_ASSERT(FIELD_OFFSET(SIMGPIO_REGISTERS, Config) == SIMGPIO_CONFIG);
C_ASSERT(FIELD_OFFSET(SIMGPIO_REGISTERS, Banks) == SIMGPIO_BANK_BASE);

#endif /* SIMGPIO_REGS_H */
