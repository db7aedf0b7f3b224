// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * simgpio_model.c - software model of the simulated GPIO controller.
 *
 * Implements the register map of simgpio_regs.h (see there for the
 * semantics of each register) and the world outside the pins. The level of
 * every pin is recomputed after each change; edge pins latch their status
 * on the programmed transition of that level, level pins' status is derived
 * from it when read. OS-neutral: no libc, no Linux, no locking.
 */
#include <ntdef.h>

#include "simgpio_regs.h"
#include "simgpio_model.h"

BOOLEAN simgpio_model_init(struct simgpio_model *m, ULONG banks, ULONG pins_per_bank)
{
	RtlZeroMemory(m, sizeof(*m));
	if (banks < 1 || banks > SIMGPIO_MAX_BANKS ||
	    pins_per_bank < 1 || pins_per_bank > SIMGPIO_MAX_PINS_PER_BANK)
		return FALSE;
	m->banks = banks;
	m->pins_per_bank = pins_per_bank;
	m->pin_mask = pins_per_bank == 64 ? ~0ULL : (1ULL << pins_per_bank) - 1;
	return TRUE;
}

ULONG simgpio_model_window_size(const struct simgpio_model *m)
{
	return SIMGPIO_WINDOW_SIZE(m->banks);
}

VOID simgpio_model_set_callback(struct simgpio_model *m,
				void (*changed)(void *ctx, ULONG bank), PVOID ctx)
{
	m->changed = changed;
	m->changed_ctx = ctx;
}

/* DATA_IN: outputs show the latch, inputs the outside drive, else the pull. */
static ULONG64 simgpio_model_compute_level(const struct simgpio_model *m,
					   const struct simgpio_model_bank *b)
{
	ULONG64 driven = b->drive_high | b->drive_low;
	ULONG64 pulled_up = b->pull_up & ~b->pull_down;
	ULONG64 input = b->drive_high | (~driven & pulled_up);

	return ((b->dir & b->data_out) | (~b->dir & input)) & m->pin_mask;
}

static ULONG64 simgpio_model_status(const struct simgpio_model *m,
				    const struct simgpio_model_bank *b)
{
	ULONG64 level_active = ~(b->level ^ b->irq_polarity);

	return ((b->irq_mode & level_active) | (~b->irq_mode & b->irq_latch)) & m->pin_mask;
}

/* Recompute the bank's levels, latch edges, tell the owner of the line. */
static VOID simgpio_model_update(struct simgpio_model *m, ULONG bank)
{
	struct simgpio_model_bank *b = &m->bank[bank];
	ULONG64 old = b->level, new = simgpio_model_compute_level(m, b);
	ULONG64 rising = ~old & new, falling = old & ~new;

	b->irq_latch |= ~b->irq_mode &
			((rising & b->irq_polarity) | (falling & ~b->irq_polarity));
	b->level = new;
	if (m->changed)
		m->changed(m->changed_ctx, bank);
}

/*
 * Decode an access: TRUE for a valid 8-byte aligned access inside the
 * window, with *bank = SIMGPIO_MAX_BANKS for the header.
 */
static BOOLEAN simgpio_model_decode(const struct simgpio_model *m, ULONG offset, ULONG width,
				    ULONG *bank, ULONG *reg)
{
	if (width != sizeof(ULONG64) || (offset & (sizeof(ULONG64) - 1)) ||
	    offset >= SIMGPIO_WINDOW_SIZE(m->banks))
		return FALSE;
	if (offset < SIMGPIO_BANK_BASE) {
		*bank = SIMGPIO_MAX_BANKS;
		*reg = offset;
	} else {
		*bank = (offset - SIMGPIO_BANK_BASE) / SIMGPIO_BANK_STRIDE;
		*reg = (offset - SIMGPIO_BANK_BASE) % SIMGPIO_BANK_STRIDE;
	}
	return TRUE;
}

