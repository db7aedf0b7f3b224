// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpioclx_io.c - the I/O callbacks, called the way GpioClx calls them:
 * ConnectIoPins/DisconnectIoPins under the passive serialisation, one pin
 * per call (gpiolib requests lines one at a time); Read/Write under the
 * bank lock (see gpioclx_io_locked()), one call per bank and connection
 * mode, in the mask or the pin-table format the client asked for with
 * FormatIoRequestsAsMasks. The connection masks of a bank change here only.
 * The gpio_chip's get/set operations live here too, with the helpers they
 * call, so that the compiler can make the hot path one function.
 */
#include <linux/bitmap.h>

#include "gpioclx_internal.h"

/*
 * gpioclx-api: CLIENT_ConnectIoPins; linux: gpio_chip direction_input and direction_output;
 *	set_config on a connected line reconnects with the new pull, debounce (unless the
 *	shim emulates it) or drive strength (outputs only)
 * gpioclx-api: GPIO_CONNECT_IO_PINS_PARAMETERS.VendorData,
 *	GPIO_ENABLE_INTERRUPT_PARAMETERS.VendorData; not: always NULL: Linux has no vendor data
 *	for a line
 */
NTSTATUS gpioclx_connect_pin(struct gpioclx_bank *bank, unsigned int pin,
			     GPIO_CONNECT_IO_PINS_MODE mode, const struct gpioclx_pin *cfg,
			     bool may_sleep)
{
	struct gpioclx_controller *ctrl = bank->ctrl;
	PIN_NUMBER table[1] = { pin };
	GPIO_CONNECT_IO_PINS_PARAMETERS p = {
		.BankId = bank->id,
		.PinNumberTable = table,
		.PinCount = 1,
		.ConnectMode = mode,
		.PullConfiguration = cfg->pull,
		.DebounceTimeout = cfg->debounce,
		.DriveStrength = mode == ConnectModeOutput ? cfg->drive : 0,
	};
	u64 bit = BIT_ULL(pin);
	NTSTATUS status;

	status = gpioclx_passive_begin(bank, may_sleep);
	if (!NT_SUCCESS(status))
		return status;
	status = ctrl->cb->CLIENT_ConnectIoPins(ctrl->context, &p);
	if (NT_SUCCESS(status)) {
		if (mode == ConnectModeOutput)
			WRITE_ONCE(bank->conn_out, bank->conn_out | bit);
		else
			WRITE_ONCE(bank->conn_in, bank->conn_in | bit);
		WRITE_ONCE(bank->kept_out, bank->kept_out & ~bit);
	}
	gpioclx_passive_end(bank);
	gpioclx_note_call(ctrl, GPIOCLX_CB_CONNECT_IO, bank->id, bit, status);
	return status;
}

/*
 * gpioclx-api: CLIENT_DisconnectIoPins; linux: gpio_chip free, a direction change, set_config,
 *	and unbind
 */
NTSTATUS gpioclx_disconnect_pin(struct gpioclx_bank *bank, unsigned int pin, bool preserve,
				bool may_sleep)
{
	struct gpioclx_controller *ctrl = bank->ctrl;
	u64 bit = BIT_ULL(pin);
	bool output = bank->conn_out & bit;
	PIN_NUMBER table[1] = { pin };
	GPIO_DISCONNECT_IO_PINS_PARAMETERS p = {
		.BankId = bank->id,
		.PinNumberTable = table,
		.PinCount = 1,
		.DisconnectMode = output ? ConnectModeOutput : ConnectModeInput,
		.DisconnectFlags.PreserveConfiguration = preserve,
	};
	NTSTATUS status;

	status = gpioclx_passive_begin(bank, may_sleep);
	if (!NT_SUCCESS(status))
		return status;
	status = ctrl->cb->CLIENT_DisconnectIoPins(ctrl->context, &p);
	/*
	 * Even a failed disconnect ends the connection on our side: Linux
	 * has released the line and will not retry. A preserved output is
	 * still one in the hardware; anything else is back to its initial
	 * state, taken to be an input.
	 */
	WRITE_ONCE(bank->conn_in, bank->conn_in & ~bit);
	WRITE_ONCE(bank->conn_out, bank->conn_out & ~bit);
	if (output && preserve && NT_SUCCESS(status))
		WRITE_ONCE(bank->kept_out, bank->kept_out | bit);
	else
		WRITE_ONCE(bank->kept_out, bank->kept_out & ~bit);
	gpioclx_passive_end(bank);
	gpioclx_note_call(ctrl, GPIOCLX_CB_DISCONNECT_IO, bank->id, bit, status);
	return status;
}

