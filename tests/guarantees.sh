#!/bin/sh
# tests/guarantees.sh: the promises of README.md "Guarantees" that no
# other test checks on its own; the README names, for each promise, the
# checks here and elsewhere that back it.  tests/properties.sh checks the
# same promises on random documents.
. tests/lib.sh
. tests/checks.sh

# 1. Every document in is a row of documents.csv: empty, binary, only
# spaces or controls, only boilerplate, gzip.
d=$t/docs
mkdir "$d"
: > "$d/a-empty.txt"
awk 'BEGIN { for (k = 0; k < 4; k++) for (i = 0; i < 256; i++)
	printf "%c", i }' > "$d/b-binary"
printf 'Copyright 2024 Example News. All rights reserved.\n' > "$d/c-boiler.txt"
printf '  \n\t\n \r\n' > "$d/d-spaces.txt"
printf '\001\002\003\033[0m\n\177' > "$d/e-controls.txt"
cp samples/000_8a02e417104b49eb.txt "$d/f-sample.txt"
gzip -c samples/001_9e6c07249c8ec573.txt > "$d/g-sample.txt.gz"
printf '\0\0\0' > "$d/h-nul"
"$BIN/normalize" "$d" > "$t/g1.rec"
check "guarantee 1: normalize of odd documents exits 0" test $? -eq 0
"$BIN/split-sentences" < "$t/g1.rec" | "$BIN/to-csv" --dir "$t/g1"
"$TESTBIN/csvcat" < "$t/g1/documents.csv" | sed 1d | cut -f2 > "$t/g1.rows"
printf '%s\n' a-empty b-binary c-boiler d-spaces e-controls f-sample \
    g-sample h-nul > "$t/g1.want"
check "guarantee 1: one documents.csv row per document, even empty, binary or boilerplate-only" \
    same "$t/g1.rows" "$t/g1.want"
check "guarantee 1: a boilerplate-only document's row has 0 paragraphs" \
    grep -q '^c-boiler,[^,]*,,0,0,' "$t/g1/documents.csv"

# 2. Nothing of a body is lost from normalize's paragraphs to
# sentences.csv (split-sentences: tests/sentences-preserve.sh; the stream
# to the table: tests/tables.sh; here the whole way).
"$BIN/normalize" samples tests/data/tree > "$t/g2.rec"
"$BIN/split-sentences" < "$t/g2.rec" | "$BIN/to-csv" --table sentences |
    "$TESTBIN/csvcat" | sed 1d > "$t/g2.csv"
check "guarantee 2: paragraphs to sentences.csv keep every non-space character in order" \
    preserved "$t/g2.rec" "$t/g2.csv"

# 3. E and N text is the sentence's substring at code point offsets.
"$BIN/split-sentences" < "$t/g2.rec" > "$t/g3.s"
for p in tag-entities extract-numbers; do
	[ -x "$BIN/$p" ] && "$BIN/$p" < "$t/g3.s" > "$t/g3.x" && mv "$t/g3.x" "$t/g3.s"
