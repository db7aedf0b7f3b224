/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * simgpio_model.h - software model of the simulated GPIO controller.
 *
 * The model is the hardware of simgpio_regs.h: a register window answering
 * simgpio_model_read()/simgpio_model_write() at byte offsets, plus the pins'
 * outside world (what drives each input) and one interrupt line per bank.
 * It is OS-neutral (no libc, no Linux): the hosted tests plug it into the
 * fake host, the Linux module (simgpio_hw.c) into the shim's MMIO models.
 *
 * State lives in a caller-allocated struct simgpio_model sized for the
 * largest controller; nothing is allocated. The model does no locking: the
 * caller serializes every call on one model.
 */
#ifndef SIMGPIO_MODEL_H
#define SIMGPIO_MODEL_H

#include <ntdef.h>

#include "simgpio_regs.h"

/* What the outside world does to a pin (it only matters for inputs). */
enum simgpio_drive {
	SIMGPIO_DRIVE_RELEASED = 0,	/* nothing drives it: the pull decides */
	SIMGPIO_DRIVE_HIGH,		/* pulled high from outside */
	SIMGPIO_DRIVE_LOW,		/* pulled low from outside */
};

struct simgpio_model_bank {
	ULONG64 dir;
	ULONG64 data_out;
	ULONG64 pull_up;
	ULONG64 pull_down;
	ULONG64 irq_mode;
	ULONG64 irq_polarity;
	ULONG64 irq_enable;
	ULONG64 irq_latch;	/* edge pins' latched status */
	ULONG64 drive_high;	/* pins driven high from outside */
	ULONG64 drive_low;	/* pins driven low from outside */
	ULONG64 level;		/* DATA_IN, as of the last change */

	/* Valid register accesses to this bank, for tests. */
	ULONG reads;
	ULONG writes;
};

struct simgpio_model {
	ULONG banks;
	ULONG pins_per_bank;
	ULONG64 pin_mask;	/* the bits that exist in each bank register */
	struct simgpio_model_bank bank[SIMGPIO_MAX_BANKS];

	/* Valid accesses to the ID/CONFIG header. */
	ULONG header_reads;
	/*
	 * Invalid accesses: wrong width, misaligned, outside the window, to a
	 * reserved offset, a write to a read-only or a read of a write-only
	 * register. Reads among them return 0; writes are ignored.
	 */
	ULONG bad_accesses;

	/*
	 * Called with the bank number after anything that may have changed the
	 * bank's interrupt line (a register write, a drive change). The callee
	 * may ask simgpio_model_irq_asserted() or simgpio_model_level(); it must
	 * not change the model.
	 */
	void (*changed)(void *ctx, ULONG bank);
	PVOID changed_ctx;
};

/*
 * Reset the model to power-on state (all inputs, nothing driven, no pulls,
 * no callback). FALSE, and an unusable model, for a geometry out of range:
 * banks 1..SIMGPIO_MAX_BANKS, pins_per_bank 1..SIMGPIO_MAX_PINS_PER_BANK.
 */
BOOLEAN simgpio_model_init(struct simgpio_model *m, ULONG banks, ULONG pins_per_bank);

/* Size of the register window in bytes. */
ULONG simgpio_model_window_size(const struct simgpio_model *m);

/* Register the line-change callback (NULL to remove it). */
VOID simgpio_model_set_callback(struct simgpio_model *m,
				void (*changed)(void *ctx, ULONG bank), PVOID ctx);

/* Register access at a byte offset into the window; width in bytes. */
ULONG64 simgpio_model_read(struct simgpio_model *m, ULONG offset, ULONG width);
VOID simgpio_model_write(struct simgpio_model *m, ULONG offset, ULONG64 value, ULONG width);

/* The outside world: drive a pin, or look at it. Invalid pins are ignored. */
VOID simgpio_model_drive(struct simgpio_model *m, ULONG bank, ULONG pin,
			 enum simgpio_drive drive);
enum simgpio_drive simgpio_model_get_drive(const struct simgpio_model *m, ULONG bank, ULONG pin);
BOOLEAN simgpio_model_level(const struct simgpio_model *m, ULONG bank, ULONG pin);

/* TRUE while the bank's interrupt line is asserted (IRQ_PENDING != 0). */
BOOLEAN simgpio_model_irq_asserted(const struct simgpio_model *m, ULONG bank);

#endif /* SIMGPIO_MODEL_H */
