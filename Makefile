# SPDX-License-Identifier: GPL-2.0-or-later
#
# gpioclx-linux: GpioClx client drivers as Linux gpiolib drivers.
#
#   make                      build the modules for this machine's kernel (KDIR)
#   make ARCH=arm64           cross-build them for Debian's current arm64 kernel
#   make KSERIES=6.12         build for Debian's 6.12 (or 6.1) kernel, amd64 or
#                             with ARCH=arm64
#   make KDIR=... ARCH=...    build for a board's kernel tree
#   make GPIOCLX_DBG=1        the clients as checked builds (DBG=1; default free, DBG=0)
#   make client CLIENT_DIR=d  a third-party client in folder d (its Kbuild
#                             includes Kbuild.client), after make modules
#   make check                install what is needed, build, run every test
#                             (CHECK_JOBS steps at a time; default nproc + 1)
#   make port-check CLIENT="a.c b.c"  what of the WDK a client's sources use that
#                             the shim lacks or provides partly (host only)
#   make api-table            docs/wdk-api.md, the WDK surface the shim provides
#   make kunit                the KUnit suites on 6.1 (UML, x86_64) and 6.12 (UML)
#   make deb                  the gpioclx-dkms Debian package, in .build/deb/
#   make dkms-check           dkms builds the modules for each installed kernel
#   make deb-check            the package installs, DKMS builds, it purges cleanly
#   make demo                 the arm64 guest: the real PL061 under gpioclx-pl061.ko
#   make shell                a shell in that guest, tools and modules loaded
#   make bench                shim vs native drivers, side by side
#   make stress               the adversarial suite (e2e s10) in full on both amd64
#                             kernels, 2 vCPUs, preempt=full, slub_debug=FZPU; its
#                             figures (make check runs it bounded)
#
# Out-of-tree builds happen in a copy of the sources under .build/<release>/
# (6.1's Kbuild writes objects next to the sources, and one tree serves
# several kernels and the KUnit overlay).

ifneq ($(KERNELRELEASE),)
# --- Kbuild -----------------------------------------------------------------
# Kbuild reads this file too, out of tree (make -C $KDIR M=<copy of this
# tree>) and in tree (as drivers/gpio/gpioclx/, with ./Kconfig).
# GPIOCLX_ROOT is this directory, absolute in both cases, for -I paths.
export GPIOCLX_ROOT := $(if $(filter /%,$(src)),$(src),$(srctree)/$(src))
# Out of tree there is no Kconfig: build every module, or with
# GPIOCLX_HW_ONLY=1 only what a kernel with hardware clients alone has (no
# simulator, no software register blocks). In tree, obey Kconfig.
export GPIOCLX_M := $(if $(KBUILD_EXTMOD),m)
export GPIOCLX_MODEL_M := $(if $(KBUILD_EXTMOD),$(if $(GPIOCLX_HW_ONLY),,m))

obj-y += shim/ drivers/
obj-$(CONFIG_GPIOCLX_KUNIT_TEST) += kunit/

else
# --- the project ------------------------------------------------------------
SHELL   := /bin/bash
ROOT    := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
CACHE   ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/gpioclx-linux
OUT     := $(ROOT)/.build
RESULTS := $(OUT)/check

# Kernel headers: the running kernel's, else the newest Debian amd64
# headers; for ARCH=arm64, Debian's arm64 headers unpacked into the cache.
# KSERIES=6.1 or 6.12 asks for Debian's kernel of that series: the newest
# installed amd64 headers of it ("make deps" installs both), for arm64
# its headers (debian-kernel.sh; 6.1 when KSERIES is not set).
ifeq ($(ARCH),arm64)
ifeq ($(origin KDIR),undefined)
KENV          := $(shell $(ROOT)/userspace/debian-kernel.sh arm64 $(KSERIES))
KDIR          := $(patsubst KDIR=%,%,$(filter KDIR=%,$(KENV)))
endif
CROSS_COMPILE ?= aarch64-linux-gnu-
export CROSS_COMPILE
else ifneq ($(KSERIES),)
KDIR ?= $(lastword $(shell ls -d /usr/src/linux-headers-$(KSERIES).*-amd64 2>/dev/null | \
	  grep -v -e -cloud- -e -rt- | sort -V))