/*
 * Read/Write run under the bank lock, as GpioClx calls them at DIRQL with
 * the bank interrupt lock held, except for memory-mapped clients that set
 * IndependentIoHwSupported: their I/O registers are separate from the
 * interrupt registers, and GpioClx "forgoes acquisition of any DIRQL
 * interrupt locks when servicing I/O" for them. Serial clients always get
 * the bank mutex: it is what serialises their bus traffic.
 * gpioclx-api: CONTROLLER_ATTRIBUTE_FLAGS.IndependentIoHwSupported; linux: Read and Write
 *	without the bank lock (memory-mapped controllers)
 * gpioclx-api: CONTROLLER_ATTRIBUTE_FLAGS.FormatIoRequestsAsMasks; linux: the UsingMask
 *	Read and Write callbacks instead of pin tables
 */
static bool gpioclx_io_locked(struct gpioclx_bank *bank)
{
	return !bank->ctrl->io_unlocked;
}

static void gpioclx_io_lock(struct gpioclx_bank *bank, bool locked)
{
	if (locked)
		gpioclx_bank_lock(bank);
}

static void gpioclx_io_unlock(struct gpioclx_bank *bank, bool locked)
{
	if (locked)
		gpioclx_bank_unlock(bank);
}

/* The pins of @mask as a PinNumberTable; returns the count. */
static unsigned int gpioclx_pin_table(u64 mask, PIN_NUMBER *table)
{
	unsigned int n = 0, pin;
	unsigned long bits[BITS_TO_LONGS(64)];

	bitmap_from_u64(bits, mask);
	for_each_set_bit(pin, bits, 64)
		table[n++] = pin;
	return n;
}

/*
 * CLIENT_ReadGpioPins, the pin-table format: out of line, so that its
 * table and buffer stay off the stack of the mask format's calls.
 */
static noinline NTSTATUS gpioclx_read_table_call(struct gpioclx_bank *bank, u64 mask,
						 bool outputs, u64 *values)
{
	struct gpioclx_controller *ctrl = bank->ctrl;
	bool locked = gpioclx_io_locked(bank);
	/* here, not above: INIT_STACK_ALL_ZERO kernels (Debian) zero them where declared */
	PIN_NUMBER table[GPIOCLX_MAX_PINS_PER_BANK];
	u8 buf[GPIOCLX_MAX_PINS_PER_BANK / 8] = {};
	GPIO_READ_PINS_PARAMETERS p = {
		.BankId = bank->id, .PinNumberTable = table, .Buffer = buf,
		.Flags = { .WriteConfiguredPins = outputs },
	};
	NTSTATUS status;
	unsigned int i, n;
	u64 v = 0;

	n = gpioclx_pin_table(mask, table);
	p.PinCount = n;
	gpioclx_io_lock(bank, locked);
	status = ctrl->cb->CLIENT_ReadGpioPins(ctrl->context, &p);
	gpioclx_io_unlock(bank, locked);
	for (i = 0; i < n; i++)
		if (buf[i / 8] & BIT(i % 8))
			v |= BIT_ULL(table[i]);
	gpioclx_note_call(ctrl, GPIOCLX_CB_READ, bank->id, mask, status);
	*values = v & mask;
	return status;
}

/*
 * One client read of @mask with @flags; @values gets only @mask bits.
 * gpioclx-api: CLIENT_ReadGpioPins, CLIENT_ReadGpioPinsUsingMask; linux: gpio_chip get and
 *	get_multiple
 */