ULONG64 simgpio_model_read(struct simgpio_model *m, ULONG offset, ULONG width)
{
	struct simgpio_model_bank *b;
	ULONG bank, reg;

	if (!simgpio_model_decode(m, offset, width, &bank, &reg))
		goto bad;
	if (bank == SIMGPIO_MAX_BANKS) {
		switch (reg) {
		case SIMGPIO_ID:
			m->header_reads++;
			return SIMGPIO_ID_VALUE(SIMGPIO_ID_VERSION);
		case SIMGPIO_CONFIG:
			m->header_reads++;
			return SIMGPIO_CONFIG_VALUE(m->banks, m->pins_per_bank);
		default:
			goto bad;
		}
	}

	b = &m->bank[bank];
	switch (reg) {
	case SIMGPIO_DIR:
		b->reads++;
		return b->dir;
	case SIMGPIO_DATA_IN:
		b->reads++;
		return b->level;
	case SIMGPIO_DATA_OUT:
		b->reads++;
		return b->data_out;
	case SIMGPIO_PULL_UP:
		b->reads++;
		return b->pull_up;
	case SIMGPIO_PULL_DOWN:
		b->reads++;
		return b->pull_down;
	case SIMGPIO_IRQ_MODE:
		b->reads++;
		return b->irq_mode;
	case SIMGPIO_IRQ_POLARITY:
		b->reads++;
		return b->irq_polarity;
	case SIMGPIO_IRQ_ENABLE:
		b->reads++;
		return b->irq_enable;
	case SIMGPIO_IRQ_STATUS:
		b->reads++;
		return simgpio_model_status(m, b);
	case SIMGPIO_IRQ_PENDING:
		b->reads++;
		return simgpio_model_status(m, b) & b->irq_enable;
	default:	/* DATA_SET, DATA_CLR (write-only) and reserved */
		goto bad;
	}

bad:
	m->bad_accesses++;
	return 0;
}

VOID simgpio_model_write(struct simgpio_model *m, ULONG offset, ULONG64 value, ULONG width)
{
	struct simgpio_model_bank *b;
	ULONG bank, reg;

	if (!simgpio_model_decode(m, offset, width, &bank, &reg) || bank == SIMGPIO_MAX_BANKS)
		goto bad;

	b = &m->bank[bank];
	value &= m->pin_mask;
	switch (reg) {
	case SIMGPIO_DIR:
		b->dir = value;
		break;
	case SIMGPIO_DATA_OUT:
		b->data_out = value;
		break;
	case SIMGPIO_DATA_SET:
		b->data_out |= value;
		break;
	case SIMGPIO_DATA_CLR:
		b->data_out &= ~value;
		break;
	case SIMGPIO_PULL_UP:
		b->pull_up = value;
		break;
	case SIMGPIO_PULL_DOWN:
		b->pull_down = value;
		break;
	case SIMGPIO_IRQ_MODE:
		b->irq_latch &= ~(b->irq_mode ^ value);
		b->irq_mode = value;
		break;
	case SIMGPIO_IRQ_POLARITY:
		b->irq_polarity = value;
		break;
	case SIMGPIO_IRQ_ENABLE:
		b->irq_enable = value;
		break;
	case SIMGPIO_IRQ_STATUS:
		b->irq_latch &= ~value;
		break;
	default:	/* DATA_IN, IRQ_PENDING (read-only) and reserved */
		goto bad;
	}
	b->writes++;
	simgpio_model_update(m, bank);
	return;

bad:
	m->bad_accesses++;
}

VOID simgpio_model_drive(struct simgpio_model *m, ULONG bank, ULONG pin, enum simgpio_drive drive)
{
	struct simgpio_model_bank *b;
	ULONG64 bit;

	if (bank >= m->banks || pin >= m->pins_per_bank)
		return;
	b = &m->bank[bank];
	bit = 1ULL << pin;
	b->drive_high &= ~bit;
	b->drive_low &= ~bit;
	if (drive == SIMGPIO_DRIVE_HIGH)
		b->drive_high |= bit;
	else if (drive == SIMGPIO_DRIVE_LOW)
		b->drive_low |= bit;
	simgpio_model_update(m, bank);
}

enum simgpio_drive simgpio_model_get_drive(const struct simgpio_model *m, ULONG bank, ULONG pin)
{
	if (bank >= m->banks || pin >= m->pins_per_bank)
		return SIMGPIO_DRIVE_RELEASED;
	if (m->bank[bank].drive_high & (1ULL << pin))
		return SIMGPIO_DRIVE_HIGH;
	if (m->bank[bank].drive_low & (1ULL << pin))
		return SIMGPIO_DRIVE_LOW;
	return SIMGPIO_DRIVE_RELEASED;
}

BOOLEAN simgpio_model_level(const struct simgpio_model *m, ULONG bank, ULONG pin)
{
	if (bank >= m->banks || pin >= m->pins_per_bank)
		return FALSE;
	return (m->bank[bank].level >> pin) & 1;
}

BOOLEAN simgpio_model_irq_asserted(const struct simgpio_model *m, ULONG bank)
{
	const struct simgpio_model_bank *b;

	if (bank >= m->banks)
		return FALSE;
	b = &m->bank[bank];
	return (simgpio_model_status(m, b) & b->irq_enable) != 0;
}
