# shellcheck shell=sh
# e2e-arch: amd64
# Scenario 10: the adversarial suite (issue 14, item 3), against
# gpioclx-sim on the stock amd64 kernel.  Each attack is followed by the
# same checks (s10_after): the chip still works (set, read back from
# outside; driven from outside, read by gpioget), every line is free
# (gpioinfo shows none used), and no splat in the kernel log.
#   k   bad module parameters, alone and together (beyond s2's p.*:
#       several bad at once, bad beside good, the last of a repeated one,
#       overflow, empty, bare, lists, unknown names, the shim's own
#       storm_limit); a refused load leaves nothing and costs no slab
#   g   garbage (empty, huge, negative, text, out of range, binary) to
#       every writable file of the sim and the shim, found in sysfs,
#       debugfs and tracefs, so a new attribute is covered by itself
#       (bounded: one file per attribute name); no pull may take it
#   f   gpio_fuzz, seeded uAPI v1+v2 fuzzing (its own header lists the
#       errnos it accepts), with the sim's lines driven meanwhile
#   h   4 gpio_fuzz processes on the same 8 lines, valid calls only,
#       while a shell loop drives those lines' pulls
#   s   interrupt storms: one line toggled as fast as a shell can write
#       its pull while gpiomon reads (rising, falling, both): edges
#       driven = interrupts counted (/proc/interrupts); events printed:
#       at least one, at most that (see s_storm)
#   c   churn: bind/unbind and rmmod/insmod, free; rmmod refused while a
#       line and an interrupt are held; on 6.12 a line, or an interrupt,
#       held across unbind (6.1's gpiolib leaks those: s6). The slab's
#       floor must not rise (see c_loop)
# The figures (@@FIGURE@@, printed by the host): refused loads' slab,
# writes taken, ioctls and errnos, pull writes, edges driven/events
# read/lost, slab per cycle and the caches that grew most.
#
# Scale: bounded by default (make check, about a minute on 6.12); the
# full form (make stress) with gpioclx.stress=1 on the kernel command
# line.  gpioclx.seed=N replays the fuzzer's seed (else one is drawn and
# printed).  Sourced by run_scenario (lib.sh loaded, SCEN=s10).

