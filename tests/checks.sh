# tests/checks.sh: checks of the README's guarantees, sourced by
# tests/guarantees.sh, tests/properties.sh and tests/stress.sh (after
# tests/lib.sh).  Each prints what is wrong and returns 1, or returns 0.

# preserved RECORDS CSVCAT-ROWS: the non-space characters of each
# document's P records equal, in order, those of its rows of sentences.csv
# as tests/csvcat prints them (TAB, doc_id, sentence_id, paragraph_id, text).
preserved() {
	awk -F '\t' '
	function bare(s) {
		gsub(/\\\\/, "\001", s)
		gsub(/\\[tnr]/, "", s)
		gsub(/[ \t]/, "", s)
		return s
	}
	NR == FNR {
		if ($1 == "P") {
			if (!($2 in want))
				order[++n] = $2
			want[$2] = want[$2] bare($4)
		}
		next
	}
	{ got[$2] = got[$2] bare($5) }
	END {
		for (i = 1; i <= n; i++)
			if (want[order[i]] != got[order[i]]) {
				printf "%s: characters differ\n", order[i]
				bad = 1
			}
		for (k in got)
			if (!(k in want)) {
				printf "%s: sentences of no paragraph\n", k
				bad = 1
			}
		if (n == 0) {
			print "no paragraphs at all"
			bad = 1
		}
		exit bad
	}' "$1" "$2"
}

# offsets RECORDS: every E and N record's text is its sentence's text
# from code point start to end; at least one such record.
offsets() {
	awk -F '\t' '
	BEGIN { for (i = 128; i < 192; i++) cont[sprintf("%c", i)] = 1 }
	function unesc(s,   r, i, c) {
		if (index(s, "\\") == 0)
			return s
		r = ""
		for (i = 1; i <= length(s); i++) {
			c = substr(s, i, 1)
			if (c == "\\") {
				c = substr(s, ++i, 1)
				c = c == "t" ? "\t" : c == "n" ? "\n" : \
				    c == "r" ? "\r" : c
			}
			r = r c
		}
		return r
	}
	# code points a to b of s (0-based, b exclusive), or "\001" when
	# they are not all in s.  Mentions come in text order, so the walk
	# goes on from where the last one started (cur, at code point curcp).
	function cpsub(k, s, a, b,   i, cp, start, len) {
		len = length(s)
		if (k != curk || a < curcp) {
			curk = k
			cur = 1
			curcp = 0
		}
		cp = curcp
		for (i = cur; i <= len; i++) {
			if (substr(s, i, 1) in cont)
				continue
			if (cp == a)
				break
			cp++
		}
		if (cp != a || b < a)
			return "\001"
		cur = start = i
		curcp = cp
		for (; cp < b && i <= len; cp++)
			for (i++; i <= len && (substr(s, i, 1) in cont); i++)
				;
		if (cp != b)
			return "\001"
		return substr(s, start, i - start)
	}
	$1 == "S" { sent[$2 SUBSEP $3] = unesc($5); next }
	$1 != "E" && $1 != "N" { next }
	{
		n++
		k = $2 SUBSEP $3
		if (!(k in sent)) {
			printf "line %d: %s record of no sentence\n", NR, $1
			bad = 1
		} else if ((got = cpsub(k, sent[k], $4, $5)) != unesc($7)) {
			printf "line %d: %s %s %s-%s: \"%s\" is not \"%s\"\n", \
			    NR, $1, $2, $4, $5, got, $7
			bad = 1
		}
	}
	END {
		if (n == 0) {
			print "no E or N records at all"
			bad = 1
		}
		exit bad
	}' "$1"
}

# randbytes SEED COUNT MAXSIZE DIR: COUNT files of random bytes (a fixed
# generator, so the same every run), rich in what breaks decoders: high
# bytes, UTF-8 lead bytes without their tails, NUL, CR, BOM, controls.
randbytes() {
	mkdir -p "$4"
	awk -v seed="$1" -v count="$2" -v max="$3" -v dir="$4" '
	function rnd(n) {
		x = (x * 48271) % 2147483647
		return int(x / 2147483647 * n)
	}
	BEGIN {
		x = seed * 7919 + 1
		split("\357\273\277|\303|\342\200|\360\237\230|\r\n|\r|\0|" \
		    "\302\240|\342\200\250|\303\242\342\202\254\342\204\242|" \
		    "\033[1m|\t|\n\n|\310\377|\355\240\200|\364\220\200\200", \
		    odd, "|")
		for (f = 1; f <= count; f++) {
			name = sprintf("%s/blob-%03d", dir, f)
			size = rnd(max)
			for (i = 0; i < size; ) {
				r = rnd(10)
				if (r < 3)
					s = odd[rnd(16) + 1]
				else if (r < 6)
					s = sprintf("%c", rnd(256))
				else
					s = substr("The quick brown Fox, 12.5% of " \
					    "$3 million. Mr. Smith said", \
					    rnd(40) + 1, rnd(12) + 1)
				printf "%s", s > name
				i += length(s)
			}
			close(name)
		}
	}'
}
