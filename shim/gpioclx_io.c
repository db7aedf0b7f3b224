// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpioclx_io.c - the I/O callbacks, called the way GpioClx calls them:
 * ConnectIoPins/DisconnectIoPins under the passive serialisation, one pin
 * per call (gpiolib requests lines one at a time); Read/Write under the
 * bank lock (see gpioclx_io_locked()), one call per bank and connection
 * mode, in the mask or the pin-table format the client asked for with
 * FormatIoRequestsAsMasks. The connection masks of a bank change here only.
 */
#include <linux/bitmap.h>

#include "gpioclx_internal.h"

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
 */
static bool gpioclx_io_locked(struct gpioclx_bank *bank)
{
	return !(bank->ctrl->mm && bank->ctrl->info.Flags.IndependentIoHwSupported);
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

/* One client read of @mask with @flags; @values gets only @mask bits. */
static NTSTATUS gpioclx_read_call(struct gpioclx_bank *bank, u64 mask, bool outputs,
				  u64 *values)
{
	struct gpioclx_controller *ctrl = bank->ctrl;
	bool locked = gpioclx_io_locked(bank);
	GPIO_READ_PINS_FLAGS flags = { .WriteConfiguredPins = outputs };
	NTSTATUS status;
	u64 v = 0;
	unsigned int i, n;

	if (ctrl->masks) {
		GPIO_READ_PINS_MASK_PARAMETERS p = {
			.BankId = bank->id, .PinValues = &v, .Flags = flags,
		};

		gpioclx_io_lock(bank, locked);
		status = ctrl->cb->CLIENT_ReadGpioPinsUsingMask(ctrl->context, &p);
		gpioclx_io_unlock(bank, locked);
	} else {
		/* here, not above: INIT_STACK_ALL_ZERO kernels (Debian) zero them where declared */
		PIN_NUMBER table[GPIOCLX_MAX_PINS_PER_BANK];
		u8 buf[GPIOCLX_MAX_PINS_PER_BANK / 8] = {};
		GPIO_READ_PINS_PARAMETERS p = {
			.BankId = bank->id, .PinNumberTable = table, .Buffer = buf, .Flags = flags,
		};

		n = gpioclx_pin_table(mask, table);
		p.PinCount = n;
		gpioclx_io_lock(bank, locked);
		status = ctrl->cb->CLIENT_ReadGpioPins(ctrl->context, &p);
		gpioclx_io_unlock(bank, locked);
		for (i = 0; i < n; i++)
			if (buf[i / 8] & BIT(i % 8))
				v |= BIT_ULL(table[i]);
	}
	gpioclx_note_call(ctrl, GPIOCLX_CB_READ, bank->id, mask, status);
	*values = v & mask;
	return status;
}

/**
 * gpioclx_read_bank - read connected pins of one bank
 * @bank: the bank
 * @mask: pins wanted (bit n = pin n), each connected
 * @values: pin levels, only @mask bits meaningful
 *
 * As GpioClx reads for its handles: pins connected as outputs with
 * WriteConfiguredPins, inputs without, so a mixed mask costs two calls.
 */
NTSTATUS gpioclx_read_bank(struct gpioclx_bank *bank, u64 mask, u64 *values)
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

/*
 * Pins with no connection that a preserving Disconnect left driving: read
 * as outputs (WriteConfiguredPins), the one read GpioClx would not make,
 * so that reading a line as-is neither drives it nor turns it around.
 */
NTSTATUS gpioclx_read_unconnected(struct gpioclx_bank *bank, u64 mask, u64 *values)
{
	if (!bank->ctrl->cb->CLIENT_ReadGpioPins)
		return STATUS_NOT_SUPPORTED;
	return gpioclx_read_call(bank, mask, true, values);
}

/**
 * gpioclx_write_bank - drive pins of one bank with one client call
 * @bank: the bank
 * @set: pins to drive high
 * @clear: pins to drive low
 */
NTSTATUS gpioclx_write_bank(struct gpioclx_bank *bank, u64 set, u64 clear)
{
	struct gpioclx_controller *ctrl = bank->ctrl;
	bool locked = gpioclx_io_locked(bank);
	NTSTATUS status;
	unsigned int i, n;

	if (!ctrl->cb->CLIENT_WriteGpioPins)
		return STATUS_NOT_SUPPORTED;
	if (ctrl->masks) {
		GPIO_WRITE_PINS_MASK_PARAMETERS p = {
			.BankId = bank->id, .SetMask = set, .ClearMask = clear,
		};

		gpioclx_io_lock(bank, locked);
		status = ctrl->cb->CLIENT_WriteGpioPinsUsingMask(ctrl->context, &p);
		gpioclx_io_unlock(bank, locked);
	} else {
		PIN_NUMBER table[GPIOCLX_MAX_PINS_PER_BANK];
		u8 buf[GPIOCLX_MAX_PINS_PER_BANK / 8] = {};
		GPIO_WRITE_PINS_PARAMETERS p = {
			.BankId = bank->id, .PinNumberTable = table, .Buffer = buf,
		};

		n = gpioclx_pin_table(set | clear, table);
		for (i = 0; i < n; i++)
			if (set & BIT_ULL(table[i]))
				buf[i / 8] |= BIT(i % 8);
		p.PinCount = n;
		gpioclx_io_lock(bank, locked);
		status = ctrl->cb->CLIENT_WriteGpioPins(ctrl->context, &p);
		gpioclx_io_unlock(bank, locked);
	}
	gpioclx_note_call(ctrl, GPIOCLX_CB_WRITE, bank->id, set | clear, status);
	return status;
}
