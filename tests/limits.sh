#!/bin/sh
# tests/limits.sh: resource limits, small enough for every run (the big
# versions are in tests/stress/run, make stress): many files, deep trees,
# symlink loops, many tiny documents; and hostile text, which must take
# time linear in its size.
. tests/lib.sh

# 10,000 files in 100 directories: all read, in order.
awk -v d="$t/tree" 'BEGIN {
	for (i = 0; i < 100; i++) {
		system("mkdir -p " d "/d" sprintf("%03d", i))
		for (j = 0; j < 100; j++) {
			f = sprintf("%s/d%03d/f%03d.txt", d, i, j)
			printf "Article %d/%d says 5 people came.\n", i, j > f
			close(f)
		}
	}
}'
"$BIN/normalize" "$t/tree" > "$t/tree.rec"
check "limits: 10,000 files: exit 0" test $? -eq 0
check "limits: 10,000 files: 10,000 documents" \
    test "$(grep -c '^D	' "$t/tree.rec")" -eq 10000
check "limits: 10,000 files: walked in name order" sh -c \
    'grep "^D	" "$1" | cut -f3 | sort -c' sh "$t/tree.rec"
rm -rf "$t/tree" "$t/tree.rec"

# Directories nested 300 deep: the walk stops at 256 levels and says so.
p=$t/deep
i=0
while [ $i -lt 300 ]; do
	p=$p/d
	i=$((i + 1))
	[ $i -eq 10 ] && mkdir -p "$p" && echo "Shallow text." > "$p/a.txt"
done
mkdir -p "$p" && echo "Too deep." > "$p/z.txt"
"$BIN/normalize" "$t/deep" > "$t/deep.rec" 2> "$t/err"
check "limits: nesting 300 deep: exit 1" test $? -eq 1
check "limits: nesting 300 deep: says where it stopped" \
    grep -q 'directories nested deeper than 256, skipped' "$t/err"
check "limits: nesting 300 deep: the shallow file is read" \
    grep -q 'Shallow text' "$t/deep.rec"
rm -rf "$t/deep"

# Symlink loops: a link to an enclosing directory and a link to itself.
mkdir -p "$t/loop/sub"
echo "Only once." > "$t/loop/sub/a.txt"
ln -s .. "$t/loop/sub/up"
ln -s self "$t/loop/self"
timeout 20 "$BIN/normalize" "$t/loop" > "$t/loop.rec" 2> "$t/err"
check "limits: symlink loops: exit 1, no hang" test $? -eq 1
check "limits: symlink loops: the loop is named" \
    grep -q 'up: directory loop, skipped' "$t/err"
check "limits: symlink loops: the self link is named" \
    grep -q 'self: Too many levels of symbolic links' "$t/err"
check "limits: symlink loops: each file read once" \
    test "$(grep -c '^D	' "$t/loop.rec")" -eq 1

# 20,000 tiny documents in one JSON Lines dump, through to the tables.
awk 'BEGIN { for (i = 0; i < 20000; i++)
	printf "{\"url\": \"https://x.test/%d\", \"text\": \"Doc %d. It had %d words.\"}\n", i, i, i }' \
    > "$t/tiny.jsonl"
"$BIN/normalize" "$t/tiny.jsonl" | "$BIN/split-sentences" |
    "$BIN/extract-numbers" | "$BIN/to-csv" --dir "$t/tiny"
check "limits: 20,000 tiny documents: 20,000 rows" \
    test "$(($(wc -l < "$t/tiny/documents.csv") - 1))" -eq 20000
rm -rf "$t/tiny" "$t/tiny.jsonl"

# Hostile text runs in linear time.  Each kind is timed at 256 KB and at
# 1 MB; quadratic work would take 16 times as long, linear 4 times.  The
# bound is wide (12 times, or 0.36 s when both are quick) and a failure is
# timed once more (the best of two counts) because timing on a shared
# machine is noisy: it catches a quadratic blow-up, it is no benchmark.
now() { date +%s%N; }
# hostile KIND PROG SIZE: the KIND text, SIZE bytes, as PROG reads it.
hostile() {
	awk -v n="$3" -v k="$1" -v prog="$2" 'BEGIN {
		s = k
		while (length(s) < n)
			s = s s
		s = "5 people said " substr(s, 1, n) " end."
		if (prog == "normalize")
			print s
		else if (prog == "split-sentences")
			printf "D\tx\tx\t\nP\tx\t1\t%s\n", s
		else
			printf "D\tx\tx\t\nS\tx\t1\t1\t%s\n", s
	}'
}
# timed PROG FILE: nanoseconds PROG takes on FILE ("fail" if it fails).
timed() {
	a=$(now)
	timeout 60 "$BIN/$1" < "$2" > /dev/null || { echo fail; return; }
	b=$(now)
	echo $((b - a))
}
# linear NAME PROG KIND
linear() {
	hostile "$3" "$2" 262144 > "$t/h.small"
	hostile "$3" "$2" 1048576 > "$t/h.big"
	ok=0
	for try in 1 2; do
		s=$(timed "$2" "$t/h.small") b=$(timed "$2" "$t/h.big")
		[ "$s" = fail ] || [ "$b" = fail ] && break
		[ "$try" -eq 1 ] || { [ "$s" -lt "$s1" ] || s=$s1; [ "$b" -lt "$b1" ] || b=$b1; }
		s1=$s b1=$b
		[ "$b" -le $((12 * (s > 30000000 ? s : 30000000))) ] && ok=1 && break
	done
	check "limits: linear time: $2: $1 (256 KB ${s}ns, 1 MB ${b}ns)" \
	    test "$ok" -eq 1
}
for prog in normalize split-sentences extract-numbers tag-entities; do
	[ -x "$BIN/$prog" ] || continue
	linear "a long word" $prog "abcdefghij"
	linear "a run of digits" $prog "1234567890"
	linear "capitalised words" $prog "Abcd Efgh Ijkl "
	linear "dotted runs" $prog "a.b-"
	linear "domain-like runs" $prog "a.co-"
	linear "clock-like runs" $prog "1:1"
	linear "handles" $prog "@a"
	linear "abbreviations" $prog "Mr. U.S. "
	linear "spaced ellipses" $prog ". . . "
	linear "amounts" $prog "\$1,000.5 million, "
	linear "mojibake" $prog "Ã©â€™"
done

# A walk reads regular files and links to them, goes into directories,
# and skips what is neither (a FIFO: reading it would wait for a writer),
# whether the directory entry says its type or stat(2) must; in name order.
mkdir -p "$t/walk/sub"
printf 'Alpha text.\n' > "$t/walk/a.txt"
printf 'Beta text.\n' > "$t/walk/sub/b.txt"
printf 'Gamma text.\n' > "$t/gamma.txt"
ln -s "$t/gamma.txt" "$t/walk/c.txt"
mkfifo "$t/walk/d.fifo"
"$BIN/normalize" "$t/walk" > "$t/out" 2> "$t/err" &
pid=$!
i=0
while kill -0 "$pid" 2>/dev/null && [ "$i" -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
if kill -0 "$pid" 2>/dev/null; then
	kill "$pid"
	fail "walk: a FIFO in a directory is skipped, not read"
else
	wait "$pid"
	check "walk: exit 0" test $? -eq 0
	check "walk: a FIFO in a directory is skipped, not read" \
	    test ! -s "$t/err"
	check "walk: files, links to files and subdirectories, by name" \
	    sh -c 'cut -f1,4 "$1" | grep -v "^D" | tr "\n" " " |
	    grep -qx "P	Alpha text. P	Gamma text. P	Beta text. "' sh "$t/out"
fi