static __always_inline NTSTATUS gpioclx_read_call(struct gpioclx_bank *bank, u64 mask,
						   bool outputs, u64 *values)
{
	struct gpioclx_controller *ctrl = bank->ctrl;
	bool locked = gpioclx_io_locked(bank);
	GPIO_READ_PINS_MASK_PARAMETERS p = {
		.BankId = bank->id, .PinValues = values,
		.Flags = { .WriteConfiguredPins = outputs },
	};
	NTSTATUS status;

	if (unlikely(!ctrl->masks))
		return gpioclx_read_table_call(bank, mask, outputs, values);
	*values = 0;
	gpioclx_io_lock(bank, locked);
	status = ctrl->cb->CLIENT_ReadGpioPinsUsingMask(ctrl->context, &p);
	gpioclx_io_unlock(bank, locked);
	gpioclx_note_call(ctrl, GPIOCLX_CB_READ, bank->id, mask, status);
	*values &= mask;
	return status;
}

/**
 * __gpioclx_read_bank - read connected pins of one bank
 * @bank: the bank
 * @mask: pins wanted (bit n = pin n), each connected
 * @values: pin levels, only @mask bits meaningful
 *
 * As GpioClx reads for its handles: pins connected as outputs with
 * WriteConfiguredPins, inputs without, so a mixed mask costs two calls.
 */
static __always_inline NTSTATUS __gpioclx_read_bank(struct gpioclx_bank *bank, u64 mask,
						     u64 *values)
{
	u64 out = mask & READ_ONCE(bank->conn_out), in = mask & ~out, v = 0;
	NTSTATUS status = STATUS_SUCCESS;

	if (!bank->ctrl->cb->CLIENT_ReadGpioPins)
		return STATUS_NOT_SUPPORTED;
	if (out)
		status = gpioclx_read_call(bank, out, true, &v);
	if (in && NT_SUCCESS(status))
		status = gpioclx_read_call(bank, in, false, values);
	else
		*values = 0;
	*values |= v;
	return status;
}

NTSTATUS gpioclx_read_bank(struct gpioclx_bank *bank, u64 mask, u64 *values)
{
	return __gpioclx_read_bank(bank, mask, values);
}

/*
 * Pins with no connection that a preserving Disconnect left driving: read
 * as outputs (WriteConfiguredPins), the one read GpioClx would not make,
 * so that reading a line as-is neither drives it nor turns it around.
 */
static NTSTATUS gpioclx_read_unconnected(struct gpioclx_bank *bank, u64 mask, u64 *values)
{
	if (!bank->ctrl->cb->CLIENT_ReadGpioPins)
		return STATUS_NOT_SUPPORTED;
	return gpioclx_read_call(bank, mask, true, values);
}

/* CLIENT_WriteGpioPins, the pin-table format: out of line, as for reads. */
static noinline NTSTATUS gpioclx_write_table_call(struct gpioclx_bank *bank, u64 set, u64 clear)
{
	struct gpioclx_controller *ctrl = bank->ctrl;
	bool locked = gpioclx_io_locked(bank);
	PIN_NUMBER table[GPIOCLX_MAX_PINS_PER_BANK];
	u8 buf[GPIOCLX_MAX_PINS_PER_BANK / 8] = {};
	GPIO_WRITE_PINS_PARAMETERS p = {
		.BankId = bank->id, .PinNumberTable = table, .Buffer = buf,
	};
	NTSTATUS status;
	unsigned int i, n;

	n = gpioclx_pin_table(set | clear, table);
	for (i = 0; i < n; i++)
		if (set & BIT_ULL(table[i]))
			buf[i / 8] |= BIT(i % 8);
	p.PinCount = n;
	gpioclx_io_lock(bank, locked);
	status = ctrl->cb->CLIENT_WriteGpioPins(ctrl->context, &p);
	gpioclx_io_unlock(bank, locked);
	gpioclx_note_call(ctrl, GPIOCLX_CB_WRITE, bank->id, set | clear, status);
	return status;
}

/**
 * __gpioclx_write_bank - drive pins of one bank with one client call
 * @bank: the bank
 * @set: pins to drive high
 * @clear: pins to drive low
 */
