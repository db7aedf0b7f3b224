// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpioclx_gpio.c - the gpio_chip whose operations call the client.
 *
 * Offsets: line = bank * pins_per_bank + pin. The mapping onto
 * ConnectIoPins/DisconnectIoPins is lazy, because gpiolib learns a line's
 * direction only after request():
 *
 *   request            record the line; no client call
 *   direction_input    Connect(Input); if connected as output first
 *                      Disconnect(PreserveConfiguration=1, Output)
 *   direction_output   Write(value) to preload the latch, then as above
 *                      with Connect(Output), then Write(value) again
 *   get/set on a requested line never given a direction
 *                      Connect in the direction last recorded (input)
 *   free               Disconnect(PreserveConfiguration=0, connected mode)
 *
 * The preload write means a line switched to output drives the requested
 * level from its first instant on hardware that latches data for inputs;
 * hardware that drops such writes (the PL061) glitches exactly as its
 * native driver does. Reconnecting instead of connecting at request()
 * also avoids flipping an output that a previous user left driving
 * (PreserveConfiguration) to input on its way to output again.
 */
#include <linux/gpio/driver.h>
#include <linux/pinctrl/pinconf-generic.h>
#include <linux/rcupdate.h>

#include "gpioclx_internal.h"

static int gpioclx_request(struct gpio_chip *gc, unsigned int offset)
{
	struct gpioclx_controller *ctrl = gpioclx_from_gc(gc);
	int ret;

	if (!ctrl->cb->CLIENT_ConnectIoPins) {
		dev_err(ctrl->dev, "line %u: the client has no I/O callbacks\n", offset);
		return -EOPNOTSUPP;
	}
	ret = gpiochip_generic_request(gc, offset);
	if (ret)
		return ret;
	ret = gpioclx_pm_get(ctrl);
	if (ret)
		gpiochip_generic_free(gc, offset);
	return ret;
}

/*
 * Released: an output keeps driving its level, as gpio-pl061 leaves it
 * (Disconnect with PreserveConfiguration); an input goes back to the
 * platform's initial state. Either way the next user starts from the
 * default configuration.
 */
static void gpioclx_release_pin(struct gpioclx_bank *bank, unsigned int pin)
{
	int mode = gpioclx_conn_mode(bank, pin);

	if (mode >= 0)
		gpioclx_errno(bank->ctrl, GPIOCLX_CB_DISCONNECT_IO, bank->id,
			      gpioclx_disconnect_pin(bank, pin, mode == ConnectModeOutput, true));
	bank->pins[pin].pull = GPIO_PIN_PULL_CONFIGURATION_DEFAULT;
	bank->pins[pin].debounce = 0;
	bank->pins[pin].debounce_us = 0;
	bank->pins[pin].drive = 0;
}

static void gpioclx_free(struct gpio_chip *gc, unsigned int offset)
{
	struct gpioclx_controller *ctrl = gpioclx_from_gc(gc);
	unsigned int pin;
	struct gpioclx_bank *bank = gpioclx_bank_of(ctrl, offset, &pin);

	gpioclx_release_pin(bank, pin);
	gpiochip_generic_free(gc, offset);
	gpioclx_pm_put(ctrl);
}

/*
 * GpioClx has no direction query: a connected line is what it was
 * connected as; an unconnected one is an output only where a preserving
 * Disconnect left it driving, else an input (the initial state a
 * non-preserving Disconnect returns a pin to).
 */
static int gpioclx_get_direction(struct gpio_chip *gc, unsigned int offset)
{
	struct gpioclx_controller *ctrl = gpioclx_from_gc(gc);
	unsigned int pin;
	struct gpioclx_bank *bank = gpioclx_bank_of(ctrl, offset, &pin);
	u64 out = READ_ONCE(bank->conn_out) | READ_ONCE(bank->kept_out);

	return out & BIT_ULL(pin) ? GPIO_LINE_DIRECTION_OUT : GPIO_LINE_DIRECTION_IN;
}

/*
 * Connect @pin in @mode, leaving any other-mode connection first. A pull
 * set while the line had no connection (gpiolib sets an output's bias
 * before its direction) goes with the Connect; if the client does not
 * support it, the line connects with the default pull, as gpiolib's
 * optional bias expects.
 */
