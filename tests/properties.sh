#!/bin/sh
# tests/properties.sh: the README's guarantees on random documents made
# from the samples: their sentences shuffled, odd bytes injected (NUL,
# CR, BOM, lone UTF-8 lead bytes, mojibake, controls, exotic spaces),
# random line breaks and hard wrapping, then random damage to the record
# stream.  The generator is seeded (PROP_SEED, default 1), so every run
# makes the same documents; PROP_DOCS sets how many (default 60).
. tests/lib.sh
. tests/checks.sh
: "${PROP_SEED:=1}" "${PROP_DOCS:=60}"

"$BIN/normalize" samples | "$BIN/split-sentences" | grep '^S	' | cut -f5 |
    sed 's/\\\\/\\/g' > "$t/pool"
mkdir "$t/docs"
awk -v seed="$PROP_SEED" -v ndocs="$PROP_DOCS" -v dir="$t/docs" '
function rnd(n) {
	x = (x * 48271) % 2147483647
	return int(x / 2147483647 * n)
}
# s with an odd byte sequence put at a random place now and then
function spoil(s,   k) {
	if (rnd(4) != 0)
		return s
	k = rnd(length(s) + 1)
	return substr(s, 1, k) odd[rnd(nodd) + 1] substr(s, k + 1)
}
# s broken into lines of about w columns (hard wrapping)
function wrap(s, w,   out, line, n, i, words) {
	n = split(s, words, " ")
	out = line = ""
	for (i = 1; i <= n; i++) {
		if (length(line) + length(words[i]) > w && line != "") {
			out = out line "\n"
			line = ""
		}
		line = line (line == "" ? "" : " ") words[i]
	}
	return out line
}
{ pool[++npool] = $0 }
END {
	x = seed * 7919 + 17
	nodd = split("\0|\r|\r\n|\357\273\277|\303|\342\200|\360\237|\302\240|" \
	    "\342\200\213|\302\255|\001|\033|\177|\303\242\342\202\254\342\204\242|" \
	    "\303\251|\226|\223|\224|\205|\t|  |\342\200\250|\310\377|\355\240\200|" \
	    "\047\047|\\|\342\200\234", odd, "|")
	for (d = 1; d <= ndocs; d++) {
		name = sprintf("%s/doc-%03d.txt", dir, d)
		text = ""
		if (rnd(3) == 0)
			text = "Headline number " d " about Kyiv\n\n"
		n = rnd(15) + 1
		para = ""
		for (i = 0; i < n; i++) {
			para = para (para == "" ? "" : " ") spoil(pool[rnd(npool) + 1])
			r = rnd(6)
			if (r == 0 || i == n - 1) {
				text = text (rnd(3) == 0 ? wrap(para, 60 + rnd(20)) : para)
				text = text (rnd(2) ? "\n\n" : rnd(2) ? "\n" : "\r\n")
				para = ""
			}
		}
		printf "%s", text > name
		close(name)
	}
}' "$t/pool"
ndocs=$(ls "$t/docs" | wc -l)
check "properties: $ndocs documents made" test "$ndocs" -eq "$PROP_DOCS"

# Guarantee 4: exit 0 and valid UTF-8, whatever was injected.
"$BIN/normalize" "$t/docs" > "$t/rec"
check "properties: normalize exits 0" test $? -eq 0
check "properties: normalize writes valid UTF-8" \
    iconv -f UTF-8 -t UTF-8 -o /dev/null "$t/rec"

# Guarantee 1: one row per document, in order.
"$BIN/split-sentences" < "$t/rec" > "$t/s"
cp "$t/s" "$t/full"
for p in tag-entities extract-numbers; do
	[ -x "$BIN/$p" ] && "$BIN/$p" < "$t/full" > "$t/x" && mv "$t/x" "$t/full"
