# tests/lib.sh: sourced by the scripted tests.  $BIN holds the programs,
# $TESTBIN the test helpers; $t is a scratch directory removed at exit.
# check NAME CMD...: PASS if CMD succeeds, else FAIL (with what it said).
: "${BIN:=bin}" "${TESTBIN:=build}"
LC_ALL=C
export LC_ALL
t=$(mktemp -d) && trap 'rm -rf "$t"' EXIT

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1${2:+: $2}"; }
check() {
	name=$1
	shift
	if out=$("$@" 2>&1); then
		pass "$name"
	else
		fail "$name" "$(printf '%s' "$out" | head -5)"
	fi
}
# same FILE1 FILE2: byte-identical (cmp prints where they differ).
same() { cmp "$1" "$2"; }
