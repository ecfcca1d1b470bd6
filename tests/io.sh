#!/bin/sh
# tests/io.sh: what every program promises about I/O: --help and
# --version, bad usage, full disks, closed pipes, huge lines, determinism.
. tests/lib.sh

progs=
for p in "$BIN"/*; do progs="$progs ${p##*/}"; done

for p in $progs; do
	check "$p: --help on stdout, exit 0" sh -c \
	    "'$BIN/$p' --help | grep -q '^usage: $p'"
	check "$p: --version names lede" sh -c \
	    "'$BIN/$p' --version | grep -q '^$p (lede) '"
	"$BIN/$p" --no-such-option </dev/null >/dev/null 2>"$t/err"
	check "$p: unknown option exits 2" test $? -eq 2
	check "$p: unknown option prints usage" grep -q '^usage:' "$t/err"
done

# A full disk is an error, never a silently short file.
"$BIN/normalize" samples >/dev/full 2>"$t/err"
check "normalize: write to a full disk exits 1" test $? -eq 1
check "normalize: full disk says write error" grep -q 'write error' "$t/err"
for p in split-sentences tag-entities extract-numbers; do
	[ -x "$BIN/$p" ] || continue
	"$BIN/normalize" samples | "$BIN/split-sentences" > "$t/s"
	"$BIN/$p" < "$t/s" >/dev/full 2>"$t/err"
	check "$p: write to a full disk exits 1" test $? -eq 1
	check "$p: full disk says write error" grep -q 'write error' "$t/err"
done
"$BIN/normalize" samples | "$BIN/to-csv" --table sentences >/dev/full \
    2>"$t/err"
check "to-csv: write to a full disk exits 1" test $? -eq 1

# A reader that goes away: quiet, no message.
"$BIN/normalize" samples samples samples > "$t/many.rec"
for i in 1 2 3 4 5 6 7; do cat "$t/many.rec"; done > "$t/many7.rec"
"$BIN/split-sentences" < "$t/many7.rec" > "$t/many.s"
for p in normalize split-sentences tag-entities extract-numbers to-csv; do
	[ -x "$BIN/$p" ] || continue
	case $p in
	normalize)
		"$BIN/normalize" samples samples samples 2>"$t/err" |
		    head -1 >/dev/null ;;
	split-sentences)
		"$BIN/$p" < "$t/many7.rec" 2>"$t/err" | head -1 >/dev/null ;;
	to-csv)
		"$BIN/$p" --table sentences < "$t/many.s" 2>"$t/err" |
		    head -1 >/dev/null ;;
	*)
		"$BIN/$p" < "$t/many.s" 2>"$t/err" | head -1 >/dev/null ;;
	esac
	check "$p: quiet when its reader goes away" test ! -s "$t/err"
done
rm -f "$t/many.rec" "$t/many7.rec" "$t/many.s"

# Raw text into a record filter: the message says what to do.
for p in split-sentences to-csv; do
	args=
	[ "$p" = to-csv ] && args="--table documents"
	echo "Raw article text." | "$BIN/$p" $args >/dev/null 2>"$t/err"
	check "$p: raw text exits 1" test $? -eq 1
	check "$p: raw text says run normalize first" \
	    grep -q 'stdin:1: .*run normalize first' "$t/err"
done

# A 50 MB line goes through whole.
awk 'BEGIN { s = "word "; for (i = 0; i < 23; i++) s = s s;
	printf "%s", substr(s, 1, 50000000); print "end." }' > "$t/big.txt"
"$BIN/normalize" "$t/big.txt" > "$t/big.rec"
check "normalize: 50 MB line in one paragraph" test \
    "$(grep -c '^P	' "$t/big.rec")" -eq 1
check "normalize: 50 MB line keeps its bytes" test \
    "$(tr -d ' ' < "$t/big.txt" | wc -c)" -eq \
    "$(grep '^P	' "$t/big.rec" | cut -f4 | tr -d ' ' | wc -c)"
"$BIN/split-sentences" < "$t/big.rec" > "$t/big.s"
check "split-sentences: 50 MB line" test "$(grep -c '^S	' "$t/big.s")" -ge 1
rm -f "$t/big.txt" "$t/big.rec" "$t/big.s"

# Same input, same bytes.
run() {
	"$BIN/normalize" samples tests/data/tree | "$BIN/split-sentences" |
	    "$BIN/to-csv" --dir "$1"
}
run "$t/d1" && run "$t/d2"
check "pipeline: two runs give identical tables" diff -r "$t/d1" "$t/d2"
