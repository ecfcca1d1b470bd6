#!/bin/sh
# tests/commute.sh: tag-entities and extract-numbers commute (contract
# section 1): on every sample, either order gives the same stream and the
# same CSV rows.  A program missing from $BIN is a failure.
. tests/lib.sh

for p in normalize split-sentences tag-entities extract-numbers to-csv; do
	if [ ! -x "$BIN/$p" ]; then
		fail "commute: $BIN/$p is not built"
		exit 0
	fi
done
for f in samples/*.txt; do
	n=${f##*/}
	"$BIN/normalize" "$f" | "$BIN/split-sentences" > "$t/s"
	"$BIN/tag-entities" < "$t/s" | "$BIN/extract-numbers" > "$t/en"
	"$BIN/extract-numbers" < "$t/s" | "$BIN/tag-entities" > "$t/ne"
	check "commute: $n: N records written" grep -q '^N	' "$t/en"
	check "commute: $n: same stream either order" same "$t/en" "$t/ne"
	for table in documents sentences entities numbers; do
		"$BIN/to-csv" --table "$table" < "$t/en" > "$t/en.csv"
		"$BIN/to-csv" --table "$table" < "$t/ne" > "$t/ne.csv"
		check "commute: $n: same $table rows either order" \
		    same "$t/en.csv" "$t/ne.csv"
	done
done
