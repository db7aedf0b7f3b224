// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test_pca9555.c - the PCA9555 register model of the simulated I2C bus
 * (drivers/i2c-sim/pca9555_model.c), byte by byte as the bus delivers it:
 * power-on state, the command byte and its pair toggling, refused commands,
 * pin levels, polarity, and INT (asserted on an input change, released by a
 * read of that port or by the change going back, never for outputs).
 */
#include <linux/errno.h>
#include <linux/types.h>

#include "hosted_test.h"
#include "i2c-sim/pca9555_model.h"

static struct pca9555_model m;
static unsigned int int_calls;
static bool int_last;

static void on_int(void *ctx, bool asserted)
{
	EXPECT_TRUE(ctx == &m);
	int_calls++;
	int_last = asserted;
}

static void setup(void)
{
	pca9555_model_init(&m);
	pca9555_model_set_callback(&m, on_int, &m);
	int_calls = 0;
	int_last = false;
}

static int wr(const u8 *buf, unsigned int len)
{
	return pca9555_model_write(&m, buf, len);
}

/* Select @reg, then read @len bytes in a second message. */
static void rd(u8 reg, u8 *buf, unsigned int len)
{
	EXPECT_EQ(wr(&reg, 1), 1);
	EXPECT_EQ(pca9555_model_read(&m, buf, len), len);
}

static void power_on_state(void)
{
	static const u8 want[PCA9555_NR_REGS] = { 0xff, 0xff, 0xff, 0xff, 0, 0, 0xff, 0xff };
	unsigned int r;

	setup();
	for (r = 0; r < PCA9555_NR_REGS; r++)
		EXPECT_EQ(pca9555_model_peek(&m, r), want[r]);
	EXPECT_EQ(pca9555_model_peek(&m, 8), 0);
	EXPECT_TRUE(!pca9555_model_int(&m));
	for (r = 0; r < PCA9555_NR_PINS; r++) {
		EXPECT_TRUE(pca9555_model_level(&m, r));
		EXPECT_EQ(pca9555_model_get_drive(&m, r), PCA9555_DRIVE_NONE);
	}
}

static void write_toggles_within_pair(void)
{
	const u8 out[] = { PCA9555_REG_OUTPUT, 0x12, 0x34 };
	const u8 out1[] = { PCA9555_REG_OUTPUT + 1, 0xaa, 0xbb };
	const u8 cfg[] = { PCA9555_REG_CONFIG, 1, 2, 3, 4 };

	setup();
	EXPECT_EQ(wr(out, sizeof(out)), 3);
	EXPECT_EQ(pca9555_model_peek(&m, 2), 0x12);
	EXPECT_EQ(pca9555_model_peek(&m, 3), 0x34);
	EXPECT_EQ(wr(out1, sizeof(out1)), 3);
	EXPECT_EQ(pca9555_model_peek(&m, 3), 0xaa);
	EXPECT_EQ(pca9555_model_peek(&m, 2), 0xbb);
	/* 1 -> 6, 2 -> 7, 3 -> 6, 4 -> 7: never into the next pair */
	EXPECT_EQ(wr(cfg, sizeof(cfg)), 5);
	EXPECT_EQ(pca9555_model_peek(&m, 6), 3);
	EXPECT_EQ(pca9555_model_peek(&m, 7), 4);
	EXPECT_EQ(pca9555_model_peek(&m, 4), 0);
	EXPECT_EQ(m.reg_writes[6], 2);
	EXPECT_EQ(m.reg_writes[7], 2);
	EXPECT_EQ(m.reg_writes[2], 2);
	EXPECT_EQ(m.reg_writes[3], 2);
}

static void read_toggles_and_command_stays(void)
{
	const u8 pol[] = { PCA9555_REG_POLARITY, 0x5a, 0xa5 };
	u8 buf[3];

	setup();
	EXPECT_EQ(wr(pol, sizeof(pol)), 3);
	EXPECT_EQ(pca9555_model_read(&m, buf, 3), 3);
	EXPECT_EQ(buf[0], 0x5a);
	EXPECT_EQ(buf[1], 0xa5);
	EXPECT_EQ(buf[2], 0x5a);
	/* a second read message starts again at the command's register */
	EXPECT_EQ(pca9555_model_read(&m, buf, 1), 1);
	EXPECT_EQ(buf[0], 0x5a);
	rd(PCA9555_REG_POLARITY + 1, buf, 2);
	EXPECT_EQ(buf[0], 0xa5);
	EXPECT_EQ(buf[1], 0x5a);
	EXPECT_EQ(m.reg_reads[4], 4);
	EXPECT_EQ(m.reg_reads[5], 2);
}