done
"$BIN/to-csv" --dir "$t/out" < "$t/full"
check "properties: to-csv exits 0" test $? -eq 0
ls "$t/docs" | sed 's/\.txt$//' > "$t/ids.want"
"$TESTBIN/csvcat" < "$t/out/documents.csv" | sed 1d | cut -f2 > "$t/ids.got"
check "properties: guarantee 1: one documents.csv row per document" \
    same "$t/ids.want" "$t/ids.got"

# Guarantee 2: nothing lost.  From the raw bytes to the paragraphs (with
# --keep-boilerplate, so that nothing is dropped by rule) the ASCII
# letters and digits stay, in order; from the paragraphs to sentences.csv
# every non-space character does.  (No combining marks are injected: NFC
# rightly merges "o" and U+0301 into one letter.)
"$BIN/normalize" --keep-boilerplate "$t/docs" > "$t/keep"
for f in "$t"/docs/*; do
	id=${f##*/}
	id=${id%.txt}
	tr -cd 'A-Za-z0-9' < "$f" > "$t/a"
	grep "^P	$id	" "$t/keep" | cut -f4 | sed 's/\\\\/_/g; s/\\[tnr]//g' |
	    tr -cd 'A-Za-z0-9' > "$t/b"
	cmp -s "$t/a" "$t/b" || echo "$id" >> "$t/lost"
done
check "properties: guarantee 2: raw letters and digits all reach the paragraphs" \
    test ! -s "$t/lost"
"$TESTBIN/csvcat" < "$t/out/sentences.csv" | sed 1d > "$t/sent"
check "properties: guarantee 2: paragraphs to sentences.csv lose nothing" \
    preserved "$t/rec" "$t/sent"

# Guarantee 3: mention text is the substring at its offsets.
check "properties: guarantee 3: E and N text at their offsets" \
    offsets "$t/full"

# Guarantee 5: random damage to the stream.  Each filter either accepts
# the line (the damage left it a record) or exits 1 naming that line.
awk -v seed="$PROP_SEED" -v dir="$t" '
function rnd(n) {
	x = (x * 48271) % 2147483647
	return int(x / 2147483647 * n)
}
{ line[++n] = $0 }
END {
	x = seed * 104729 + 3
	split("\\|\t|\377|\0|\303|x|\\q|\r", ins, "|")
	for (v = 1; v <= 40; v++) {
		k = rnd(n) + 1
		s = line[k]
		m = rnd(5)
		p = rnd(length(s) + 1)
		if (m == 0)
			s = substr(s, 1, p)			# cut short
		else if (m == 1)
			s = substr(s, 1, p) ins[rnd(8) + 1] substr(s, p + 1)
		else if (m == 2)
			sub(/\t[^\t]*$/, "", s)			# last field gone
		else if (m == 3)
			s = tolower(substr(s, 1, 1)) substr(s, 2)	# type
		else
			gsub(/[0-9]/, "-", s)			# ids not numbers
		name = sprintf("%s/bad-%02d", dir, v)
		for (i = 1; i <= n; i++)
			print (i == k ? s : line[i]) > name
		close(name)
		print k > (name ".line")
		close(name ".line")
	}
}' "$t/full"
for p in split-sentences tag-entities extract-numbers to-csv; do
	[ -x "$BIN/$p" ] || continue
	args=
	[ "$p" = to-csv ] && args="--table sentences"
	bad=
	for f in "$t"/bad-??; do
		timeout 10 "$BIN/$p" $args < "$f" > /dev/null 2> "$t/err"
		rc=$?
		[ $rc -eq 0 ] && [ ! -s "$t/err" ] && continue
		[ $rc -eq 1 ] && grep -q "^$p: stdin:$(cat "$f.line"): " "$t/err" &&
		    continue
		bad="$bad ${f##*/} (exit $rc: $(head -c 100 "$t/err"))"
	done
	check "properties: guarantee 5: $p: 40 damaged streams, exit 0 or 1 naming the line" \
	    test -z "$bad" || echo "	$bad"
done
