/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * pl061_model.h - a software model of the ARM PrimeCell PL061 register block.
 *
 * OS-neutral (NT base types only, no libc or Linux header): the hosted
 * tests back a fake MMIO window with it, and a KUnit wrapper can put it
 * behind a gpioclx_mmio_model window inside the kernel.
 *
 * The model follows the TRM (see drivers/pl061/pl061_regs.h): GPIODATA is
 * address-masked for reads and writes, writes to input pins are dropped,
 * edges latch into GPIORIS whether or not the pin is enabled in GPIOIE, a
 * level status follows the pin, GPIOMIS = GPIORIS & GPIOIE, GPIOIC clears
 * latched edges, reserved locations read 0 and ignore writes.
 *
 * The outside world: pl061_model_drive_input() sets the level an external
 * device puts on a pin; pl061_model_pin_level() is what the pin shows (the
 * driven data for a GPIO output, the external level otherwise, including
 * pins handed to the hardware function with GPIOAFSEL). Interrupt detection
 * watches the pin level, so an output toggled by software can interrupt
 * too, as on the real block.
 *
 * Every register access is counted in reads/writes; the last one is kept
 * in last_offset/last_width/last_value.
 */
#ifndef PL061_MODEL_H
#define PL061_MODEL_H

#include <ntdef.h>

struct pl061_model {
	/* Registers, as the TRM names them. */
	UCHAR data;		/* output latch: what GPIO outputs drive */
	UCHAR dir;		/* GPIODIR */
	UCHAR is;		/* GPIOIS */
	UCHAR ibe;		/* GPIOIBE */
	UCHAR iev;		/* GPIOIEV */
	UCHAR ie;		/* GPIOIE */
	UCHAR afsel;		/* GPIOAFSEL */
	UCHAR edge_latch;	/* edge part of GPIORIS, cleared by GPIOIC */
	UCHAR periph_id[4];	/* GPIOPeriphID0..3 */
	UCHAR pcell_id[4];	/* GPIOPCellID0..3 */

	/* The world outside: levels external devices put on the pins. */
	UCHAR external;

	/* Access accounting for tests. */
	ULONG reads;
	ULONG writes;
	ULONG last_offset;
	unsigned int last_width;
	ULONG64 last_value;

	/*
	 * Optional: called after every write and input change, i.e. whenever
	 * pl061_model_irq_asserted() may have changed. Must not sleep.
	 */
	void (*irq_hook)(struct pl061_model *m, BOOLEAN asserted);
	void *owner;		/* free for the hook's user */
};

/* Reset state: all inputs, interrupts off, PL061 r1 identification, inputs low. */
void pl061_model_init(struct pl061_model *m);

/* A register access at byte @offset of the 4 KiB block, @width 1, 2, 4 or 8 bytes. */
ULONG64 pl061_model_read(struct pl061_model *m, ULONG offset, unsigned int width);
void pl061_model_write(struct pl061_model *m, ULONG offset, ULONG64 value, unsigned int width);

/* Drive @level (0 or 1) onto @pin from outside; detects edges. */
void pl061_model_drive_input(struct pl061_model *m, unsigned int pin, BOOLEAN level);

/* What @pin shows (0 or 1); all eight pins as a byte. */
BOOLEAN pl061_model_pin_level(const struct pl061_model *m, unsigned int pin);
UCHAR pl061_model_pin_levels(const struct pl061_model *m);

/* GPIORIS and GPIOMIS as the block computes them, without counting an access. */
UCHAR pl061_model_raw_status(const struct pl061_model *m);
UCHAR pl061_model_masked_status(const struct pl061_model *m);

/* The controller interrupt line: GPIOMIS != 0. */
BOOLEAN pl061_model_irq_asserted(const struct pl061_model *m);

#endif /* PL061_MODEL_H */
