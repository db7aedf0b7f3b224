/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * pl061_regs.h - register map of the ARM PrimeCell PL061 GPIO controller.
 *
 * Facts from the PL061 Technical Reference Manual (ARM DDI 0190). The block
 * is 4 KiB; every register is 8 bits wide (one bit per pin, bit n = pin n)
 * and sits at a word-aligned offset, the upper 24 bits of each word reading
 * as zero.
 *
 * GPIODATA occupies 256 words (0x000 - 0x3FC): address bits [9:2] are a pin
 * mask. A read returns the pins whose mask bit is set and zero for the
 * others; a write changes only the pins whose mask bit is set, and of those
 * only the ones configured as outputs (writes to input pins are dropped).
 * So any subset of the pins is read or written in one access, without a
 * read-modify-write: PL061_GPIODATA_MASKED(mask).
 *
 * Interrupts: GPIOIS selects level (1) or edge (0) sensing; for edges,
 * GPIOIBE selects both edges (1) or the single edge GPIOIEV names; GPIOIEV
 * selects rising edge / high level (1) or falling edge / low level (0).
 * GPIORIS is the raw status: edges latch into it whether or not the pin is
 * enabled in GPIOIE, levels follow the pin. GPIOMIS = GPIORIS & GPIOIE and
 * drives the single controller interrupt. Writing 1s to GPIOIC clears
 * latched edges; a level status clears only when the pin does.
 */
#ifndef PL061_REGS_H
#define PL061_REGS_H

#define PL061_PIN_COUNT			8
#define PL061_ALL_PINS			0xFF
#define PL061_REGISTER_SPAN		0x1000	/* bytes the block decodes */

#define PL061_GPIODATA			0x000	/* RW, address-masked, 0x000 - 0x3FC */
#define PL061_GPIODATA_ALL		0x3FC	/* GPIODATA with every mask bit set */
#define PL061_GPIODATA_MASKED(Mask)	((ULONG)(Mask) << 2)
#define PL061_GPIODIR			0x400	/* RW: 1 = output, 0 = input (reset 0) */
#define PL061_GPIOIS			0x404	/* RW: interrupt sense, 1 = level, 0 = edge */
#define PL061_GPIOIBE			0x408	/* RW: 1 = both edges (GPIOIEV ignored) */
#define PL061_GPIOIEV			0x40C	/* RW: 1 = rising / high, 0 = falling / low */
#define PL061_GPIOIE			0x410	/* RW: interrupt mask, 1 = enabled */
#define PL061_GPIORIS			0x414	/* RO: raw interrupt status */
#define PL061_GPIOMIS			0x418	/* RO: masked status, GPIORIS & GPIOIE */
#define PL061_GPIOIC			0x41C	/* WO: write 1 to clear a latched edge */
#define PL061_GPIOAFSEL			0x420	/* RW: 1 = hardware (alternate) function */

/* Identification: four 8-bit registers each, low byte of consecutive words. */
#define PL061_GPIOPERIPHID0		0xFE0
#define PL061_GPIOPERIPHID1		0xFE4
#define PL061_GPIOPERIPHID2		0xFE8
#define PL061_GPIOPERIPHID3		0xFEC
#define PL061_GPIOPCELLID0		0xFF0
#define PL061_GPIOPCELLID1		0xFF4
#define PL061_GPIOPCELLID2		0xFF8
#define PL061_GPIOPCELLID3		0xFFC

/*
 * PeriphID0..3 = part number 0x061, designer 0x41 ('A', ARM), revision in
 * the high nibble of PeriphID2 (any revision is a PL061), configuration 0.
 * PCellID0..3 = 0x0D, 0xF0, 0x05, 0xB1, the PrimeCell identification.
 */
#define PL061_PERIPHID0_VALUE		0x61
#define PL061_PERIPHID1_VALUE		0x10
#define PL061_PERIPHID2_VALUE		0x04
#define PL061_PERIPHID2_REVISION_MASK	0xF0
#define PL061_PERIPHID3_VALUE		0x00
#define PL061_PCELLID0_VALUE		0x0D
#define PL061_PCELLID1_VALUE		0xF0
#define PL061_PCELLID2_VALUE		0x05
#define PL061_PCELLID3_VALUE		0xB1

#endif /* PL061_REGS_H */
