#!/bin/sh
# tests/sentences-preserve.sh: split-sentences loses nothing but spaces.
# For every sample (through normalize) and every golden case of
# split-sentences, the non-space characters of each paragraph must equal
# those of its sentences, in order, and sentence ids must count 1, 2, ...
# within each document (from each D record or change of doc_id).
. tests/lib.sh

# compare RECORDS-IN RECORDS-OUT: prints what is wrong, exits 1 if anything.
compare() {
	awk -F '\t' '
	# The text of a field with escaped and Unicode white space removed.
	function bare(s) {
		gsub(/\\\\/, "\001", s)
		gsub(/\\[tnr]/, "", s)
		gsub(/[ \t]/, "", s)
		gsub(/\302\240/, "", s)
		gsub(/\342\200[\200-\212\257]/, "", s)
		gsub(/\342\201\237|\343\200\200/, "", s)
		return s
	}
	NR == FNR {
		if ($1 == "P") {
			key = $2 SUBSEP $3
			if (!(key in want))
				order[++n] = key
			want[key] = want[key] bare($4)
		} else if ($1 == "S")
			old[$0] = 1	# passed through, not written here
		next
	}
	$0 in old { next }
	# ids restart at each D record and whenever the doc_id changes
	$1 == "D" || ($1 == "S" && $2 != cur) { last[$2] = 0; cur = $2 }
	$1 == "S" {
		if ($3 != last[$2] + 1) {
			printf "%s: sentence id %s after %d\n", $2, $3, last[$2]
			bad = 1
		}
		last[$2] = $3
		got[$2 SUBSEP $4] = got[$2 SUBSEP $4] bare($5)
	}
	END {
		for (i = 1; i <= n; i++) {
			if (want[order[i]] == got[order[i]])
				continue
			split(order[i], k, SUBSEP)
			printf "%s paragraph %s: characters differ\n", k[1], k[2]
			bad = 1
		}
		exit bad
	}' "$1" "$2"
}

for f in samples/*.txt; do
	name=${f##*/}
	"$BIN/normalize" "$f" > "$t/in" && "$BIN/split-sentences" < "$t/in" > "$t/out"
	check "preserve: sample $name" compare "$t/in" "$t/out"
done
for f in tests/split-sentences/*.in; do
	[ -f "${f%.in}.rc" ] && continue	# error cases
	"$BIN/split-sentences" < "$f" > "$t/out"
	check "preserve: case ${f##*/}" compare "$f" "$t/out"
done

# Adversarial text: punctuation runs, lone marks, bullets, spaces.
printf 'D\tx\tx\t\nP\tx\t1\t%s\nP\tx\t2\t%s\nP\tx\t3\t%s\n' \
    '. . . ! ? ... .... •• • . a. b. (c) 1.) 2.) “.” ‘!’ ...?!' \
    'Mr. . Dr.. U.S.. e.g.. 1.2.3. x.Y.z. A. B. C. D. ([{}]) !!!' \
    '   spaced   out .   text   .   ' > "$t/adv.in"
"$BIN/split-sentences" < "$t/adv.in" > "$t/out"
check "preserve: adversarial punctuation" compare "$t/adv.in" "$t/out"

# Long tokens and long runs of would-be boundaries take linear time: each
# of these paragraphs (about 1 MB) is split in well under the limit.
awk 'BEGIN {
	printf "D\tx\tx\t\n"
	n = split("ab.Cd|ab.|a. |1. A |U.S. |x.11 |Q. A. |. ", pat, "|")
	for (i = 1; i <= n; i++) {
		s = pat[i]
		while (length(s) < 1000000)
			s = s s
		printf "P\tx\t%d\t%s\n", i, s
	}
}' > "$t/long.in"
if command -v timeout >/dev/null 2>&1; then
	timeout 30 "$BIN/split-sentences" < "$t/long.in" > "$t/out"
	check "preserve: pathological paragraphs in linear time" test $? -eq 0
fi
