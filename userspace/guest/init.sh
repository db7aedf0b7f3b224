#!/bin/busybox sh
# shellcheck shell=sh source-path=SCRIPTDIR
# /init of the gpioclx test initramfs (busybox sh, PID 1).
#
# Kernel command line (set by userspace/qemu-run.sh):
#   gpioclx.run=s1,s2     scenarios to run: /test/<name>_*.sh, in order
#   gpioclx.shell=1       afterwards, an interactive shell on the console
#   gpioclx.loglevel=N    console loglevel while testing (default 5:
#                         warnings and worse, so splats show but chatter
#                         does not tear result lines)
#   gpioclx.<key>=<val>   exported to scenarios as GPIOCLX_<KEY> (e.g.
#                         gpioclx.nopress=1 -> GPIOCLX_NOPRESS=1)
# Ends with "@@DONE@@ pass=N fail=M skip=K" (the host cross-checks its
# own count of @@RESULT@@ lines against it), then powers off.
# Note: busybox modprobe also reads gpioclx.* from /proc/cmdline as
# parameters of a module named gpioclx; insmod does not.

/bin/busybox --install -s
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
umask 022

# mounts: devtmpfs is not auto-mounted by Debian's kernels
# (DEVTMPFS_MOUNT unset); configfs is =m on amd64, so try modprobe.
mount_all() {
	mount -t proc proc /proc
	mount -t sysfs sysfs /sys
	mount -t devtmpfs devtmpfs /dev 2>/dev/null
	mkdir -p /dev/pts && mount -t devpts devpts /dev/pts
	mount -t debugfs debugfs /sys/kernel/debug
	grep -qw configfs /proc/filesystems || modprobe configfs 2>/dev/null
	grep -qw configfs /proc/filesystems && mount -t configfs configfs /sys/kernel/config
}

# parse_cmdline: gpioclx.* words into RUN/SHELL_MODE/LOGLEVEL + env.
parse_cmdline() {
	RUN='' SHELL_MODE='' LOGLEVEL=5
	# shellcheck disable=SC2013 # words, not lines
	for w in $(cat /proc/cmdline); do
		case $w in
		gpioclx.run=*) RUN=$(echo "${w#*=}" | tr ',' ' ') ;;
		gpioclx.shell=*) SHELL_MODE=${w#*=} ;;
		gpioclx.loglevel=*) LOGLEVEL=${w#*=} ;;
		gpioclx.*=*)
			k=$(echo "${w%%=*}" | sed 's/^gpioclx\.//' | tr 'a-z.-' 'A-Z__')
			export "GPIOCLX_$k=${w#*=}"
			;;
		esac
	done
}

# summary: totals from the results file, in the line the host checks.
summary() {
	p=$(grep -c '^@@RESULT@@ PASS ' "$RESULTS")
	f=$(grep -c '^@@RESULT@@ FAIL ' "$RESULTS")
	s=$(grep -c '^@@RESULT@@ SKIP ' "$RESULTS")
	echo "@@DONE@@ pass=$p fail=$f skip=$s uptime=$(cut -d' ' -f1 /proc/uptime)"
}

# interactive: a shell with a controlling tty (cttyhack), so Ctrl-C works;
# /test/lib.sh is loaded (ENV) so run_scenario/press_button are at hand.
interactive() {
	cat <<-'EOF'
		## gpioclx guest shell.  /test: scenarios and lib.sh (loaded);
		##   run_scenario s1     run a scenario
		##   press_button tag    ask the host for a power-button press (arm64: PL061 line 3)
		##   insmod /modules/gpioclx.ko ...
		## Leave: 'poweroff' (or exit), or Ctrl-a x in QEMU.
	EOF
	printf '. /test/lib.sh\nPS1="gpioclx:\\w# "\nalias poweroff="poweroff -f"\n' >/tmp/shellrc
	ENV=/tmp/shellrc setsid cttyhack sh
}

main() {
	mount_all
	parse_cmdline
	echo "$LOGLEVEL" >/proc/sys/kernel/printk
	export RESULTS=/tmp/results
	: >"$RESULTS"
	# shellcheck source=lib.sh
	. /test/lib.sh
	echo "@@BOOT@@ $(uname -r) uptime=$(cut -d' ' -f1 /proc/uptime) run='$RUN'"
	# shellcheck disable=SC2034 # read by lib.sh
	SCEN=boot
	dmesg_check dmesg
	for s in $RUN; do
		run_scenario "$s"
	done
	summary
	[ -n "$SHELL_MODE" ] && [ "$SHELL_MODE" != 0 ] && interactive
	sync
	poweroff -f
	# Only reached if poweroff could not end the machine: QEMU runs
	# with -no-reboot, so a reboot ends it as well.
	reboot -f
}

main
