// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpioclx_packet.c - validation of what a client declares about itself:
 * the registration packet (at GPIO_CLX_RegisterClient) and the controller
 * basic information (at probe). Every rejection names the offending field.
 */
#include <linux/kernel.h>
#include <linux/log2.h>
#include <linux/stddef.h>

#include "gpioclx_internal.h"

/* Packet size each interface version implies (LP64). */
static const USHORT gpioclx_packet_size[] = {
	[1] = offsetof(GPIO_CLIENT_REGISTRATION_PACKET, CLIENT_QueryEnabledInterrupts),
	[2] = offsetof(GPIO_CLIENT_REGISTRATION_PACKET, CLIENT_ConnectFunctionConfigPins),
	[3] = sizeof(GPIO_CLIENT_REGISTRATION_PACKET),
};

#define gpioclx_bad_packet(name, fmt, ...) \
	({ \
		pr_err("gpioclx: %s: invalid registration packet: " fmt "\n", name, ##__VA_ARGS__); \
		STATUS_GPIO_INVALID_REGISTRATION_PACKET; \
	})

/*
 * Callbacks the shim accepts in a packet but never calls:
 * gpioclx-api: CLIENT_ControllerSpecificFunction; not: never called: no
 *	IOCTL_GPIO_CONTROLLER_SPECIFIC_FUNCTION reaches a controller on Linux
 * gpioclx-api: CLIENT_ConnectFunctionConfigPins, CLIENT_DisconnectFunctionConfigPins; not:
 *	never called: pin muxing is pinctrl's (DT gpio-ranges)
 */

/**
 * gpioclx_packet_validate - check a registration packet against the rules
 *	of "Optional and Required GPIO Callback Functions"
 * @name: the client, for the log line
 * @p: the packet (already known to be at least @p->Size bytes, see caller)
 *
 * Return: STATUS_SUCCESS or STATUS_GPIO_INVALID_REGISTRATION_PACKET.
 */
NTSTATUS gpioclx_packet_validate(const char *name, const GPIO_CLIENT_REGISTRATION_PACKET *p)
{
	bool io, irq_any, irq_all;

	if (p->Version < 1 || p->Version > GPIO_CLIENT_VERSION)
		return gpioclx_bad_packet(name, "Version %u is not 1..%u", p->Version,
					  GPIO_CLIENT_VERSION);
	if (p->Size != gpioclx_packet_size[p->Version])
		return gpioclx_bad_packet(name, "Size %u, version %u needs %u", p->Size,
					  p->Version, gpioclx_packet_size[p->Version]);
	if (p->Flags != GPIO_CLIENT_REGISTRATION_FLAGS_NONE)
		return gpioclx_bad_packet(name, "Flags %#x must be 0", p->Flags);
	if (p->Reserved)
		return gpioclx_bad_packet(name, "Reserved %#llx must be 0", p->Reserved);
	if (p->ControllerContextSize > GPIOCLX_MAX_CONTEXT_SIZE)
		return gpioclx_bad_packet(name, "ControllerContextSize %u exceeds %u",
					  p->ControllerContextSize, GPIOCLX_MAX_CONTEXT_SIZE);

	if (!p->CLIENT_PrepareController)
		return gpioclx_bad_packet(name, "CLIENT_PrepareController is required");
	if (!p->CLIENT_ReleaseController)
		return gpioclx_bad_packet(name, "CLIENT_ReleaseController is required");
	if (!p->CLIENT_StartController)
		return gpioclx_bad_packet(name, "CLIENT_StartController is required");
	if (!p->CLIENT_StopController)
		return gpioclx_bad_packet(name, "CLIENT_StopController is required");
	if (!p->CLIENT_QueryControllerBasicInformation)
		return gpioclx_bad_packet(name,
					  "CLIENT_QueryControllerBasicInformation is required");

	io = p->CLIENT_ConnectIoPins || p->CLIENT_DisconnectIoPins;
	if (io && !(p->CLIENT_ConnectIoPins && p->CLIENT_DisconnectIoPins))
		return gpioclx_bad_packet(name, "CLIENT_%sIoPins without CLIENT_%sIoPins",
					  p->CLIENT_ConnectIoPins ? "Connect" : "Disconnect",
					  p->CLIENT_ConnectIoPins ? "Disconnect" : "Connect");
	if (io && !p->CLIENT_ReadGpioPins && !p->CLIENT_WriteGpioPins)
		return gpioclx_bad_packet(name, "I/O pins but neither a Read nor a Write callback");
	if (!io && (p->CLIENT_ReadGpioPins || p->CLIENT_WriteGpioPins))
		return gpioclx_bad_packet(name, "Read/Write callbacks without CLIENT_ConnectIoPins");

	irq_any = p->CLIENT_EnableInterrupt || p->CLIENT_DisableInterrupt ||
		  p->CLIENT_MaskInterrupts || p->CLIENT_UnmaskInterrupt ||
		  p->CLIENT_QueryActiveInterrupts;
	irq_all = p->CLIENT_EnableInterrupt && p->CLIENT_DisableInterrupt &&
		  p->CLIENT_MaskInterrupts && p->CLIENT_UnmaskInterrupt &&
		  p->CLIENT_QueryActiveInterrupts;
	if (irq_any && !irq_all)
		return gpioclx_bad_packet(name,
					  "interrupt callbacks are all-or-none: Enable %d Disable %d Mask %d Unmask %d QueryActive %d",
					  !!p->CLIENT_EnableInterrupt, !!p->CLIENT_DisableInterrupt,
					  !!p->CLIENT_MaskInterrupts, !!p->CLIENT_UnmaskInterrupt,
					  !!p->CLIENT_QueryActiveInterrupts);
	if (!irq_any && (p->CLIENT_ClearActiveInterrupts || p->CLIENT_ReconfigureInterrupt ||
			 p->CLIENT_QueryEnabledInterrupts))
		return gpioclx_bad_packet(name, "interrupt helpers without CLIENT_EnableInterrupt");

	if (!!p->CLIENT_SaveBankHardwareContext != !!p->CLIENT_RestoreBankHardwareContext)
		return gpioclx_bad_packet(name, "Save/RestoreBankHardwareContext come in pairs");
	if (!!p->CLIENT_ConnectFunctionConfigPins != !!p->CLIENT_DisconnectFunctionConfigPins)
		return gpioclx_bad_packet(name, "Connect/DisconnectFunctionConfigPins come in pairs");
	return STATUS_SUCCESS;
}

#define gpioclx_bad_info(ctrl, fmt, ...) \
	({ \
		dev_err((ctrl)->dev, "QueryControllerBasicInformation: " fmt "\n", ##__VA_ARGS__); \
		STATUS_GPIO_CLIENT_INFORMATION_INVALID; \
	})

/**
 * gpioclx_basic_info_validate - check the controller's self-description and
 *	derive the bank geometry from it
 * @ctrl: the controller, with ctrl->info as the client filled it
 *
 * Return: STATUS_SUCCESS (ctrl->nbanks, ->ppb, ->total_pins, ->mm and
 * ->masks set) or STATUS_GPIO_CLIENT_INFORMATION_INVALID.
 */
NTSTATUS gpioclx_basic_info_validate(struct gpioclx_controller *ctrl)
{
	const CLIENT_CONTROLLER_BASIC_INFORMATION *info = &ctrl->info;
	const GPIO_CLIENT_REGISTRATION_PACKET *p = ctrl->cb;
	unsigned int banks;

	if (info->Version != GPIO_CONTROLLER_BASIC_INFORMATION_VERSION)
		return gpioclx_bad_info(ctrl, "Version %u, expected %u", info->Version,
					GPIO_CONTROLLER_BASIC_INFORMATION_VERSION);
	if (info->Size != sizeof(*info))
		return gpioclx_bad_info(ctrl, "Size %u, expected %zu", info->Size, sizeof(*info));
	if (!info->NumberOfPinsPerBank ||
	    info->NumberOfPinsPerBank > GPIOCLX_MAX_PINS_PER_BANK)
		return gpioclx_bad_info(ctrl, "NumberOfPinsPerBank %u is not 1..%u",
					info->NumberOfPinsPerBank, GPIOCLX_MAX_PINS_PER_BANK);
	if (!info->TotalPins)
		return gpioclx_bad_info(ctrl, "TotalPins is 0");
	banks = DIV_ROUND_UP(info->TotalPins, info->NumberOfPinsPerBank);
	/* gpio_chip.ngpio is a u16; every bank is exposed at full width */
	if (banks * info->NumberOfPinsPerBank > U16_MAX)
		return gpioclx_bad_info(ctrl, "%u banks of %u pins exceed %u lines", banks,
					info->NumberOfPinsPerBank, U16_MAX);
	if (info->Flags.Reserved)
		return gpioclx_bad_info(ctrl, "reserved Flags bits set (%#x)", info->Flags.AsULONG);
	if (info->Flags.BankIdlePowerMgmtSupported && !info->Flags.MemoryMappedController)
		return gpioclx_bad_info(ctrl, "BankIdlePowerMgmtSupported needs MemoryMappedController");
	if (info->Flags.BankIdlePowerMgmtSupported && !p->CLIENT_SaveBankHardwareContext)
		return gpioclx_bad_info(ctrl, "BankIdlePowerMgmtSupported without Save/RestoreBankHardwareContext");
	if (info->Flags.EmulateActiveBoth && !p->CLIENT_ReconfigureInterrupt)
		return gpioclx_bad_info(ctrl, "EmulateActiveBoth without CLIENT_ReconfigureInterrupt");
	if (p->CLIENT_EnableInterrupt && !p->CLIENT_ClearActiveInterrupts &&
	    !info->Flags.ActiveInterruptsAutoClearOnRead)
		return gpioclx_bad_info(ctrl, "no CLIENT_ClearActiveInterrupts and no ActiveInterruptsAutoClearOnRead");

	ctrl->ppb = info->NumberOfPinsPerBank;
	ctrl->ppb_shift = is_power_of_2(ctrl->ppb) ? ilog2(ctrl->ppb) : -1;
	ctrl->nbanks = banks;
	ctrl->total_pins = info->TotalPins;
	ctrl->mm = info->Flags.MemoryMappedController;
	ctrl->masks = info->Flags.FormatIoRequestsAsMasks;
	ctrl->io_unlocked = ctrl->mm && info->Flags.IndependentIoHwSupported;
	return STATUS_SUCCESS;
}