static void bad_command_refused(void)
{
	const u8 sel[] = { PCA9555_REG_CONFIG };
	const u8 bad[] = { 0x08, 0x00 };
	const u8 ai[] = { 0x80 | PCA9555_REG_OUTPUT, 0x00 };
	u8 buf[1];

	setup();
	EXPECT_EQ(wr(sel, 1), 1);
	EXPECT_EQ(wr(bad, sizeof(bad)), -EIO);
	EXPECT_EQ(wr(ai, sizeof(ai)), -EIO);
	EXPECT_EQ(pca9555_model_peek(&m, 2), 0xff);
	/* the command is still the configuration register's */
	EXPECT_EQ(m.command, PCA9555_REG_CONFIG);
	EXPECT_EQ(pca9555_model_read(&m, buf, 1), 1);
	EXPECT_EQ(buf[0], 0xff);
	/* an empty write (address only) takes nothing, changes nothing */
	EXPECT_EQ(wr(NULL, 0), 0);
	EXPECT_EQ(m.command, PCA9555_REG_CONFIG);
}

static void input_port_ignores_writes(void)
{
	const u8 in[] = { PCA9555_REG_INPUT, 0x00, 0x00 };

	setup();
	EXPECT_EQ(wr(in, sizeof(in)), 3);
	EXPECT_EQ(pca9555_model_peek(&m, 0), 0xff);
	EXPECT_EQ(pca9555_model_peek(&m, 1), 0xff);
}

static void pin_levels(void)
{
	/* pins 0 and 9 outputs; 0 drives low, 9 high */
	const u8 out[] = { PCA9555_REG_OUTPUT, 0xfe, 0xff };
	const u8 cfg[] = { PCA9555_REG_CONFIG, 0xfe, 0xfd };

	setup();
	EXPECT_EQ(wr(out, sizeof(out)), 3);
	EXPECT_EQ(wr(cfg, sizeof(cfg)), 3);
	EXPECT_TRUE(!pca9555_model_level(&m, 0));
	EXPECT_TRUE(pca9555_model_level(&m, 9));
	/* outputs ignore the outside */
	EXPECT_EQ(pca9555_model_drive(&m, 9, PCA9555_DRIVE_LOW), 0);
	EXPECT_TRUE(pca9555_model_level(&m, 9));
	EXPECT_EQ(pca9555_model_get_drive(&m, 9), PCA9555_DRIVE_LOW);
	/* inputs follow it, and the pull-up when let go */
	EXPECT_EQ(pca9555_model_drive(&m, 15, PCA9555_DRIVE_LOW), 0);
	EXPECT_TRUE(!pca9555_model_level(&m, 15));
	EXPECT_EQ(pca9555_model_peek(&m, 1), 0x7f);
	EXPECT_EQ(pca9555_model_drive(&m, 15, PCA9555_DRIVE_HIGH), 0);
	EXPECT_TRUE(pca9555_model_level(&m, 15));
	EXPECT_EQ(pca9555_model_drive(&m, 15, PCA9555_DRIVE_LOW), 0);
	EXPECT_EQ(pca9555_model_drive(&m, 15, PCA9555_DRIVE_NONE), 0);
	EXPECT_TRUE(pca9555_model_level(&m, 15));
	EXPECT_EQ(pca9555_model_peek(&m, 0), 0xfe);
	/* back to an input, pin 9 shows what drives it */
	{
		const u8 cfg1[] = { PCA9555_REG_CONFIG + 1, 0xff };

		EXPECT_EQ(wr(cfg1, sizeof(cfg1)), 2);
		EXPECT_TRUE(!pca9555_model_level(&m, 9));
	}
	EXPECT_EQ(pca9555_model_drive(&m, 16, PCA9555_DRIVE_LOW), -EINVAL);
	EXPECT_EQ(pca9555_model_drive(&m, 1, (enum pca9555_drive)3), -EINVAL);
	EXPECT_TRUE(!pca9555_model_level(&m, 16));
}

static void polarity_inverts_input_register(void)
{
	const u8 pol[] = { PCA9555_REG_POLARITY, 0x0f, 0x80 };
	u8 buf[2];

	setup();
	EXPECT_EQ(pca9555_model_drive(&m, 0, PCA9555_DRIVE_LOW), 0);
	EXPECT_EQ(wr(pol, sizeof(pol)), 3);
	rd(PCA9555_REG_INPUT, buf, 2);
	EXPECT_EQ(buf[0], 0xf1);	/* levels 0xfe ^ 0x0f */
	EXPECT_EQ(buf[1], 0x7f);
	/* the pin's level is not inverted, only the register */
	EXPECT_TRUE(!pca9555_model_level(&m, 0));
}