int gpioclx_switch_mode(struct gpioclx_bank *bank, unsigned int pin,
			GPIO_CONNECT_IO_PINS_MODE mode)
{
	struct gpioclx_controller *ctrl = bank->ctrl;
	struct gpioclx_pin *cfg = &bank->pins[pin];
	int now = gpioclx_conn_mode(bank, pin);
	NTSTATUS status;

	if (now == mode)
		return 0;
	if (now >= 0) {
		status = gpioclx_disconnect_pin(bank, pin, true, false);
		if (!NT_SUCCESS(status))
			return gpioclx_errno(ctrl, GPIOCLX_CB_DISCONNECT_IO, bank->id, status);
	}
	status = gpioclx_connect_pin(bank, pin, mode, cfg, false);
	if (status == STATUS_NOT_SUPPORTED && now < 0 &&
	    cfg->pull != GPIO_PIN_PULL_CONFIGURATION_DEFAULT) {
		dev_dbg(ctrl->dev, "line %u: pull %u not supported, connecting without\n",
			bank->base + pin, cfg->pull);
		cfg->pull = GPIO_PIN_PULL_CONFIGURATION_DEFAULT;
		status = gpioclx_connect_pin(bank, pin, mode, cfg, false);
	}
	return gpioclx_errno(ctrl, GPIOCLX_CB_CONNECT_IO, bank->id, status);
}

static int gpioclx_direction_input(struct gpio_chip *gc, unsigned int offset)
{
	struct gpioclx_controller *ctrl = gpioclx_from_gc(gc);
	unsigned int pin;
	struct gpioclx_bank *bank = gpioclx_bank_of(ctrl, offset, &pin);

	return gpioclx_switch_mode(bank, pin, ConnectModeInput);
}

static int gpioclx_direction_output(struct gpio_chip *gc, unsigned int offset, int value)
{
	struct gpioclx_controller *ctrl = gpioclx_from_gc(gc);
	unsigned int pin;
	struct gpioclx_bank *bank = gpioclx_bank_of(ctrl, offset, &pin);
	u64 bit = BIT_ULL(pin);
	NTSTATUS status;
	int ret;

	if (!(READ_ONCE(bank->conn_out) & bit)) {
		/* Preload; a client may refuse writes to unconnected pins. */
		status = gpioclx_write_bank(bank, value ? bit : 0, value ? 0 : bit);
		if (!NT_SUCCESS(status))
			dev_dbg(ctrl->dev, "line %u: preload write refused (%#010x)\n", offset,
				(u32)status);
		ret = gpioclx_switch_mode(bank, pin, ConnectModeOutput);
		if (ret)
			return ret;
	}
	status = gpioclx_write_bank(bank, value ? bit : 0, value ? 0 : bit);
	return gpioclx_errno(ctrl, GPIOCLX_CB_WRITE, bank->id, status);
}

/*
 * Apply a new pull/debounce/drive to a connected line by reconnecting it
 * (Disconnect(PreserveConfiguration=1) + Connect with the new
 * parameters). A line with no connection has nothing to apply it to:
 * -ENOTSUPP, so gpiolib falls back; a pull is kept for the Connect to
 * come (see gpioclx_switch_mode()). If the client refuses, the old
 * configuration is reconnected and the refusal returned. Only the three
 * connection fields are written back: the interrupt path owns the rest
 * of the pin's record and may change it meanwhile.
 */
static int gpioclx_reconfigure_pin(struct gpioclx_bank *bank, unsigned int pin,
				   const struct gpioclx_pin *cfg)
{
	struct gpioclx_controller *ctrl = bank->ctrl;
	struct gpioclx_pin *now = &bank->pins[pin];
	int mode = gpioclx_conn_mode(bank, pin);
	NTSTATUS status;

	if (mode < 0) {
		now->pull = cfg->pull;
		return -ENOTSUPP;
	}
	status = gpioclx_disconnect_pin(bank, pin, true, false);
	if (NT_SUCCESS(status))
		status = gpioclx_connect_pin(bank, pin, mode, cfg, false);
	if (NT_SUCCESS(status)) {
		now->pull = cfg->pull;
		now->debounce = cfg->debounce;
		now->drive = cfg->drive;
		return 0;
	}
	if (gpioclx_conn_mode(bank, pin) < 0)
		gpioclx_connect_pin(bank, pin, mode, now, false);
	if (status != STATUS_NOT_SUPPORTED)	/* that one quietly: gpiolib falls back */
		gpioclx_call_err(ctrl, GPIOCLX_CB_CONNECT_IO, bank->id, status);
	return gpioclx_config_status_to_errno(status);
}

/* µA (or µs) to the 10-unit fields of GpioClx, exactly or not at all. */
static bool gpioclx_to_tens(u32 value, u16 *tens)
{
	if (value % 10 || value / 10 > U16_MAX)
		return false;
	*tens = value / 10;
	return true;
}