static __always_inline NTSTATUS __gpioclx_write_bank(struct gpioclx_bank *bank, u64 set,
						      u64 clear)
{
	struct gpioclx_controller *ctrl = bank->ctrl;
	bool locked = gpioclx_io_locked(bank);
	GPIO_WRITE_PINS_MASK_PARAMETERS p = {
		.BankId = bank->id, .SetMask = set, .ClearMask = clear,
	};
	NTSTATUS status;

	/*
	 * gpioclx-api: CLIENT_WriteGpioPins, CLIENT_WriteGpioPinsUsingMask; linux: gpio_chip
	 *	set and set_multiple; direction_output, which sets the level first
	 */
	if (!ctrl->cb->CLIENT_WriteGpioPins)
		return STATUS_NOT_SUPPORTED;
	if (unlikely(!ctrl->masks))
		return gpioclx_write_table_call(bank, set, clear);
	gpioclx_io_lock(bank, locked);
	status = ctrl->cb->CLIENT_WriteGpioPinsUsingMask(ctrl->context, &p);
	gpioclx_io_unlock(bank, locked);
	gpioclx_note_call(ctrl, GPIOCLX_CB_WRITE, bank->id, set | clear, status);
	return status;
}

NTSTATUS gpioclx_write_bank(struct gpioclx_bank *bank, u64 set, u64 clear)
{
	return __gpioclx_write_bank(bank, set, clear);
}

/*
 * Read @mask of @bank the way GpioClx reads for its handles: a line
 * connected as an output with WriteConfiguredPins, an input without (two
 * calls for a mixed batch). A requested line with no connection yet (as-is)
 * is connected as an input first, the only connection a read may make;
 * one a previous user left driving is read where it stands instead,
 * neither connected nor turned around.
 */
static int gpioclx_read_lines(struct gpioclx_bank *bank, u64 mask, u64 *values)
{
	struct gpioclx_controller *ctrl = bank->ctrl;
	unsigned long bits[BITS_TO_LONGS(64)];
	u64 none, kept, v = 0, part;
	unsigned int pin;
	NTSTATUS status;
	int ret;

	none = mask & ~(READ_ONCE(bank->conn_in) | READ_ONCE(bank->conn_out));
	kept = none & READ_ONCE(bank->kept_out);
	bitmap_from_u64(bits, none & ~kept);
	for_each_set_bit(pin, bits, 64) {
		ret = gpioclx_switch_mode(bank, pin, ConnectModeInput);
		if (ret)
			return ret;
	}
	if (kept) {
		status = gpioclx_read_unconnected(bank, kept, &part);
		ret = gpioclx_errno(ctrl, GPIOCLX_CB_READ, bank->id, status);
		if (ret)
			return ret;
		v |= part;
		mask &= ~kept;
	}
	if (mask) {
		status = __gpioclx_read_bank(bank, mask, &part);
		ret = gpioclx_errno(ctrl, GPIOCLX_CB_READ, bank->id, status);
		if (ret)
			return ret;
		v |= part;
	}
	*values = v;
	return 0;
}

int gpioclx_get(struct gpio_chip *gc, unsigned int offset)
{
	struct gpioclx_controller *ctrl = gpioclx_from_gc(gc);
	unsigned int pin;
	struct gpioclx_bank *bank = gpioclx_bank_of(ctrl, offset, &pin);
	u64 bit = BIT_ULL(pin), v;
	int ret;

	/* the common case, kept short: a connected line */
	if (likely((READ_ONCE(bank->conn_in) | READ_ONCE(bank->conn_out)) & bit))
		ret = gpioclx_errno(ctrl, GPIOCLX_CB_READ, bank->id,
				    __gpioclx_read_bank(bank, bit, &v));
	else
		ret = gpioclx_read_lines(bank, bit, &v);
	return ret ? ret : !!v;
}

/*
 * The bits of a gpiolib bitmap that fall in @bank, as a bank mask: a word
 * at a time (at most two words on 64-bit, three on 32-bit), not a bit at a
 * time, since this runs on every batch get/set.
 */