S10_MODULES=${GPIOCLX_SIM_MODULES:-/modules/gpioclx.ko /modules/gpioclx-sim.ko}
S10_SHIM=${S10_MODULES%% *}
S10_SIM=${S10_MODULES##* }
S10_DEV=gpioclx-sim.0
S10_SYS=/sys/devices/platform/$S10_DEV
S10_DRV=/sys/bus/platform/drivers/gpioclx-sim
S10_PARAMS="nr_controllers=2 nr_banks=2 pins_per_bank=32"
S10_D=/tmp/s10
S10_C=''

# S10_CYCLES: free bind/unbind; S10_SLOW: rmmod/insmod (half a second
# each under TCG); S10_HELD: cycles with holders (a second or more).
if [ "${GPIOCLX_STRESS:-0}" = 1 ]; then
	S10_FUZZ=200000 S10_HAMMER=60 S10_STORM=30 S10_CYCLES=400 S10_SLOW=400 S10_HELD=100
	S10_FORM=full
else
	S10_FUZZ=4000 S10_HAMMER=5 S10_STORM=2 S10_CYCLES=20 S10_SLOW=20 S10_HELD=4
	S10_FORM=bounded
fi
# hooks (gpioclx.s10_<name>=N on the kernel command line): one count
# changed, or only some steps (gpioclx.s10_steps=params,churn)
S10_FUZZ=${GPIOCLX_S10_FUZZ:-$S10_FUZZ} S10_CYCLES=${GPIOCLX_S10_CYCLES:-$S10_CYCLES}
S10_SLOW=${GPIOCLX_S10_SLOW:-$S10_SLOW} S10_HELD=${GPIOCLX_S10_HELD:-$S10_HELD}
S10_STEPS=$(echo "${GPIOCLX_S10_STEPS:-params,load,garbage,fuzz,hammer,storms,churn}" | tr , ' ')
S10_SEED=${GPIOCLX_SEED:-$(($(od -An -N4 -tu4 /dev/urandom)))}

# --- the chip, and the checks after every attack -----------------------

s10_chip() {
	S10_C=''
	for _g in "$S10_SYS"/gpiochip*; do
		[ -e "$_g" ] && S10_C=$(basename "$_g")
	done
	[ -n "$S10_C" ]
}

s10_load() {
	insmod "$S10_SHIM" 2>/dev/null
	# shellcheck disable=SC2086 # parameter list
	insmod "$S10_SIM" $S10_PARAMS && s10_chip
}

s10_pull() { echo "$2" >"$S10_SYS/sim_gpio$1/pull"; }
s10_value() { cat "$S10_SYS/sim_gpio$1/value"; }

# s10_used: lines of the chip gpioinfo shows in use.
s10_used() { gpioinfo "$S10_C" | grep -c '\[used'; }

# s10_after CHECK: the chip works (an output set and seen from outside,
# an input driven from outside and read), nothing is held, no splat.
s10_after() {
	if ! s10_chip; then
		fail "$1.chip" "no gpiochip under $S10_SYS"
		return 1
	fi
	gpioset "$S10_C" 20=1 && _a=$(s10_value 20)
	gpioset "$S10_C" 20=0 && _a="$_a$(s10_value 20)"
	s10_pull 21 pull-up
	_a="$_a$(gpioget "$S10_C" 21)"
	s10_pull 21 none
	expect_eq "$1.works" "$_a" 101
	expect_eq "$1.free" "$(s10_used)" 0
	dmesg_check "$1.dmesg"
}

# s10_slab: bytes in slab objects (/proc/slabinfo: active objects x size,
# summed), after the reclaimable caches are dropped (kernfs nodes of a
# removed device go to the dentry/inode caches and would read as growth).
# Objects, not pages: /proc/meminfo's SUnreclaim counts slab pages, and
# its floor rose by up to 12 KiB in 20 cycles in which no cache had more
# objects at the end (partly filled pages move between caches' lists).
# Without vmap_area: vmalloc'd thread stacks of every process the test
# forks are freed lazily, their areas kept until 32 MB of them wait (400
# bind cycles: vmap_area +23 to +29 KiB, the next cache +1.5 KiB).
s10_slab() {
	sync
	echo 2 >/proc/sys/vm/drop_caches
	awk 'NR > 2 && $1 != "vmap_area" { n += $2 * $4 } END { print n }' /proc/slabinfo
}

# --- k: bad module parameters ------------------------------------------

# k_left: whatever of the sim is still registered; empty when nothing.
k_left() {
	# shellcheck disable=SC2012 # names of our own, no odd characters
	ls -d /sys/module/gpioclx_sim /sys/bus/platform/devices/gpioclx-sim.* \
		/sys/kernel/debug/gpioclx/gpioclx-sim.* 2>/dev/null | tr '\n' ' '
}

# k_refused CHECK ERRNO PARAM...: insmod of the sim fails with ERRNO
# (busybox insmod exits with init_module()'s errno), a line in the log
# names a parameter, and nothing of the sim is left behind.
k_refused() {
	_kn=$1 _ke=$2
	shift 2
	_kd=$(dmesg | wc -l)
	insmod "$S10_SIM" "$@" >/dev/null 2>&1
	expect_eq "k.${_kn}_rc" "$?" "$_ke"
	expect_eq "k.${_kn}_left" "$(k_left)" ""
	expect_match "k.${_kn}_log" "$(dmesg | tail -n +$((_kd + 1)))" \
		"gpioclx-sim: (nr_controllers|nr_banks|pins_per_bank)|invalid for parameter|gpioclx_sim: \`[0-9]{200}"
	[ -d /sys/module/gpioclx_sim ] && rmmod gpioclx-sim
}

s10_params() {
	rmmod gpioclx-sim 2>/dev/null
	rmmod gpioclx 2>/dev/null
	insmod "$S10_SHIM" || { fail k.insmod_shim "insmod $S10_SHIM"; return 1; }
	_e=22 # EINVAL
	_r=34 # ERANGE: kstrtouint() on a number past UINT_MAX
	k_refused all_zero $_e nr_controllers=0 nr_banks=0 pins_per_bank=0
	k_refused all_over $_e nr_controllers=9 nr_banks=17 pins_per_bank=65
	k_refused bad_beside_good $_e nr_controllers=1 nr_banks=4 pins_per_bank=65
	k_refused last_wins $_e nr_banks=2 nr_banks=99
	k_refused overflow $_r pins_per_bank=4294967297
	k_refused huge $_r "nr_banks=$(head -c 3000 /dev/zero | tr '\0' 9)"
	k_refused empty $_e nr_banks=
	k_refused bare $_e nr_banks
	k_refused list $_e nr_banks=1,2
	k_refused float $_e pins_per_bank=1.5
	k_refused unknown_and_bad $_e bogus=1 nr_banks=0
	# a name it does not know: the kernel ignores it (with a warning), the
	# defaults load
	_kd=$(dmesg | wc -l)
	expect_rc k.unknown_loads 0 insmod "$S10_SIM" nr_gpios=8
	expect_match k.unknown_log "$(dmesg | tail -n +$((_kd + 1)))" "unknown parameter 'nr_gpios' ignored"
	expect_rc k.unknown_rmmod 0 rmmod gpioclx-sim
	# the shim's own parameter, at its insmod
	rmmod gpioclx
	for _v in -1:$_e abc:$_e 4294967296:$_r :$_e; do
		insmod "$S10_SHIM" "storm_limit=${_v%:*}" >/dev/null 2>&1
		_krc=$? _kv=${_v%:*}
		expect_eq "k.storm_limit_${_kv:-empty}" "$_krc/$([ -d /sys/module/gpioclx ] && echo loaded)" "${_v#*:}/"
		[ -d /sys/module/gpioclx ] && rmmod gpioclx
	done
	# repeated refusals cost nothing: slab objects over 10 more of them
	insmod "$S10_SHIM"
	_s0=$(s10_slab)
	for _i in 1 2 3 4 5 6 7 8 9 10; do
		insmod "$S10_SIM" nr_controllers=8 nr_banks=16 pins_per_bank=65 2>/dev/null
	done
	_s1=$(s10_slab)
	figure refused_loads "10 refused loads: slab objects $((_s1 - _s0)) bytes"
	expect_eq k.refused_slab "$([ $((_s1 - _s0)) -le 16384 ] && echo ok || echo $((_s1 - _s0)))" ok
	s10_load || { fail k.reload "the sim does not load after the refusals"; return 1; }
	s10_after k.after
}

# --- g: garbage to every writable file ----------------------------------

# g_files: every writable regular file of the sim and the shim.
g_files() {
	_t=/sys/kernel/tracing
	[ -d $_t/events ] || mount -t tracefs tracefs $_t 2>/dev/null
	find "$S10_SYS" "$S10_DRV" /sys/module/gpioclx /sys/module/gpioclx_sim \
		/sys/kernel/debug/gpioclx $_t/events/gpioclx \
		-type f -perm /222 2>/dev/null | sort
}

# g_payload N: the Nth kind of garbage on stdout.
g_payload() {
	case $1 in
	0) printf '\n' ;;
	1) head -c 8192 /dev/zero | tr '\0' 7 ;;
	2) echo -1 ;;
	3) echo 'pull-upp x' ;;
	4) echo 18446744073709551616 ;;
	5) printf '\001\377\000pull-up\000\n' ;;
	6) printf 'none%04000d\n' 0 ;;
	esac
}
G_KINDS="0 1 2 3 4 5 6"

