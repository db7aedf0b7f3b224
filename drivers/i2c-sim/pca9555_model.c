// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * pca9555_model.c - software model of the PCA9555/PCA9535 I2C GPIO
 * expander (see pca9555_model.h for what it models).
 *
 * Pin levels are computed when asked, from the registers and the outside
 * drive; INT is recomputed after every change and the owner told when it
 * moves.
 */
#include <linux/errno.h>
#include <linux/types.h>

#include "pca9555_model.h"

void pca9555_model_init(struct pca9555_model *m)
{
	unsigned int i;

	for (i = 0; i < PCA9555_NR_PORTS; i++) {
		m->output[i] = 0xff;
		m->polarity[i] = 0;
		m->config[i] = 0xff;
	}
	for (i = 0; i < PCA9555_NR_REGS; i++) {
		m->reg_reads[i] = 0;
		m->reg_writes[i] = 0;
	}
	m->drive_high = 0;
	m->drive_low = 0;
	m->last_read = 0xffff;		/* every pin pulled up */
	m->command = 0;
	m->int_asserted = false;
	m->int_changed = NULL;
	m->ctx = NULL;
}

void pca9555_model_set_callback(struct pca9555_model *m,
				void (*int_changed)(void *ctx, bool asserted), void *ctx)
{
	m->int_changed = int_changed;
	m->ctx = ctx;
}

static u16 pca9555_model_port_pair(const u8 *regs)
{
	return regs[0] | (u16)regs[1] << 8;
}

/* Every pin's level: outputs their latch, inputs the drive or the pull-up. */
static u16 pca9555_model_levels(const struct pca9555_model *m)
{
	u16 inputs = pca9555_model_port_pair(m->config);
	u16 outside = m->drive_high | (u16)~(m->drive_high | m->drive_low);

	return (pca9555_model_port_pair(m->output) & ~inputs) | (outside & inputs);
}

static void pca9555_model_update_int(struct pca9555_model *m)
{
	u16 inputs = pca9555_model_port_pair(m->config);
	bool asserted = ((pca9555_model_levels(m) ^ m->last_read) & inputs) != 0;

	if (asserted == m->int_asserted)
		return;
	m->int_asserted = asserted;
	if (m->int_changed)
		m->int_changed(m->ctx, asserted);
}

u8 pca9555_model_peek(const struct pca9555_model *m, unsigned int reg)
{
	unsigned int port = reg & 1;

	switch (reg & ~1U) {
	case PCA9555_REG_INPUT:
		return (u8)(pca9555_model_levels(m) >> (8 * port)) ^ m->polarity[port];
	case PCA9555_REG_OUTPUT:
		return m->output[port];
	case PCA9555_REG_POLARITY:
		return m->polarity[port];
	case PCA9555_REG_CONFIG:
		return m->config[port];
	default:
		return 0;
	}
}

/* A bus read of one register byte. */
static u8 pca9555_model_read_reg(struct pca9555_model *m, unsigned int reg)
{
	u8 value = pca9555_model_peek(m, reg);

	m->reg_reads[reg]++;
	if ((reg & ~1U) == PCA9555_REG_INPUT) {
		unsigned int shift = 8 * (reg & 1);

		m->last_read &= ~(0xffU << shift);
		m->last_read |= pca9555_model_levels(m) & (0xffU << shift);
	}
	return value;
}

/* A bus write of one register byte; the input ports ignore writes. */
static void pca9555_model_write_reg(struct pca9555_model *m, unsigned int reg, u8 value)
{
	unsigned int port = reg & 1;

	m->reg_writes[reg]++;
	switch (reg & ~1U) {
	case PCA9555_REG_OUTPUT:
		m->output[port] = value;
		break;
	case PCA9555_REG_POLARITY:
		m->polarity[port] = value;
		break;
	case PCA9555_REG_CONFIG:
		m->config[port] = value;
		break;
	}
}

int pca9555_model_write(struct pca9555_model *m, const u8 *buf, unsigned int len)
{
	unsigned int i;

	if (!len)
		return 0;
	if (buf[0] >= PCA9555_NR_REGS)
		return -EIO;
	m->command = buf[0];
	for (i = 1; i < len; i++)
		pca9555_model_write_reg(m, m->command ^ ((i - 1) & 1), buf[i]);
	pca9555_model_update_int(m);
	return len;
}

int pca9555_model_read(struct pca9555_model *m, u8 *buf, unsigned int len)
{
	unsigned int i;

	for (i = 0; i < len; i++)
		buf[i] = pca9555_model_read_reg(m, m->command ^ (i & 1));
	pca9555_model_update_int(m);
	return len;
}

int pca9555_model_drive(struct pca9555_model *m, unsigned int pin, enum pca9555_drive drive)
{
	u16 bit;

	if (pin >= PCA9555_NR_PINS)
		return -EINVAL;
	bit = 1U << pin;
	switch (drive) {
	case PCA9555_DRIVE_NONE:
		m->drive_high &= ~bit;
		m->drive_low &= ~bit;
		break;
	case PCA9555_DRIVE_HIGH:
		m->drive_high |= bit;
		m->drive_low &= ~bit;
		break;
	case PCA9555_DRIVE_LOW:
		m->drive_high &= ~bit;
		m->drive_low |= bit;
		break;
	default:
		return -EINVAL;
	}
	pca9555_model_update_int(m);
	return 0;
}

enum pca9555_drive pca9555_model_get_drive(const struct pca9555_model *m, unsigned int pin)
{
	if (pin >= PCA9555_NR_PINS)
		return PCA9555_DRIVE_NONE;
	if (m->drive_high & (1U << pin))
		return PCA9555_DRIVE_HIGH;
	if (m->drive_low & (1U << pin))
		return PCA9555_DRIVE_LOW;
	return PCA9555_DRIVE_NONE;
}

bool pca9555_model_level(const struct pca9555_model *m, unsigned int pin)
{
	if (pin >= PCA9555_NR_PINS)
		return false;
	return pca9555_model_levels(m) & (1U << pin);
}

bool pca9555_model_int(const struct pca9555_model *m)
{
	return m->int_asserted;
}