else
KDIR ?= $(firstword $(wildcard /lib/modules/$(shell uname -r)/build) \
	  $(shell ls -d /usr/src/linux-headers-*-amd64 2>/dev/null | sort -V | tail -n 1))
endif
KREL  = $(shell sed -n 's/^#define UTS_RELEASE "\(.*\)"/\1/p' $(KDIR)/include/generated/utsrelease.h 2>/dev/null)
BUILD = $(OUT)/$(KREL)$(if $(GPIOCLX_HW_ONLY),-hw-only)

# Kbuild outputs never travel into or out of the build copy.
RSYNC_EXCLUDES := --exclude '*.o' --exclude '*.ko' --exclude '.*.cmd' --exclude '*.mod' \
		  --exclude '*.mod.c' --exclude '*.a' --exclude modules.order \
		  --exclude Module.symvers --exclude '*.dwo'

# What the build, the KUnit runner (kernel builds, QEMU for x86_64), the
# checkpatch gate and the DKMS and package checks need; the guest scripts
# install their own on first use. linux-headers-amd64 is Debian 12's 6.1,
# linux-headers-6.12-amd64 its 6.12 (bookworm-security; it pulls in the
# image, which makes it a kernel DKMS builds for).
HOST_PACKAGES := build-essential bc bison flex libelf-dev libssl-dev python3 rsync \
		 xz-utils cpio kmod linux-source-6.1 linux-headers-amd64 linux-headers-6.12-amd64 \
		 gcc-aarch64-linux-gnu qemu-system-x86 qemu-system-data dkms debhelper dh-dkms ccache \
		 acpica-tools qemu-efi-aarch64

all: modules

modules:
	@test -n "$(KDIR)" -a -d "$(KDIR)" || \
		{ echo "no kernel headers$(if $(KSERIES), of $(KSERIES)): set KDIR, or make deps"; exit 1; }
	@mkdir -p $(BUILD)
	@rsync -a --delete $(RSYNC_EXCLUDES) $(ROOT)/Makefile $(ROOT)/include $(ROOT)/shim \
		$(ROOT)/drivers $(BUILD)/
	$(MAKE) -C $(KDIR) M=$(BUILD) W=1 KCFLAGS=-Werror modules
	@find $(BUILD) -name '*.ko' -printf 'built: %p\n'

# A third-party client (see Kbuild.client): its folder is copied to
# .build/<release>/clients/<folder name>/, as this tree is to .build/<release>/
# (6.1's Kbuild writes objects next to the sources; one folder, several
# kernels), and built there against the gpioclx.ko "make modules" built for
# the same KDIR. No W=1, no -Werror: code the user did not write.
CLIENT_NAME = $(notdir $(abspath $(CLIENT_DIR)))
CLIENT_OUT  = $(BUILD)/clients/$(CLIENT_NAME)
client:
	@test -n "$(CLIENT_DIR)" -a -f "$(CLIENT_DIR)/Kbuild" || \
		{ echo 'usage: make client CLIENT_DIR=path/to/folder (with its Kbuild) [ARCH=...] [KSERIES=...]'; \
		  exit 2; }
	@test -f $(BUILD)/Module.symvers || \
		{ echo "no $(BUILD)/Module.symvers: run make modules first, with the same KDIR/ARCH/KSERIES"; \
		  exit 1; }
	@mkdir -p $(CLIENT_OUT)
	@rsync -a --delete $(RSYNC_EXCLUDES) $(abspath $(CLIENT_DIR))/ $(CLIENT_OUT)/
	$(MAKE) -C $(KDIR) M=$(CLIENT_OUT) GPIOCLX_ROOT=$(ROOT) \
		GPIOCLX_SYMVERS=$(BUILD)/Module.symvers modules
	@find $(CLIENT_OUT) -name '*.ko' -printf 'built: %p\n'

