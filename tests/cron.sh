#!/bin/sh
# tests/cron.sh: articles-to-csv from cron: the manifest, --incremental
# (new inputs only, rows appended, doc_id kept unique), and crash safety:
# a run killed with SIGKILL at any point leaves the tables and manifest as
# they were before it, or (killed after the commit point) as the next run
# completes them; either way the next run ends with the right tables.
. tests/lib.sh

a2c=scripts/articles-to-csv
LEDE_BIN=$BIN
export LEDE_BIN
FILES="documents.csv sentences.csv entities.csv numbers.csv manifest.tsv"

mk() {		# mk PREFIX...: five articles per prefix in $t/in
	for p in "$@"; do
		for f in samples/*.txt; do cp "$f" "$t/in/${p}_${f##*/}"; done
	done
}
snap() {	# snap OUTDIR COPY
	mkdir -p "$2" && for f in $FILES; do cp "$1/$f" "$2/"; done
}
samedir() {	# samedir A B: the tables and manifest are byte-identical
	for f in $FILES; do cmp "$1/$f" "$2/$f" || return 1; done
}
rows() { echo $(($(wc -l < "$1") - 1)); }

mkdir "$t/in"
mk b01 b02 b03 b04
"$a2c" -q --incremental -j 1 -o "$t/ref" "$t/in"
check "cron: first --incremental run succeeds" test $? -eq 0
snap "$t/ref" "$t/S1"
check "cron: manifest has a header and one row per file" \
    test "$(rows "$t/ref/manifest.tsv")" -eq 20
f=$(cd "$t/in" && pwd)/b01_000_8a02e417104b49eb.txt
check "cron: manifest row: absolute path, size, mtime, sha256" \
    grep -q "^$f	$(wc -c < "$f" | tr -d ' ')	$(stat -c %Y "$f")	$(sha256sum < "$f" | cut -d' ' -f1)\$" \
    "$t/ref/manifest.tsv"

"$a2c" -q --incremental -j 1 -o "$t/ref" "$t/in"
check "cron: nothing new: exit 0" test $? -eq 0
check "cron: nothing new: tables and manifest unchanged" \
    samedir "$t/S1" "$t/ref"

mk c01 c02 c03 c04
"$a2c" -q --incremental -j 2 -o "$t/ref" "$t/in"
check "cron: second run appends the new documents" \
    test "$(rows "$t/ref/documents.csv")" -eq 40
snap "$t/ref" "$t/S2"
"$a2c" -q -j 1 -o "$t/all" "$t/in"
check "cron: two incremental runs equal one full run" samedir "$t/S2" "$t/all"

# A new file whose name is taken in the tables gets id-2.
mkdir "$t/in2"
printf 'Fresh news\n\nSomething happened today in Kyiv.\n' \
    > "$t/in2/b01_000_8a02e417104b49eb.txt"
cp -r "$t/S2" "$t/ids"
"$a2c" -q --incremental -o "$t/ids" "$t/in" "$t/in2"
check "cron: a taken doc_id becomes id-2" \
    grep -q '^b01_000_8a02e417104b49eb-2,' "$t/ids/documents.csv"
check "cron: ... in its sentences too" \
    grep -q '^b01_000_8a02e417104b49eb-2,1,' "$t/ids/sentences.csv"
check "cron: doc_ids stay unique" test -z \
    "$(cut -d, -f1 "$t/ids/documents.csv" | sort | uniq -d)"

# Crash safety.  A run adding c01..c04 to the tables of S1, killed at
# each point of the commit (the script kills itself: LEDE_TEST_KILL).
for p in staged marked renamed-1 renamed-all; do
	cp -r "$t/S1" "$t/k-$p"
	LEDE_TEST_KILL=$p "$a2c" -q --incremental -o "$t/k-$p" "$t/in" \
	    2>/dev/null
	check "cron: kill at $p: the run was killed" test $? -eq 137
	case $p in
	staged)
		check "cron: kill at $p (before the commit point): tables and manifest as before" \
		    samedir "$t/S1" "$t/k-$p" ;;
	*)
		check "cron: kill at $p (after the commit point): the marker stays" \
		    test -e "$t/k-$p/.commit" ;;
	esac
	"$a2c" -q --incremental -o "$t/k-$p" "$t/in" 2>"$t/err"
	check "cron: kill at $p: the next run succeeds" test $? -eq 0
	case $p in
	staged) check "cron: kill at $p: the next run discards the staging" \
		    sh -c '! grep -q "after its commit point" "$1"' sh "$t/err" ;;
	*) check "cron: kill at $p: the next run rolls the commit forward" \
		    grep -q 'after its commit point; finishing it' "$t/err" ;;
	esac
	check "cron: kill at $p: the next run gives the right tables" \
	    samedir "$t/S2" "$t/k-$p"
	check "cron: kill at $p: nothing left behind" \
	    test ! -e "$t/k-$p/.staging" -a ! -e "$t/k-$p/.commit"
done

# Killed mid-pipeline, with a slow stage so that the kill lands while the
# stages run: the script alone (its stages live on, holding the lock, and
# write only into .staging), and its whole process group.
mkdir "$t/slow"
for p in "$BIN"/*; do ln -s "$(cd "${p%/*}" && pwd)/${p##*/}" "$t/slow/"; done
rm "$t/slow/split-sentences"
printf '#!/bin/sh\nsleep 2\nexec "%s"\n' \
    "$(cd "$BIN" && pwd)/split-sentences" > "$t/slow/split-sentences"
chmod +x "$t/slow/split-sentences"
for how in script group; do
	d=$t/m-$how
	cp -r "$t/S1" "$d"
	LEDE_BIN=$t/slow setsid "$a2c" -q --incremental -j 2 -o "$d" "$t/in" \
	    2>/dev/null &
	pid=$!
	sleep 1
	if [ $how = script ]; then kill -9 $pid; else kill -9 -"$pid"; fi
	wait $pid 2>/dev/null
	check "cron: kill -9 ($how) mid-pipeline: the run was killed" \
	    test $? -eq 137
	check "cron: kill -9 ($how) mid-pipeline: tables and manifest as before" \
	    samedir "$t/S1" "$d"
	"$a2c" -q --wait --incremental -o "$d" "$t/in"
	check "cron: kill -9 ($how) mid-pipeline: the next run succeeds" \
	    test $? -eq 0
	check "cron: kill -9 ($how) mid-pipeline: the next run gives the right tables" \
	    samedir "$t/S2" "$d"
done

# A file touched, or copied over with the same bytes, is not processed
# again, but its new mtime is recorded.
touch -d '2020-01-01 00:00' "$t/in/b01_000_8a02e417104b49eb.txt"
"$a2c" -q --incremental -o "$t/ref" "$t/in"
check "cron: a touched file adds no rows" \
    same "$t/S2/documents.csv" "$t/ref/documents.csv"
check "cron: ... and its new mtime is recorded" \
    test "$(grep -c '/b01_000_8a02e417104b49eb.txt	' "$t/ref/manifest.tsv")" -eq 2

# stdin is always read and never recorded.
printf 'Title\n\nA line from stdin.\n' |
    "$a2c" -q --incremental -o "$t/ref" - 2>/dev/null
check "cron: stdin is processed" grep -q '^stdin,' "$t/ref/documents.csv"
check "cron: stdin is not in the manifest" \
    sh -c '! grep -q "^-	" "$1"' sh "$t/ref/manifest.tsv"

# The crontab example names options the script has.
check "cron: crontab.example runs articles-to-csv --incremental" \
    grep -q 'articles-to-csv .*--incremental' scripts/crontab.example