static int gpioclx_set_config(struct gpio_chip *gc, unsigned int offset, unsigned long config)
{
	struct gpioclx_controller *ctrl = gpioclx_from_gc(gc);
	u32 arg = pinconf_to_config_argument(config);
	unsigned int pin;
	struct gpioclx_bank *bank = gpioclx_bank_of(ctrl, offset, &pin);
	struct gpioclx_pin cfg = bank->pins[pin];

	switch (pinconf_to_config_param(config)) {
	case PIN_CONFIG_BIAS_DISABLE:
		cfg.pull = GPIO_PIN_PULL_CONFIGURATION_NONE;
		break;
	case PIN_CONFIG_BIAS_PULL_UP:
		cfg.pull = GPIO_PIN_PULL_CONFIGURATION_PULLUP;
		break;
	case PIN_CONFIG_BIAS_PULL_DOWN:
		cfg.pull = GPIO_PIN_PULL_CONFIGURATION_PULLDOWN;
		break;
	case PIN_CONFIG_INPUT_DEBOUNCE:
		if (ctrl->info.Flags.EmulateDebouncing) {
			/* the shim debounces this line's interrupts itself */
			WRITE_ONCE(bank->pins[pin].debounce_us, arg);
			return 0;
		}
		if (!gpioclx_to_tens(arg, &cfg.debounce))
			return -ENOTSUPP;
		break;
	case PIN_CONFIG_DRIVE_STRENGTH:		/* mA */
		if (arg > U16_MAX / 100)
			return -ENOTSUPP;
		cfg.drive = arg * 100;
		break;
	case PIN_CONFIG_DRIVE_STRENGTH_UA:
		if (!gpioclx_to_tens(arg, &cfg.drive))
			return -ENOTSUPP;
		break;
	case PIN_CONFIG_DRIVE_PUSH_PULL:
		return 0;	/* what every GpioClx output is */
	default:
		/* open drain/source, persistence, ...: GpioClx can't say it */
		return -ENOTSUPP;
	}
	return gpioclx_reconfigure_pin(bank, pin, &cfg);
}

static int gpioclx_init_valid_mask(struct gpio_chip *gc, unsigned long *valid_mask,
				   unsigned int ngpios)
{
	struct gpioclx_controller *ctrl = gpioclx_from_gc(gc);

	/* the last bank may be short: lines past TotalPins do not exist */
	bitmap_clear(valid_mask, ctrl->total_pins, ngpios - ctrl->total_pins);
	return 0;
}

/*
 * Unbind with lines still held: each is released as free() would release
 * it (gpiolib does not call free() for them on the way out).
 */
void gpioclx_disconnect_all(struct gpioclx_controller *ctrl)
{
	unsigned long bits[BITS_TO_LONGS(64)];
	unsigned int b, pin;

	for (b = 0; b < ctrl->nbanks; b++) {
		struct gpioclx_bank *bank = &ctrl->banks[b];

		bitmap_from_u64(bits, bank->conn_in | bank->conn_out);
		for_each_set_bit(pin, bits, 64) {
			dev_warn(ctrl->dev, "line %u still connected at unbind: disconnecting\n",
				 bank->base + pin);
			gpioclx_release_pin(bank, pin);
		}
	}
}

int gpioclx_gpiochip_setup(struct gpioclx_controller *ctrl)
{
	struct gpio_chip *gc = &ctrl->gc;
	int ret;

	gc->label = dev_name(ctrl->dev);
	gc->parent = ctrl->dev;
	gc->owner = ctrl->gdrv->owner;
	gc->base = -1;
	gc->ngpio = ctrl->nbanks * ctrl->ppb;
	gc->can_sleep = !ctrl->mm;
	gc->request = gpioclx_request;
	gc->free = gpioclx_free;
	gc->get_direction = gpioclx_get_direction;
	gc->direction_input = gpioclx_direction_input;
	gc->direction_output = gpioclx_direction_output;
	gc->get = gpioclx_get;
	gc->get_multiple = gpioclx_get_multiple;
	gc->set = gpioclx_set;
	gc->set_multiple = gpioclx_set_multiple;
	gc->set_config = gpioclx_set_config;
	if (ctrl->total_pins < gc->ngpio)
		gc->init_valid_mask = gpioclx_init_valid_mask;

	ret = gpioclx_irq_setup(ctrl);
	if (ret)
		return ret;
	/* not devm: it must go before the client is stopped, in .remove */
	ret = gpiochip_add_data(gc, ctrl);
	if (ret)
		return dev_err_probe(ctrl->dev, ret, "registering the gpio_chip\n");
	ret = gpioclx_irq_start(ctrl);
	if (ret)
		gpiochip_remove(gc);
	return ret;
}

/* .remove, first: no new user can reach the client after this. */
void gpioclx_gpiochip_teardown(struct gpioclx_controller *ctrl)
{
	/*
	 * The _AEI event handlers gpiolib-acpi requested, before anything
	 * stops: free_irq() waits for an _Exx method still running, and
	 * gpiochip_remove() would free them twice (gpioclx_compat.h).
	 */
	gpioclx_acpi_free_events(&ctrl->gc);
	gpioclx_irq_stop(ctrl);
	gpiochip_remove(&ctrl->gc);
	/*
	 * gpiochip_remove() took our chained handler off the parent
	 * interrupts, but another CPU may still be inside it. A hard
	 * interrupt handler is an RCU reader: once a grace period has
	 * passed, none is left running and the client can be stopped and
	 * the controller freed.
	 */
	if (ctrl->gc.irq.parent_handler)
		synchronize_rcu();
}