# GPIOCLX_HW_ONLY=1 builds what a kernel with only hardware clients has: the
# shim without its software register blocks (CONFIG_GPIOCLX_MMIO_MODEL
# off, which no other build has) and the PL061 client. One check each:
# it builds at W=1, there is no simulator, the shim has no model code (the
# .ko files are linked again, so none is left from an earlier build).
hw-only-check:
	@find $(OUT)/$(KREL)-hw-only -name '*.ko' -delete 2>/dev/null; \
	$(MAKE) -s modules GPIOCLX_HW_ONLY=1 >/dev/null && pass=1 fail=0 || pass=0 fail=1; \
	kos=$$($(MAKE) -s print-modules GPIOCLX_HW_ONLY=1); \
	if [ -n "$$kos" ] && ! echo "$$kos" | grep -q gpioclx-sim.ko; then \
		pass=$$((pass + 1)); else fail=$$((fail + 1)); echo "FAIL hw-only: $$kos"; fi; \
	shim=$$(echo "$$kos" | grep '/gpioclx.ko$$'); \
	if [ -n "$$shim" ] && ! nm "$$shim" | grep -q gpioclx_mmio_model_add; then \
		pass=$$((pass + 1)); else fail=$$((fail + 1)); echo "FAIL hw-only: model code in '$$shim'"; fi; \
	echo "hw-only: $$pass passed, $$fail failed"; [ $$fail -eq 0 ]

# The .ko files of the last build for KDIR, one per line (for scripts).
print-modules:
	@find $(BUILD) -name '*.ko' 2>/dev/null | sort

deps:
	@$(ROOT)/userspace/apt-ensure.sh $(HOST_PACKAGES)

hosted:
	@$(MAKE) -s -C $(ROOT)/userspace/hosted run

kunit:
	@$(ROOT)/kunit/run.sh --kernel 6.1
	@$(ROOT)/kunit/run.sh --kernel 6.12

checkpatch:
	@$(ROOT)/kunit/checkpatch.sh

# Kconfig says what builds: every GPIOCLX symbol depends on 64BIT.
kconfig-check:
	@$(ROOT)/kunit/kconfig-check.py

# A GpioClx client's OS-neutral sources against include/ and the shim's
# exports, on the host (PORT_CHECK_FLAGS: -I for the client's own headers,
# -D); and the table of that surface, from the code and its annotations.
port-check:
	@test -n "$(CLIENT)" || \
		{ echo 'usage: make port-check CLIENT="path/a.c path/b.c" [PORT_CHECK_FLAGS="-I dir"]'; \
		  exit 2; }
	@$(ROOT)/tools/wdk-api.py port-check $(PORT_CHECK_FLAGS) $(CLIENT)

port-check-test:
	@$(ROOT)/tools/wdk-api.py self-test

api-table:
	@$(ROOT)/tools/wdk-api.py table -o $(ROOT)/docs/wdk-api.md

api-table-check:
	@$(ROOT)/tools/wdk-api.py table --check $(ROOT)/docs/wdk-api.md

# DKMS and the Debian package (root: they write /usr/src, /var/lib/dkms).
DEB_VERSION = $(shell sed -n 's/^PACKAGE_VERSION="\(.*\)"$$/\1/p' $(ROOT)/dkms.conf)
DEB         = $(OUT)/deb/gpioclx-dkms_$(DEB_VERSION)_all.deb

dkms-check:
	@$(ROOT)/userspace/dkms-check.sh

deb:
	@$(ROOT)/userspace/deb-build.sh $(OUT)/deb

deb-check: deb
	@$(ROOT)/userspace/deb-check.sh $(DEB)

# make check: every step below runs, whatever the others did; each keeps
# its log, exit status and time in $(RESULTS) for the summary. Steps run in
# parallel, CHECK_JOBS at a time, and a step's log is printed whole when it
# ends (under a lock: the recipes are marked recursive, "+", so that the
# builds inside them share make's job slots, and make's -O does not apply
# to such recipes). Only what must be is ordered: the e2e guests boot the
# modules the build steps made, and the exports are read from those
# builds. The two KUnit steps use separate source trees, checkpatch its
# own copy of the scripts, and the DKMS check its own module name, so it
# runs beside the package check. Slow steps are listed first so that make
# starts them first.
CHECK_JOBS ?= $(shell echo $$(( $$(nproc) + 1 )))
CHECK_STEPS := e2e-amd64-6.1 e2e-amd64-6.12 e2e-arm64-6.1 deb e2e-arm64-6.12 dkms \
	kunit-6.1 kunit-6.12 hosted hw-only port-check kconfig checkpatch api-table exports