# g_restore FILE SAVED: put back what the garbage may have changed.
g_restore() {
	case $1 in
	*/driver_override) echo >"$1" ;;
	*/unbind | */bind | */uevent | */trigger | */pull) ;;
	*/filter) echo 0 >"$1" ;;
	*) [ -n "$2" ] && echo "$2" >"$1" ;;
	esac
} 2>/dev/null

s10_garbage() {
	# bounded: one file of each attribute (sim_gpio7/pull stands for all
	# the pulls); full: every file
	if [ "$S10_FORM" = full ]; then
		g_files
	else
		g_files | awk '{ k = $0; gsub(/[0-9]+/, "N", k) } !seen[k]++'
	fi >"$S10_D/g.files"
	_nf=$(wc -l <"$S10_D/g.files")
	_w=0 _ok=0 _pull_ok=0
	while read -r _f; do
		_saved=$(head -c 256 "$_f" 2>/dev/null | head -n 1)
		case $_saved in *' '*) _saved='' ;; esac
		for _k in $G_KINDS; do
			_w=$((_w + 1))
			if g_payload "$_k" >"$_f" 2>/dev/null; then
				_ok=$((_ok + 1))
				echo "$_f $_k" >>"$S10_D/g.accepted"
				case $_f in */pull) _pull_ok=$((_pull_ok + 1)) ;; esac
			fi
		done
		g_restore "$_f" "$_saved"
	done <"$S10_D/g.files"
	figure garbage "$_nf files, $_w writes, $_ok accepted ($(cut -d' ' -f1 "$S10_D/g.accepted" 2>/dev/null |
		sed 's,.*/,,' | sort -u | tr '\n' ' '))"
	expect_eq g.pull_files "$(grep -c '/sim_gpio[0-9]*/pull$' "$S10_D/g.files")" \
		"$([ "$S10_FORM" = full ] && echo 64 || echo 1)"
	expect_eq g.pull_refused "$_pull_ok" 0
	# the pulls read back as they were
	expect_eq g.pulls_kept "$(cat "$S10_SYS"/sim_gpio*/pull | sort -u | tr '\n' ' ')" "none "
	s10_after g.after
}

