#!/bin/sh
# tests/articles-to-csv.sh: the pipeline script: -j N gives the tables of
# -j 1 byte for byte (GNU parallel and the xargs fallback), a failing stage
# is named and leaves the tables alone (exit 3), damaged input is a partial
# failure (exit 1, tables written), usage is 2, the lock, progress, logs.
. tests/lib.sh

a2c=scripts/articles-to-csv
LEDE_BIN=$BIN
export LEDE_BIN

# A corpus of 60 documents from the samples, one of them gzip.
mkdir -p "$t/corp/sub"
for i in 01 02 03 04 05 06 07 08 09 10 11 12; do
	for f in samples/*.txt; do
		b=${f##*/}
		cp "$f" "$t/corp/a${i}_$b"
	done
done
mv "$t/corp/a12_004_d6ee3cb30dc3f8fd.txt" "$t/corp/sub/"
gzip "$t/corp/a11_000_8a02e417104b49eb.txt"

"$a2c" -q -o "$t/j1" -j 1 "$t/corp" 2>"$t/err"
check "a2c: -j 1 succeeds quietly" test $? -eq 0 -a ! -s "$t/err"
check "a2c: -j 1 writes 60 documents" \
    test "$(($(wc -l < "$t/j1/documents.csv") - 1))" -eq 60
"$BIN/normalize" "$t/corp" | "$BIN/split-sentences" |
    { if [ -x "$BIN/tag-entities" ]; then "$BIN/tag-entities"; else cat; fi; } |
    { if [ -x "$BIN/extract-numbers" ]; then "$BIN/extract-numbers"; else cat; fi; } |
    "$BIN/to-csv" --dir "$t/direct"
for tb in documents sentences entities numbers; do
	check "a2c: $tb.csv equals the hand-made pipeline's" \
	    same "$t/j1/$tb.csv" "$t/direct/$tb.csv"
done

# -j 4 with small blocks (many jobs), with GNU parallel and without.
if command -v parallel >/dev/null 2>&1; then
	LEDE_BLOCK=8k "$a2c" -q -o "$t/j4" -j 4 "$t/corp"
	check "a2c: -j 4 (GNU parallel) succeeds" test $? -eq 0
	for tb in documents sentences entities numbers; do
		check "a2c: -j 4 (GNU parallel) $tb.csv identical to -j 1" \
		    same "$t/j1/$tb.csv" "$t/j4/$tb.csv"
	done
else
	echo "SKIP a2c: GNU parallel not installed; its -j test skipped"
fi
for j in 2 4 7; do
	LEDE_NO_PARALLEL=1 "$a2c" -q -o "$t/x$j" -j $j "$t/corp"
	check "a2c: -j $j (xargs fallback) succeeds" test $? -eq 0
	for tb in documents sentences entities numbers; do
		check "a2c: -j $j (xargs) $tb.csv identical to -j 1" \
		    same "$t/j1/$tb.csv" "$t/x$j/$tb.csv"
	done
done
check "a2c: no staging or marker left" \
    test ! -e "$t/j1/.staging" -a ! -e "$t/j1/.commit" -a ! -e "$t/x4/.staging"

# Usage errors exit 2 and write nothing.
"$a2c" -o "$t/u" 2>/dev/null
check "a2c: no INPUT is usage, exit 2" test $? -eq 2
"$a2c" --frobnicate -o "$t/u" samples 2>/dev/null
check "a2c: unknown option exits 2" test $? -eq 2
"$a2c" -j zero -o "$t/u" samples 2>/dev/null
check "a2c: bad -j exits 2" test $? -eq 2
check "a2c: usage errors write nothing" test ! -e "$t/u"
"$a2c" --help | grep -q '^usage:'
check "a2c: --help on stdout, exit 0" test $? -eq 0

# A failing stage: named with its status, exit 3, old tables untouched.
mkdir "$t/fake"
for p in "$BIN"/*; do ln -s "$(cd "${p%/*}" && pwd)/${p##*/}" "$t/fake/"; done
rm "$t/fake/split-sentences"
printf '#!/bin/sh\nhead -c 3000 >/dev/null\necho "split-sentences: stdin:7: boom" >&2\nexit 1\n' \
    > "$t/fake/split-sentences"