step_e2e-amd64-6.1  := $(ROOT)/userspace/e2e.sh --arch amd64 --kernel 6.1
step_e2e-amd64-6.12 := $(ROOT)/userspace/e2e.sh --arch amd64 --kernel 6.12
step_e2e-arm64-6.1  := $(ROOT)/userspace/e2e.sh --arch arm64 --kernel 6.1
step_e2e-arm64-6.12 := $(ROOT)/userspace/e2e.sh --arch arm64 --kernel 6.12
step_kunit-6.1      := $(ROOT)/kunit/run.sh --kernel 6.1
step_kunit-6.12     := $(ROOT)/kunit/run.sh --kernel 6.12
step_dkms           := $(MAKE) -s dkms-check
step_deb            := $(MAKE) -s deb-check
step_hosted         := $(MAKE) -s hosted
step_hw-only        := $(MAKE) -s hw-only-check KSERIES=6.12
step_port-check     := $(MAKE) -s port-check-test
step_api-table      := $(MAKE) -s api-table-check
step_kconfig        := $(MAKE) -s kconfig-check
step_checkpatch     := $(MAKE) -s checkpatch
step_exports        := $(ROOT)/kunit/exports-check.sh $(OUT)/*-amd64/Module.symvers \
	$(OUT)/*-arm64/Module.symvers
step_build-amd64-6.1  := $(MAKE) -s modules KSERIES=6.1
step_build-arm64-6.1  := $(MAKE) -s modules ARCH=arm64 KSERIES=6.1
step_build-amd64-6.12 := $(MAKE) -s modules KSERIES=6.12
step_build-arm64-6.12 := $(MAKE) -s modules ARCH=arm64 KSERIES=6.12
BUILD_STEPS := build-amd64-6.1 build-arm64-6.1 build-amd64-6.12 build-arm64-6.12

$(foreach a,amd64 arm64,$(foreach k,6.1 6.12,\
	$(eval check-step-e2e-$(a)-$(k): check-step-build-$(a)-$(k))))
check-step-exports: $(addprefix check-step-,$(BUILD_STEPS))

check-step-%:
	@+set -o pipefail; t0=$$(date +%s); \
	( $(step_$*) ) > $(RESULTS)/$*.log 2>&1 </dev/null; rc=$$?; \
	echo "$* $$rc $$(( $$(date +%s) - t0 ))" >> $(RESULTS)/status; \
	flock $(RESULTS)/.print sh -c 'echo "=== $$1 (exit $$2, $$3 s)"; cat "$$4"' sh \
		$* $$rc $$(( $$(date +%s) - t0 )) $(RESULTS)/$*.log

check-steps: $(addprefix check-step-,$(CHECK_STEPS))

check: deps
	@rm -rf $(RESULTS); mkdir -p $(RESULTS)
	@$(MAKE) -s --no-print-directory -j$(CHECK_JOBS) check-steps
	@$(ROOT)/kunit/check-summary.sh $(RESULTS)

demo:
	@$(ROOT)/userspace/demo.sh

shell:
	@$(ROOT)/userspace/demo.sh --shell

bench:
	@$(ROOT)/userspace/bench.sh

# Minutes per kernel: past qemu-run's default limit. STRESS_APPEND adds to
# the kernel command line (gpioclx.seed=N replays a fuzzer seed).
stress:
	@GPIOCLX_QEMU_SMP=2 GPIOCLX_QEMU_TIMEOUT=$${GPIOCLX_QEMU_TIMEOUT:-3600} \
		$(ROOT)/userspace/e2e.sh --arch amd64 --kernel all --scenario s10 \
		--append "gpioclx.stress=1 preempt=full slub_debug=FZPU $(STRESS_APPEND)"

clean:
	rm -rf $(OUT)
	$(MAKE) -s -C $(ROOT)/userspace/hosted clean

.PHONY: all modules client print-modules deps hosted kunit checkpatch kconfig-check port-check \
	port-check-test api-table api-table-check dkms-check deb deb-check check check-steps demo \
	shell bench stress clean hw-only-check

endif