# --- f: the fuzzer -------------------------------------------------------

s10_fuzz() {
	gpio_fuzz -s "$S10_SEED" -n "$S10_FUZZ" -p "$S10_SYS" "$S10_C" >"$S10_D/fuzz.out" 2>&1
	_rc=$?
	sed 's/^/## /' "$S10_D/fuzz.out" | tail -n 25
	figure fuzz "$(tail -n 1 "$S10_D/fuzz.out")"
	expect_eq f.rc "$_rc" 0
	expect_match f.summary "$(tail -n 1 "$S10_D/fuzz.out")" \
		" unexpected=0 mismatches=0 crashed=0 still_requested=0 "
	s10_after f.after
}

# --- h: concurrent processes on overlapping lines -------------------------

# h_drive SECS OFFSET...: toggle the pulls of OFFSETs (up, then down)
# until SECS pass; prints the number of writes. The clock is read once
# per 50 rounds: now_cs in $(...) forks, and a fork costs more than a
# round of writes under TCG.
h_drive() {
	_end=$(($(now_cs) + $1 * 100)) _n=0
	shift
	while [ "$(now_cs)" -lt $_end ]; do
		_r=0
		while [ $_r -lt 50 ]; do
			for _o in "$@"; do
				echo pull-up >"$S10_SYS/sim_gpio$_o/pull"
				echo pull-down >"$S10_SYS/sim_gpio$_o/pull"
			done
			_r=$((_r + 1))
		done
		_n=$((_n + 100 * $#))
	done
	echo $_n
}

s10_hammer() {
	h_drive "$S10_HAMMER" 0 1 2 3 4 5 6 7 >"$S10_D/h.drive" &
	_dp=$!
	# as many operations as fit in the time, roughly: 4 processes
	gpio_fuzz -V -P 4 -l 8 -s "$S10_SEED" -n $((S10_HAMMER * 400)) "$S10_C" >"$S10_D/h.out" 2>&1
	_rc=$?
	wait $_dp
	_i=0
	while [ $_i -lt 8 ]; do s10_pull $_i none; _i=$((_i + 1)); done
	sed 's/^/## /' "$S10_D/h.out" | tail -n 25
	figure hammer "4 processes on lines 0-7, $(cat "$S10_D/h.drive") pull writes; $(tail -n 1 "$S10_D/h.out")"
	expect_eq h.rc "$_rc" 0
	expect_match h.summary "$(tail -n 1 "$S10_D/h.out")" \
		" unexpected=0 mismatches=0 crashed=0 still_requested=0 "
	s10_after h.after
}

# --- s: interrupt storms ------------------------------------------------

# s_storm NAME EDGES_PER_TOGGLE [MODE]: gpiomon [MODE] on line 30 (block
# buffered: it flushes when SIGTERM ends it) while the line is toggled for
# S10_STORM seconds; edges driven, interrupts counted, events printed.
s_storm() {
	_sn=$1 _per=$2
	shift 2
	s10_pull 30 pull-down
	gpiomon "$@" "$S10_C" 30 >"$S10_D/$_sn.out" 2>&1 &
	_mp=$!
	wait_for 3000 s10_held 30 || log "gpiomon did not take line 30"
	_i0=$(irq_count 'gpiomon')
	_t=$(h_drive "$S10_STORM" 30)
	s10_pull 30 pull-down
	usleep 500000
	_i1=$(irq_count 'gpiomon')
	kill "$_mp"
	wait "$_mp" 2>/dev/null
	s10_pull 30 none
	_ev=$(grep -c 'EDGE' "$S10_D/$_sn.out")
	_drv=$((${_t:-0} * _per / 2))
	figure "$_sn" "$_t writes in $S10_STORM s, $_drv edges driven, $((_i1 - _i0)) interrupts, $_ev events read, $((_drv - _ev)) lost"
	# the shim: one interrupt per edge (an emulated both-edge line: one
	# level interrupt per toggle, the same number)
	expect_eq "s.${_sn}_irqs" "$((_i1 - _i0))" "$_drv"
	# gpiolib-cdev makes events in a threaded handler: edges that come
	# before the thread has run make one event, while the hard handler
	# counts each. With more than one CPU events are lost, and on one
	# CPU too under load (a make check run read 1498 of 1500), so the
	# events are gpiolib's to lose: at least one, never more than driven.
	expect_eq "s.${_sn}_events" "$([ "$_ev" -gt 0 ] && [ "$_ev" -le "$_drv" ] && echo ok)" ok
	s10_after "s.${_sn}_after"
}

s10_held() { gpioinfo "$S10_C" | grep -q "line *$1:.*\[used"; }

s10_storms() {
	s_storm rising 1 -r
	s_storm falling 1 -f
	s_storm both 2
}

# --- c: churn -------------------------------------------------------------

# c_loop CHECK N HOW: N cycles of HOW (a function). With N >= 20, the
# slab (s10_slab) is read after each cycle of the second quarter and of
# the last, and the lowest reading of each is kept: the floor. A leak
# raises the floor by its size every cycle; what comes and goes
# (RCU-deferred frees, the readers' own processes) does not. The floor
# may rise by C_SLACK at most over the N/2 cycles between the windows:
# measured over 40 cycles (2026-11-30), free churn moved it by 0 on 6.1
# and 6.12, but 6.1's held_rmmod once by exactly 32768 and 6.12's
# held_unbind_line by -68144: SLUB counts every object of a CPU's
# current slab as active, so the sum jumps by a slab at a time, and
# 32 KiB is the largest slab (order 3) of the kmalloc caches. What it can
# see is then 32 KiB / (N/2) per cycle: 3.2 KiB in the bounded form's 20
# cycles, 164 bytes in the full form's 400, 655 bytes in its 100 held.
# Below 20 cycles (the held cycles of the bounded form) the figure is
# printed, not checked.
C_SLACK=32768
c_loop() {
	_cn=$1 _cycles=$2 _how=$3 _i=1 _q=$(($2 / 4)) _lo1='' _lo2=''
	while [ $_i -le "$_cycles" ]; do
		[ $_i = $((_cycles / 2 + 1)) ] && c_slabinfo >"$S10_D/slabinfo.half"
		"$_how" || { fail "$_cn.cycle" "cycle $_i: $_how failed"; return 1; }
		if [ "$_cycles" -ge 20 ] && [ $_i -gt $_q ] &&
			{ [ $_i -le $((2 * _q)) ] || [ $_i -gt $((_cycles - _q)) ]; }; then
			_s=$(s10_slab)
			if [ $_i -le $((2 * _q)) ]; then
				[ -n "$_lo1" ] && [ "$_lo1" -le "$_s" ] || _lo1=$_s
			else
				[ -n "$_lo2" ] && [ "$_lo2" -le "$_s" ] || _lo2=$_s
			fi
		fi
		_i=$((_i + 1))
	done
	if [ -n "$_lo2" ]; then
		_g=$((_lo2 - _lo1))
		c_slabinfo >"$S10_D/slabinfo.end"
		figure "$_cn" "$_cycles cycles: slab objects' floor $_g bytes higher over the last $((_cycles / 2)), $((_g / (_cycles / 2))) bytes per cycle; caches grown most: $(c_grown)"
		expect_eq "$_cn.slab" "$([ $_g -le $C_SLACK ] && echo ok || echo "$_g bytes")" ok
	else
		figure "$_cn" "$_cycles cycles (too few to measure the slab)"
	fi
	s10_after "$_cn.after"
}

# c_slabinfo: "cache bytes" for every slab cache (active objects x size).
c_slabinfo() { awk 'NR > 2 && $1 != "vmap_area" { print $1, $2 * $4 }' /proc/slabinfo; }

# c_grown: the three caches that grew most between slabinfo.half and .end.
c_grown() {
	awk 'NR == FNR { was[$1] = $2; next } $2 > was[$1] { print $2 - was[$1], $1 }' \
		"$S10_D/slabinfo.half" "$S10_D/slabinfo.end" | sort -rn | head -n 3 |
		awk '{ printf "%s%s +%d", (NR > 1 ? "," : ""), $2, $1 }'
}

c_bind() {
	echo "$S10_DEV" >"$S10_DRV/unbind" && echo "$S10_DEV" >"$S10_DRV/bind"
}

c_insmod() {
	rmmod gpioclx-sim && rmmod gpioclx && s10_load
}

# c_held_unbind_line / _irq: an output line (gpioset), or a line with its
# interrupt (gpiomon), held across unbind, then released and the device
# bound again (6.12: gpiolib frees what the holder had then). Apart, so
# that a leak says which of the two it follows.
c_held_unbind() {
	s10_chip
	"$@" >"$S10_D/holder" 2>&1 &
	_hp=$!
	if ! wait_for 5000 s10_held 4; then
		log "holder '$*' did not take line 4 of $S10_C: $(oneline "$(cat "$S10_D/holder")")"
		log "refcnt $(cat /sys/module/gpioclx_sim/refcnt); $(oneline "$(cat /sys/kernel/debug/gpio)")"
		kill $_hp 2>/dev/null
		return 1
	fi
	echo "$S10_DEV" >"$S10_DRV/unbind"
	# the holder may have ended by itself: gpiomon does when its chip goes
	kill $_hp 2>/dev/null
	wait $_hp 2>/dev/null
	echo "$S10_DEV" >"$S10_DRV/bind"
}
c_held_unbind_line() { c_held_unbind gpioset --mode=signal "$S10_C" 4=1; }
c_held_unbind_irq() { c_held_unbind gpiomon "$S10_C" 4; }

# c_held_rmmod: rmmod refused while a line and an interrupt are held.
c_held_rmmod() {
	gpioset --mode=signal "$S10_C" 3=1 &
	_hp=$!
	gpiomon "$S10_C" 4 >/dev/null 2>&1 &
	_hm=$!
	wait_for 3000 s10_held 4 && wait_for 3000 s10_held 3 || return 1
	rmmod gpioclx-sim 2>/dev/null && return 1
	kill $_hp $_hm
	wait $_hp $_hm 2>/dev/null
	rmmod gpioclx-sim && s10_load
}

s10_churn() {
	c_loop c.bind "$S10_CYCLES" c_bind
	c_loop c.insmod "$S10_SLOW" c_insmod
	c_loop c.held_rmmod "$S10_HELD" c_held_rmmod
	case $(uname -r) in
	6.1.*) skip c.held_unbind "6.1's gpiolib leaks a line held across unbind (s6)" ;;
	*)
		c_loop c.held_unbind_line "$S10_HELD" c_held_unbind_line
		c_loop c.held_unbind_irq "$S10_HELD" c_held_unbind_irq
		;;
	esac
}

s10_main() {
	rm -rf "$S10_D"
	mkdir -p "$S10_D"
	if [ ! -f "$S10_SIM" ] || ! command -v gpio_fuzz >/dev/null; then
		skip gpioclx-sim "module or gpio_fuzz not built"
		return
	fi
	log "form $S10_FORM: fuzz $S10_FUZZ, hammer $S10_HAMMER s, storms $S10_STORM s, churn $S10_CYCLES/$S10_SLOW/$S10_HELD cycles; seed $S10_SEED"
	for _step in $S10_STEPS; do
		_t0=$(now_cs)
		case $_step in
		load) [ -d /sys/module/gpioclx_sim ] || s10_load || { fail load "insmod $S10_PARAMS"; return; } ;;
		*) "s10_$_step" ;;
		esac
		log "$_step: $(($(now_cs) - _t0)) cs"
	done
	rmmod gpioclx-sim
	rmmod gpioclx
}

s10_main
