// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * pl061_model.c - a software model of the ARM PrimeCell PL061 register block.
 *
 * The offsets are spelled out here again rather than taken from the
 * driver's pl061_regs.h, so that a wrong offset in the driver's header shows
 * up as a test failure instead of being agreed with.
 */
#include <ntdef.h>

#include "pl061_model.h"

#define MODEL_DATA_LAST	0x3FC
#define MODEL_DIR	0x400
#define MODEL_IS	0x404
#define MODEL_IBE	0x408
#define MODEL_IEV	0x40C
#define MODEL_IE	0x410
#define MODEL_RIS	0x414
#define MODEL_MIS	0x418
#define MODEL_IC	0x41C
#define MODEL_AFSEL	0x420
#define MODEL_PERIPHID0	0xFE0
#define MODEL_PCELLID0	0xFF0
#define MODEL_SPAN	0x1000

static const UCHAR pl061_model_periph_id[4] = { 0x61, 0x10, 0x14, 0x00 };
static const UCHAR pl061_model_pcell_id[4] = { 0x0D, 0xF0, 0x05, 0xB1 };

/* Pin levels: GPIO outputs drive the latch, everything else shows the outside. */
static UCHAR pl061_model_levels(const struct pl061_model *m)
{
	UCHAR driven = m->dir & (UCHAR)~m->afsel;

	return (m->data & driven) | (m->external & (UCHAR)~driven);
}

UCHAR pl061_model_raw_status(const struct pl061_model *m)
{
	UCHAR levels = pl061_model_levels(m);
	/* A level pin is active when its level equals GPIOIEV. */
	UCHAR level_active = (UCHAR)~(levels ^ m->iev);

	return (m->edge_latch & (UCHAR)~m->is) | (level_active & m->is);
}

UCHAR pl061_model_masked_status(const struct pl061_model *m)
{
	return pl061_model_raw_status(m) & m->ie;
}

BOOLEAN pl061_model_irq_asserted(const struct pl061_model *m)
{
	return pl061_model_masked_status(m) != 0;
}

BOOLEAN pl061_model_pin_level(const struct pl061_model *m, unsigned int pin)
{
	if (pin >= 8)
		return FALSE;
	return (pl061_model_levels(m) >> pin) & 1;
}

UCHAR pl061_model_pin_levels(const struct pl061_model *m)
{
	return pl061_model_levels(m);
}

/*
 * The pins went from @before to the current levels: latch the edges the
 * edge-sensing pins were set up to see, then tell the owner the interrupt
 * line may have moved.
 */
static void pl061_model_update(struct pl061_model *m, UCHAR before)
{
	UCHAR after = pl061_model_levels(m);
	UCHAR changed = before ^ after;
	UCHAR rising = changed & after, falling = changed & before;
	UCHAR edge_pins = (UCHAR)~m->is;
	UCHAR seen;

	seen = (changed & m->ibe) |
	       (rising & m->iev & (UCHAR)~m->ibe) |
	       (falling & (UCHAR)~m->iev & (UCHAR)~m->ibe);
	m->edge_latch |= seen & edge_pins;
	if (m->irq_hook)
		m->irq_hook(m, pl061_model_irq_asserted(m));
}

void pl061_model_init(struct pl061_model *m)
{
	void (*hook)(struct pl061_model *m, BOOLEAN asserted) = m->irq_hook;
	void *owner = m->owner;
	unsigned int i;

	RtlZeroMemory(m, sizeof(*m));
	for (i = 0; i < 4; i++) {
		m->periph_id[i] = pl061_model_periph_id[i];
		m->pcell_id[i] = pl061_model_pcell_id[i];
	}
	m->irq_hook = hook;
	m->owner = owner;
}

/* The 8-bit register in the word at @reg (word-aligned), as the block decodes it. */
static UCHAR pl061_model_register(const struct pl061_model *m, ULONG reg)
{
	if (reg <= MODEL_DATA_LAST)
		return pl061_model_levels(m) & (UCHAR)(reg >> 2);
	switch (reg) {
	case MODEL_DIR:
		return m->dir;
	case MODEL_IS:
		return m->is;
	case MODEL_IBE:
		return m->ibe;
	case MODEL_IEV:
		return m->iev;
	case MODEL_IE:
		return m->ie;
	case MODEL_RIS:
		return pl061_model_raw_status(m);
	case MODEL_MIS:
		return pl061_model_masked_status(m);
	case MODEL_AFSEL:
		return m->afsel;
	default:
		break;
	}
	if (reg >= MODEL_PERIPHID0 && reg < MODEL_PCELLID0)
		return m->periph_id[(reg - MODEL_PERIPHID0) >> 2];
	if (reg >= MODEL_PCELLID0 && reg < MODEL_SPAN)
		return m->pcell_id[(reg - MODEL_PCELLID0) >> 2];
	return 0;	/* reserved, and the write-only GPIOIC */
}

/*
 * Each register is the low byte of its word; the other three bytes read as
 * zero and ignore writes, so an access that does not start on a word
 * boundary sees only zeroes. A 64-bit access spans two register words.
 */
ULONG64 pl061_model_read(struct pl061_model *m, ULONG offset, unsigned int width)
{
	ULONG64 value = 0;

	m->reads++;
	m->last_offset = offset;
	m->last_width = width;
	if (offset < MODEL_SPAN && !(offset & 3)) {
		value = pl061_model_register(m, offset);
		if (width == 8 && offset + 4 < MODEL_SPAN)
			value |= (ULONG64)pl061_model_register(m, offset + 4) << 32;
	}
	m->last_value = value;
	return value;
}

static void pl061_model_set_register(struct pl061_model *m, ULONG reg, UCHAR value)
{
	UCHAR before = pl061_model_levels(m);

	if (reg <= MODEL_DATA_LAST) {
		/* Only masked pins that are outputs take the new value. */
		UCHAR take = (UCHAR)(reg >> 2) & m->dir;

		m->data = (m->data & (UCHAR)~take) | (value & take);
	} else {
		switch (reg) {
		case MODEL_DIR:
			m->dir = value;
			break;
		case MODEL_IS:
			m->is = value;
			break;
		case MODEL_IBE:
			m->ibe = value;
			break;
		case MODEL_IEV:
			m->iev = value;
			break;
		case MODEL_IE:
			m->ie = value;
			break;
		case MODEL_IC:
			m->edge_latch &= (UCHAR)~value;
			break;
		case MODEL_AFSEL:
			m->afsel = value;
			break;
		default:
			break;	/* GPIORIS, GPIOMIS, IDs and reserved: read-only */
		}
	}
	pl061_model_update(m, before);
}

void pl061_model_write(struct pl061_model *m, ULONG offset, ULONG64 value, unsigned int width)
{
	m->writes++;
	m->last_offset = offset;
	m->last_width = width;
	m->last_value = value;
	if (offset >= MODEL_SPAN || (offset & 3))
		return;
	pl061_model_set_register(m, offset, (UCHAR)value);
	if (width == 8 && offset + 4 < MODEL_SPAN)
		pl061_model_set_register(m, offset + 4, (UCHAR)(value >> 32));
}

void pl061_model_drive_input(struct pl061_model *m, unsigned int pin, BOOLEAN level)
{
	UCHAR before = pl061_model_levels(m);
	UCHAR bit;

	if (pin >= 8)
		return;
	bit = (UCHAR)(1U << pin);
	if (level)
		m->external |= bit;
	else
		m->external &= (UCHAR)~bit;
	pl061_model_update(m, before);
}