static u64 gpioclx_bank_bits(struct gpioclx_bank *bank, const unsigned long *map)
{
	unsigned int got = 0, pos, shift, take;
	u64 m = 0;

	while (got < bank->npins) {
		pos = bank->base + got;
		shift = pos % BITS_PER_LONG;
		take = min(bank->npins - got, BITS_PER_LONG - shift);
		m |= ((u64)(map[BIT_WORD(pos)] >> shift) & GENMASK_ULL(take - 1, 0)) << got;
		got += take;
	}
	return m;
}

int gpioclx_get_multiple(struct gpio_chip *gc, unsigned long *mask, unsigned long *bits)
{
	struct gpioclx_controller *ctrl = gpioclx_from_gc(gc);
	unsigned long pins[BITS_TO_LONGS(64)];
	unsigned int b, i;
	u64 m, v;
	int ret;

	for (b = 0; b < ctrl->nbanks; b++) {
		struct gpioclx_bank *bank = &ctrl->banks[b];

		m = gpioclx_bank_bits(bank, mask);
		if (!m)
			continue;
		ret = gpioclx_read_lines(bank, m, &v);
		if (ret)
			return ret;
		bitmap_from_u64(pins, m);
		for_each_set_bit(i, pins, 64)
			__assign_bit(bank->base + i, bits, v & BIT_ULL(i));
	}
	return 0;
}

/*
 * Write @set/@clear to the lines of @bank connected as outputs; GpioClx
 * refuses writes to input connections before the client sees them. A
 * requested line with no connection that the hardware still drives (a
 * previous user's output, kept) is connected as an output first; any
 * other line is refused.
 */
static int gpioclx_write_lines(struct gpioclx_bank *bank, u64 set, u64 clear)
{
	struct gpioclx_controller *ctrl = bank->ctrl;
	unsigned long bits[BITS_TO_LONGS(64)];
	u64 mask = set | clear, out, kept, refused;
	unsigned int pin;
	int ret = 0;

	out = READ_ONCE(bank->conn_out);
	kept = mask & ~out & ~READ_ONCE(bank->conn_in) & READ_ONCE(bank->kept_out);
	bitmap_from_u64(bits, kept);
	for_each_set_bit(pin, bits, 64)
		if (!gpioclx_switch_mode(bank, pin, ConnectModeOutput))
			out |= BIT_ULL(pin);
	refused = mask & ~out;
	if (refused) {
		dev_err_ratelimited(ctrl->dev, "bank %u: write to pins %#llx that are not outputs refused\n",
				    bank->id, refused);
		ret = -EPERM;
	}
	if (mask & out)
		ret = gpioclx_errno(ctrl, GPIOCLX_CB_WRITE, bank->id,
				    __gpioclx_write_bank(bank, set & out, clear & out)) ?: ret;
	return ret;
}

GPIOCLX_SET_RET gpioclx_set(struct gpio_chip *gc, unsigned int offset, int value)
{
	struct gpioclx_controller *ctrl = gpioclx_from_gc(gc);
	unsigned int pin;
	struct gpioclx_bank *bank = gpioclx_bank_of(ctrl, offset, &pin);
	u64 bit = BIT_ULL(pin), set = value ? bit : 0, clear = value ? 0 : bit;

	/* the common case, kept short: a line connected as an output */
	if (likely(READ_ONCE(bank->conn_out) & bit))
		return gpioclx_set_result(gpioclx_errno(ctrl, GPIOCLX_CB_WRITE, bank->id,
							__gpioclx_write_bank(bank, set, clear)));
	return gpioclx_set_result(gpioclx_write_lines(bank, set, clear));
}

GPIOCLX_SET_RET gpioclx_set_multiple(struct gpio_chip *gc, unsigned long *mask,
				     unsigned long *bits)
{
	struct gpioclx_controller *ctrl = gpioclx_from_gc(gc);
	unsigned int b;
	int ret = 0;
	u64 m, v;

	for (b = 0; b < ctrl->nbanks; b++) {
		struct gpioclx_bank *bank = &ctrl->banks[b];

		m = gpioclx_bank_bits(bank, mask);
		if (!m)
			continue;
		v = gpioclx_bank_bits(bank, bits);
		/* keep going: the other banks' lines are independent */
		ret = gpioclx_write_lines(bank, m & v, m & ~v) ?: ret;
	}
	return gpioclx_set_result(ret);
}
