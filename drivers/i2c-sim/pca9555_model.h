/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * pca9555_model.h - software model of an NXP PCA9555 (or PCA9535) 16-bit
 * I2C GPIO expander, at the level of the bytes on the bus.
 *
 * Eight 8-bit registers in pairs, port 0 then port 1 (NXP datasheet,
 * "Command byte"): input port (read-only: pin levels XOR polarity), output
 * port, polarity inversion, configuration (1 = input). The last command byte
 * written selects the register; bytes after it in the same message (write
 * or read) alternate between the two registers of its pair.
 *
 * Pins: an output shows its output port bit; an input shows what drives it
 * from outside, or high when nothing does (the chip's 100 kOhm pull-ups).
 *
 * INT (open drain, active low) is asserted while some pin configured as an
 * input differs from the level it had when its port's input register was
 * last read, and released by reading that register or by the pin going back.
 *
 * The model does no locking and allocates nothing: the caller serializes
 * every call on one model. It needs only <linux/types.h> and errno values,
 * so the hosted tests build it too.
 */
#ifndef PCA9555_MODEL_H
#define PCA9555_MODEL_H

#include <linux/types.h>

#define PCA9555_NR_PINS		16
#define PCA9555_NR_PORTS	2
#define PCA9555_NR_REGS		8

/* Command bytes (register addresses); port 1's register is port 0's + 1. */
#define PCA9555_REG_INPUT	0x00
#define PCA9555_REG_OUTPUT	0x02
#define PCA9555_REG_POLARITY	0x04
#define PCA9555_REG_CONFIG	0x06

/* What the outside world does to a pin (it matters only for inputs). */
enum pca9555_drive {
	PCA9555_DRIVE_NONE = 0,		/* not driven: the internal pull-up */
	PCA9555_DRIVE_HIGH,
	PCA9555_DRIVE_LOW,
};

struct pca9555_model {
	u8 output[PCA9555_NR_PORTS];
	u8 polarity[PCA9555_NR_PORTS];
	u8 config[PCA9555_NR_PORTS];
	u16 drive_high;			/* pins driven high from outside */
	u16 drive_low;			/* pins driven low from outside */
	u16 last_read;			/* levels when each port's input was last read */
	u8 command;			/* the register the next byte goes to */
	bool int_asserted;

	/* Register bytes transferred, per register, for tests and statistics. */
	u32 reg_reads[PCA9555_NR_REGS];
	u32 reg_writes[PCA9555_NR_REGS];

	/*
	 * Called, from inside whichever model call changed it, whenever INT
	 * changes; @asserted is true when INT goes low. It must not call
	 * back into the model except pca9555_model_int()/pca9555_model_level().
	 */
	void (*int_changed)(void *ctx, bool asserted);
	void *ctx;
};

/* Power-on state: all inputs, outputs latched high, no inversion, INT high. */
void pca9555_model_init(struct pca9555_model *m);

void pca9555_model_set_callback(struct pca9555_model *m,
				void (*int_changed)(void *ctx, bool asserted), void *ctx);

/*
 * One I2C write message's payload (after the address byte): a command byte,
 * then data for its register pair. Returns the bytes taken (@len; 0 for an
 * empty message, which leaves the command as it was), or -EIO when the
 * command byte is not a register: the chip does not acknowledge it, and
 * nothing changes.
 */
int pca9555_model_write(struct pca9555_model *m, const u8 *buf, unsigned int len);

/*
 * One I2C read message's payload: @len bytes from the register the last
 * command selected, alternating within its pair. Returns @len. Reading an
 * input port register releases that port's part of INT.
 */
int pca9555_model_read(struct pca9555_model *m, u8 *buf, unsigned int len);

/* A register's value without the side effects of a bus read; 0 if @reg >= 8. */
u8 pca9555_model_peek(const struct pca9555_model *m, unsigned int reg);

/* Drive a pin from outside; -EINVAL for a pin >= 16 or an unknown drive. */
int pca9555_model_drive(struct pca9555_model *m, unsigned int pin, enum pca9555_drive drive);
enum pca9555_drive pca9555_model_get_drive(const struct pca9555_model *m, unsigned int pin);

/* The level on a pin (false for a pin >= 16). */
bool pca9555_model_level(const struct pca9555_model *m, unsigned int pin);

/* True while INT is asserted (the pin is low). */
bool pca9555_model_int(const struct pca9555_model *m);

#endif /* PCA9555_MODEL_H */