static void int_on_input_change_released_by_read(void)
{
	u8 buf[2];

	setup();
	EXPECT_EQ(pca9555_model_drive(&m, 3, PCA9555_DRIVE_LOW), 0);
	EXPECT_TRUE(pca9555_model_int(&m));
	EXPECT_EQ(int_calls, 1);
	EXPECT_TRUE(int_last);
	/* the other port's read does not release it */
	rd(PCA9555_REG_INPUT + 1, buf, 1);
	EXPECT_TRUE(pca9555_model_int(&m));
	EXPECT_EQ(int_calls, 1);
	rd(PCA9555_REG_INPUT, buf, 1);
	EXPECT_EQ(buf[0], 0xf7);
	EXPECT_TRUE(!pca9555_model_int(&m));
	EXPECT_EQ(int_calls, 2);
	EXPECT_TRUE(!int_last);
	/* a second change on port 1, released by a two-byte read from port 0 */
	EXPECT_EQ(pca9555_model_drive(&m, 12, PCA9555_DRIVE_LOW), 0);
	EXPECT_TRUE(pca9555_model_int(&m));
	rd(PCA9555_REG_INPUT, buf, 2);
	EXPECT_EQ(buf[1], 0xef);
	EXPECT_TRUE(!pca9555_model_int(&m));
	EXPECT_EQ(int_calls, 4);
	/* a read of another register releases nothing */
	EXPECT_EQ(pca9555_model_drive(&m, 12, PCA9555_DRIVE_NONE), 0);
	rd(PCA9555_REG_CONFIG, buf, 2);
	EXPECT_TRUE(pca9555_model_int(&m));
}

static void int_released_when_input_goes_back(void)
{
	setup();
	EXPECT_EQ(pca9555_model_drive(&m, 7, PCA9555_DRIVE_LOW), 0);
	EXPECT_TRUE(pca9555_model_int(&m));
	EXPECT_EQ(pca9555_model_drive(&m, 7, PCA9555_DRIVE_NONE), 0);
	EXPECT_TRUE(!pca9555_model_int(&m));
	EXPECT_EQ(int_calls, 2);
	/* driving high an input already pulled up changes nothing */
	EXPECT_EQ(pca9555_model_drive(&m, 7, PCA9555_DRIVE_HIGH), 0);
	EXPECT_EQ(int_calls, 2);
}

static void int_never_for_outputs(void)
{
	const u8 cfg[] = { PCA9555_REG_CONFIG, 0xdf };	/* pin 5 an output */
	const u8 low[] = { PCA9555_REG_OUTPUT, 0xdf };
	const u8 high[] = { PCA9555_REG_OUTPUT, 0xff };

	setup();
	EXPECT_EQ(wr(cfg, sizeof(cfg)), 2);
	EXPECT_EQ(wr(low, sizeof(low)), 2);
	EXPECT_TRUE(!pca9555_model_level(&m, 5));
	EXPECT_TRUE(!pca9555_model_int(&m));
	EXPECT_EQ(wr(high, sizeof(high)), 2);
	EXPECT_EQ(pca9555_model_drive(&m, 5, PCA9555_DRIVE_LOW), 0);
	EXPECT_TRUE(!pca9555_model_int(&m));
	EXPECT_EQ(int_calls, 0);
}

/* The datasheet's warning: an output made an input may raise a false INT. */
static void int_when_output_becomes_input(void)
{
	const u8 low[] = { PCA9555_REG_OUTPUT, 0xfe };
	const u8 out[] = { PCA9555_REG_CONFIG, 0xfe };
	const u8 in[] = { PCA9555_REG_CONFIG, 0xff };
	u8 buf[1];

	setup();
	EXPECT_EQ(wr(low, sizeof(low)), 2);
	EXPECT_EQ(wr(out, sizeof(out)), 2);
	rd(PCA9555_REG_INPUT, buf, 1);
	EXPECT_EQ(buf[0], 0xfe);
	EXPECT_TRUE(!pca9555_model_int(&m));
	/* made an input, nothing drives it: the pull-up, unlike the last read */
	EXPECT_EQ(wr(in, sizeof(in)), 2);
	EXPECT_TRUE(pca9555_model_int(&m));
	EXPECT_EQ(int_calls, 1);
}

static void no_callback_is_fine(void)
{
	pca9555_model_init(&m);
	int_calls = 0;
	EXPECT_EQ(pca9555_model_drive(&m, 0, PCA9555_DRIVE_LOW), 0);
	EXPECT_TRUE(pca9555_model_int(&m));
	EXPECT_EQ(int_calls, 0);
}

HOSTED_MAIN("pca9555_model",
	    { "power_on_state", power_on_state },
	    { "write_toggles_within_pair", write_toggles_within_pair },
	    { "read_toggles_and_command_stays", read_toggles_and_command_stays },
	    { "bad_command_refused", bad_command_refused },
	    { "input_port_ignores_writes", input_port_ignores_writes },
	    { "pin_levels", pin_levels },
	    { "polarity_inverts_input_register", polarity_inverts_input_register },
	    { "int_on_input_change_released_by_read", int_on_input_change_released_by_read },
	    { "int_released_when_input_goes_back", int_released_when_input_goes_back },
	    { "int_never_for_outputs", int_never_for_outputs },
	    { "int_when_output_becomes_input", int_when_output_becomes_input },
	    { "no_callback_is_fine", no_callback_is_fine })