chmod +x "$t/fake/split-sentences"
cp -r "$t/j1" "$t/fail"
for j in 1 2; do
	LEDE_BIN=$t/fake "$a2c" -o "$t/fail" -j $j "$t/corp" 2>"$t/err"
	check "a2c: -j $j failing stage exits 3" test $? -eq 3
	check "a2c: -j $j failing stage is named with its status" \
	    grep -q 'split-sentences.*1' "$t/err"
	check "a2c: -j $j the stage's own message is passed on" \
	    grep -q 'split-sentences: stdin:7: boom' "$t/err"
	check "a2c: -j $j failed run leaves the tables as they were" \
	    diff -r -x .lock "$t/j1" "$t/fail"
done
LEDE_NO_PARALLEL=1 LEDE_BIN=$t/fake "$a2c" -o "$t/fail" -j 2 "$t/corp" 2>"$t/err"
check "a2c: xargs fallback, failing stage exits 3" test $? -eq 3
check "a2c: xargs fallback names the failing stage" \
    grep -q 'split-sentences:1' "$t/err"
check "a2c: xargs fallback failure leaves the tables" diff -r -x .lock "$t/j1" "$t/fail"
check "a2c: log lines carry a timestamp" \
    grep -q '^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9:]* articles-to-csv: ' \
    "$t/err"

# Damaged input: partial failure, exit 1, the good documents are in.
cp -r "$t/corp" "$t/dam"
cp tests/data/truncated.gz "$t/dam/zz-truncated.txt.gz"
for j in 1 2; do
	"$a2c" -q -o "$t/dam$j" -j $j "$t/dam" 2>"$t/err"
	check "a2c: -j $j damaged input exits 1 (partial)" test $? -eq 1
	check "a2c: -j $j damaged input is named" grep -q 'zz-truncated' "$t/err"
	check "a2c: -j $j partial run wrote the good documents" \
	    same "$t/j1/sentences.csv" "$t/dam$j/sentences.csv"
done

# The lock: a second run on the same OUTDIR fails at once (exit 4) while
# the first holds it; --wait waits for it.
mkdir -p "$t/lk"
flock "$t/lk/.lock" sleep 3 &
sleep 1
"$a2c" -q -o "$t/lk" -j 1 samples 2>"$t/err"
check "a2c: locked OUTDIR exits 4" test $? -eq 4
check "a2c: locked OUTDIR says so" grep -q 'locked by another run' "$t/err"
check "a2c: locked run wrote nothing" test ! -e "$t/lk/documents.csv"
"$a2c" -q --wait -o "$t/lk" -j 1 samples 2>"$t/err"
check "a2c: --wait waits for the lock, then runs" test $? -eq 0 -a -s "$t/lk/documents.csv"
wait

# Progress: forced with --progress, none when stderr is not a terminal.
"$a2c" --progress -o "$t/pg" -j 1 samples 2>"$t/err"
check "a2c: --progress reports documents, MB, MB/s, time" \
    grep -q '5 docs .* MB .* MB/s .*0:00:' "$t/err"
"$a2c" -o "$t/pg" -j 1 samples 2>"$t/err"
check "a2c: no progress when stderr is not a terminal" \
    sh -c '! grep -q " docs " "$1"' sh "$t/err"
check "a2c: the closing note counts documents and rows" \
    grep -q '5 documents, .* MB/s' "$t/err"

# Dumps: a tar.gz gives one document per member, in one input file; a
# truncated one is a partial failure that keeps the members before the cut.
tar -czf "$t/samples.tar.gz" -C samples .
"$a2c" -q -o "$t/tar" "$t/samples.tar.gz" 2>"$t/err"
check "a2c: tar.gz input: exit 0" test $? -eq 0
check "a2c: tar.gz input: one document per member" \
    test "$(($(wc -l < "$t/tar/documents.csv") - 1))" -eq 5
check "a2c: tar.gz input: one manifest row" \
    test "$(($(wc -l < "$t/tar/manifest.tsv") - 1))" -eq 1
head -c 6000 "$t/samples.tar.gz" > "$t/cut.tar.gz"
"$a2c" -q -o "$t/cut" "$t/cut.tar.gz" samples 2>"$t/err"
check "a2c: truncated tar.gz: exit 1 (partial)" test $? -eq 1
check "a2c: truncated tar.gz: the other inputs are in" \
    test "$(grep -c ',samples/' "$t/cut/documents.csv")" -eq 5
