/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * pca9555_regs.h - the NXP PCA9555/PCA9535 16-bit I2C GPIO expander.
 *
 * Eight 8-bit registers in pairs, port 0 (pins 0-7) then port 1 (pins
 * 8-15). A transfer starts with a command byte (the register number); the
 * command then advances within its pair (0->1->0, 2->3->2, ...), so both
 * ports of a register are one transfer. Reading the input port clears the
 * INT output, which is asserted (low) on any change of an input pin.
 */
#ifndef PCA9555_REGS_H
#define PCA9555_REGS_H

#define PCA9555_REG_INPUT	0x00	/* pin levels, read-only */
#define PCA9555_REG_OUTPUT	0x02	/* output latches, power-on 0xffff */
#define PCA9555_REG_POLARITY	0x04	/* 1 = input reads inverted, power-on 0 */
#define PCA9555_REG_CONFIG	0x06	/* 1 = input, power-on 0xffff */
#define PCA9555_REG_COUNT	0x08

#define PCA9555_PINS		16
#define PCA9555_PORT_PINS	8

#endif /* PCA9555_REGS_H */