done
cat tests/extract-numbers/*.in | grep -v '^[EN]	' |
    "$BIN/extract-numbers" 2>/dev/null >> "$t/g3.s"
check "guarantee 3: E and N text is the substring at their offsets" \
    offsets "$t/g3.s"

# 4. Any bytes into normalize: exit 0 and valid UTF-8 records, which
# split-sentences reads (it rejects invalid UTF-8).
randbytes 4 300 3000 "$t/g4"
"$BIN/normalize" "$t/g4" > "$t/g4.rec"
check "guarantee 4: normalize exits 0 on 300 random binary files" \
    test $? -eq 0
check "guarantee 4: ... and writes valid UTF-8" \
    iconv -f UTF-8 -t UTF-8 -o /dev/null "$t/g4.rec"
check "guarantee 4: ... records the filters accept" \
    sh -c '"$1/split-sentences" < "$2" | "$1/to-csv" --table documents |
	test $(wc -l) -eq 301' sh "$BIN" "$t/g4.rec"
cat "$t"/g4/* | "$BIN/normalize" > "$t/g4.one"
check "guarantee 4: ... and on all of them in one document on stdin" \
    test $? -eq 0 -a "$(grep -c '^D	' "$t/g4.one")" -eq 1

# 5. A malformed stream: "PROG: stdin:LINE: WHAT", exit 1, no hang.
printf '%s\n' 'Raw article text.' 'P	x	one	text' 'S	x	1' \
    'S	x	1	1	bad \q escape' 'S	x	1	1	bad \377 byte' \
    'S	x	1	1	nul \0 byte' '	no type' 's	x	lower-case type' \
    'E	x	1	a	b	PERSON	t	t' 'N	x	1	0' 'D		src	empty doc_id' \
    'S	x	1	1	ends in a backslash \' '\357\273\277D	x	BOM' \
    'S	x	-1	1	negative id' 'TOOLONGTYPE	x' > "$t/bad.lines"
progs="split-sentences extract-numbers tag-entities to-csv"
for p in $progs; do
	[ -x "$BIN/$p" ] || continue
	args=
	[ "$p" = to-csv ] && args="--table sentences"
	n=0 bad=
	while IFS= read -r line; do
		n=$((n + 1))
		printf 'D\tx\tx\t\n%b\nS\tx\t1\t1\tok\n' "$line" > "$t/bad.in"
		timeout 10 "$BIN/$p" $args < "$t/bad.in" > /dev/null 2> "$t/err"
		rc=$?
		grep -q "^$p: stdin:2: " "$t/err" && [ $rc -eq 1 ] ||
		    bad="$bad line $n (exit $rc: $(head -c 80 "$t/err"))"
	done < "$t/bad.lines"
	check "guarantee 5: $p: $n malformed lines each exit 1 naming line 2" \
	    test -z "$bad" || echo "	$bad"
done
# A megabyte of binary garbage as the stream.
awk 'BEGIN { x = 7; for (i = 0; i < 1048576; i++) {
	x = (x * 48271) % 2147483647; printf "%c", x % 255 + 1 } }' > "$t/garbage"
for p in $progs; do
	[ -x "$BIN/$p" ] || continue
	args=
	[ "$p" = to-csv ] && args="--table sentences"
	timeout 10 "$BIN/$p" $args < "$t/garbage" > /dev/null 2> "$t/err"
	check "guarantee 5: $p: binary garbage exits 1 with stdin:LINE" \
	    sh -c '[ $1 -eq 1 ] && grep -q "^$2: stdin:[0-9]*: " "$3"' sh $? \
	    "$p" "$t/err"
done

# 6. A table that cannot be written completely is not written at all:
# a file size limit makes the writes fail (EFBIG) part way through.
"$BIN/normalize" samples samples samples | "$BIN/split-sentences" > "$t/g6.s"
"$BIN/to-csv" --dir "$t/g6" < "$t/g6.s"
cp -r "$t/g6" "$t/g6.before"
(trap '' XFSZ; ulimit -f 16; exec "$BIN/to-csv" --dir "$t/g6") \
    < "$t/g6.s" 2> "$t/err"
check "guarantee 6: to-csv --dir, a write fails: exit 1" test $? -eq 1
check "guarantee 6: ... with a message naming the table" \
    grep -q '^to-csv: .*/\.[a-z]*\.csv\.[^:]*: ' "$t/err"
check "guarantee 6: ... the old tables stay as they were" \
    diff -r "$t/g6.before" "$t/g6"
check "guarantee 6: ... no temporary file left" \
    test -z "$(find "$t/g6" -name '.*')"

# 3 again, past extract-numbers' 1 MiB window: a 3 MB sentence full of
# numbers keeps its offsets right across the cuts.
awk 'BEGIN { printf "D\tbig\tbig\t\nS\tbig\t1\t1\t"
	for (i = 0; i < 60000; i++) printf "\342\200\224 %d people, $%d.5 million and ", i, i % 97
	print "the end" }' > "$t/long.s"
"$BIN/extract-numbers" < "$t/long.s" > "$t/long.n"
check "guarantee 3: a 3 MB sentence: its 120000 numbers all found" \
    test "$(grep -c '^N	' "$t/long.n")" -ge 119990
check "guarantee 3: ... at their offsets" offsets "$t/long.n"
