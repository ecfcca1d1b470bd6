#!/bin/sh
# tests/bench.sh: scripts/bench end to end on a tiny corpus (1 MB, one
# run): it must finish, print its table, and write the CSV with a row for
# every baseline, every filter and every stage of the pipeline at 1x, 4x
# and 16x.  Timings are not checked: make bench measures, tests do not.
. tests/lib.sh

table=$(sh scripts/bench --size 1 --runs 1 --bin "$BIN" --out "$t/b.csv" 2>&1)
check "bench: a 1 MB run succeeds" test $? -eq 0
check "bench: prints the table" sh -c \
    'printf "%s\n" "$1" | grep -q "^pipeline 16x .* zcat"' sh "$table"
check "bench: CSV header" sh -c 'head -1 "$1" | grep -q \
    "^section,name,input,MB,runs,cpu_s,wall_s,basis,MB_per_s,ratio,"' \
    sh "$t/b.csv"
for name in cat zcat "sed s/the/THE/g" "awk {n+=NF}" normalize \
    split-sentences tag-entities extract-numbers to-csv "pipeline 1x" \
    "pipeline 4x" "pipeline 16x" "normalize 1x" "tag-entities 4x" \
    "to-csv 16x"; do
	check "bench: CSV has $name" grep -qF ",$name," "$t/b.csv"
done
# Every row measured something: a positive CPU or wall time, one run.
check "bench: every row has one run and a time" awk -F, 'NR > 1 &&
    ($5 != 1 || $6 + $7 <= 0) { bad = 1 } END { exit bad }' "$t/b.csv"
check "bench: 31 rows and the header" test "$(wc -l < "$t/b.csv")" -eq 31

sh scripts/bench --size x > "$t/out" 2>&1
check "bench: a bad --size is a usage error" test $? -eq 2
check "bench: says what is wrong" grep -q -- "--size: want MB, not x" "$t/out"
