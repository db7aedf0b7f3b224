// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpioclx_debugfs.c - /sys/kernel/debug/gpioclx/<device>/state: per bank,
 * which pins are connected, in which mode and with which pull, the
 * interrupt state, and how often each client callback was called.
 */
#include <linux/debugfs.h>
#include <linux/seq_file.h>

#include "gpioclx_internal.h"

static struct dentry *gpioclx_debugfs_root;

static const char *const gpioclx_pull_names[] = {
	[GPIO_PIN_PULL_CONFIGURATION_DEFAULT] = "default",
	[GPIO_PIN_PULL_CONFIGURATION_PULLUP] = "pull-up",
	[GPIO_PIN_PULL_CONFIGURATION_PULLDOWN] = "pull-down",
	[GPIO_PIN_PULL_CONFIGURATION_NONE] = "none",
};

static void gpioclx_show_bank(struct seq_file *s, struct gpioclx_bank *bank)
{
	u64 connected = bank->conn_in | bank->conn_out;
	unsigned int pin;

	seq_printf(s, "bank %u: lines %u-%u parent-irq %d connected %#llx output %#llx kept-output %#llx irq-enabled %#llx irq-masked %#llx\n",
		   bank->id, bank->base, bank->base + bank->npins - 1, bank->parent_irq,
		   connected, bank->conn_out, bank->kept_out, bank->irq_enabled,
		   bank->irq_masked);
	for (pin = 0; pin < bank->npins; pin++) {
		const struct gpioclx_pin *p = &bank->pins[pin];
		u64 bit = BIT_ULL(pin);

		if (!((connected | bank->irq_enabled) & bit))
			continue;
		seq_printf(s, "  pin %2u (line %u):", pin, bank->base + pin);
		if (connected & bit)
			seq_printf(s, " %s pull=%s debounce=%uus drive=%uuA",
				   bank->conn_out & bit ? "output" : "input",
				   p->pull < ARRAY_SIZE(gpioclx_pull_names) ?
				   gpioclx_pull_names[p->pull] : "vendor",
				   p->debounce * 10, p->drive * 10);
		if (bank->irq_enabled & bit)
			seq_printf(s, " irq mode=%s polarity=%u%s%s",
				   p->mode == LevelSensitive ? "level" : "edge", p->polarity,
				   bank->irq_emulated_both & bit ? " (both edges emulated)" : "",
				   bank->irq_masked & bit ? " masked" : "");
		seq_putc(s, '\n');
	}
}

static int gpioclx_state_show(struct seq_file *s, void *unused)
{
	struct gpioclx_controller *ctrl = s->private;
	unsigned int b, i;

	seq_printf(s, "client %s, %u lines, %u bank(s) x %u pins, %s, flags %#x%s\n",
		   ctrl->gdrv->name, ctrl->total_pins, ctrl->nbanks, ctrl->ppb,
		   ctrl->mm ? "memory-mapped" : "serial", ctrl->info.Flags.AsULONG,
		   ctrl->suspended ? ", suspended" : "");
	for (b = 0; b < ctrl->nbanks; b++)
		gpioclx_show_bank(s, &ctrl->banks[b]);
	seq_puts(s, "calls:\n");
	for (i = 0; i < GPIOCLX_CB_COUNT; i++)
		if (gpioclx_call_count(ctrl, i))
			seq_printf(s, "  %-32s %lu (%lu failed)\n", gpioclx_cb_names[i],
				   gpioclx_call_count(ctrl, i), gpioclx_failure_count(ctrl, i));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(gpioclx_state);

/* debugfs is best effort: a failure here must not fail the probe */
void gpioclx_debugfs_add(struct gpioclx_controller *ctrl)
{
	ctrl->debugfs = debugfs_create_dir(dev_name(ctrl->dev), gpioclx_debugfs_root);
	debugfs_create_file("state", 0444, ctrl->debugfs, ctrl, &gpioclx_state_fops);
}

void gpioclx_debugfs_remove(struct gpioclx_controller *ctrl)
{
	debugfs_remove_recursive(ctrl->debugfs);
	ctrl->debugfs = NULL;
}

void gpioclx_debugfs_init(void)
{
	gpioclx_debugfs_root = debugfs_create_dir("gpioclx", NULL);
}

void gpioclx_debugfs_exit(void)
{
	debugfs_remove_recursive(gpioclx_debugfs_root);
}
