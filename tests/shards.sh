#!/bin/sh
# tests/shards.sh: beyond one machine.  A corpus cut into shards that run
# separately (as map tasks or on other hosts) and are merged gives the
# single run's tables byte for byte, when no two files share a name; the
# README's GNU parallel recipes, run against the local host (-S :).
. tests/lib.sh

# Stages present in $BIN, as a shell pipeline (tag-entities and
# extract-numbers may not be built yet).
mid="$BIN/split-sentences"
for s in tag-entities extract-numbers; do
	[ -x "$BIN/$s" ] && mid="$mid | $BIN/$s"
done
mapper() { eval "\"$BIN/normalize\" \"\$@\" | $mid"; }

mkdir "$t/corp"
for p in a b c d; do
	for f in samples/*.txt; do cp "$f" "$t/corp/${p}_${f##*/}"; done
done
mapper "$t/corp" | "$BIN/to-csv" --dir "$t/single"

# Shards by file: three map tasks, each its own normalize on its files.
ls "$t/corp" | sed "s|^|$t/corp/|" > "$t/files"
split -n l/3 -d "$t/files" "$t/shard."
for s in "$t"/shard.*; do
	# shellcheck disable=SC2046
	mapper $(cat "$s") > "$s.rec"
done
cat "$t"/shard.*.rec | "$BIN/to-csv" --dir "$t/merged"
for tb in documents sentences entities numbers; do
	check "shards: 3 file shards, streams merged: $tb.csv as a single run" \
	    same "$t/single/$tb.csv" "$t/merged/$tb.csv"
done

# Shards written as tables and merged as CSV (header once).
for s in "$t"/shard.??; do
	"$BIN/to-csv" --dir "$s.out" < "$s.rec"
done
mkdir "$t/csvmerge"
for tb in documents sentences entities numbers; do
	first=1
	for s in "$t"/shard.??; do
		if [ $first = 1 ]; then cat "$s.out/$tb.csv"; first=0
		else sed 1d "$s.out/$tb.csv"; fi
	done > "$t/csvmerge/$tb.csv"
	check "shards: shard tables merged as CSV: $tb.csv as a single run" \
	    same "$t/single/$tb.csv" "$t/csvmerge/$tb.csv"
done

# The condition: a name used twice gets -2 within one run, but two shards
# cannot know of each other, so both keep the bare name.
mapper tests/data/dup1 tests/data/dup2 | "$BIN/to-csv" --table documents \
    > "$t/dup.single"
{ mapper tests/data/dup1; mapper tests/data/dup2; } |
    "$BIN/to-csv" --table documents > "$t/dup.shards"
check "shards: one run makes a repeated name unique (same-2)" \
    grep -q '^same-2,' "$t/dup.single"
check "shards: separate shards repeat it (names must be distinct)" \
    test "$(grep -c '^same,' "$t/dup.shards")" -eq 2

if command -v parallel >/dev/null 2>&1; then
	# README recipe 1: one normalize, the stream spread over hosts.
	"$BIN/normalize" "$t/corp" |
	    parallel --pipe -k --recend '\n' --recstart 'D\t' --block 64k \
		-S 2/: "$mid" 2>/dev/null |
	    "$BIN/to-csv" --dir "$t/hosts1"
	for tb in documents sentences; do
		check "shards: parallel --pipe -S: $tb.csv as a single run" \
		    same "$t/single/$tb.csv" "$t/hosts1/$tb.csv"
	done
	# README recipe 2: one job per file on the hosts.
	parallel -k -S 2/: "\"$BIN/normalize\" {} | $mid" :::: "$t/files" \
	    2>/dev/null | "$BIN/to-csv" --dir "$t/hosts2"
	for tb in documents sentences; do
		check "shards: parallel per file -S: $tb.csv as a single run" \
		    same "$t/single/$tb.csv" "$t/hosts2/$tb.csv"
	done
else
	echo "PASS shards: GNU parallel not installed; its recipes skipped"
fi
