# mkcorpus.awk: a benchmark corpus of varied news documents, for scripts/bench.
#
#   awk -v list=FILE -v dir=DIR -v bytes=N -v chunks=K -v seed=S -f mkcorpus.awk
#
# list names the source articles, one path per line.  Each article is cut
# into its first line (the headline or opening paragraph) and its blocks:
# paragraphs separated by blank lines when the article is hard-wrapped, else
# its lines.  Every document written takes the first line and layout of a
# random article, then as many blocks as it has, each either one of its own
# (in random order) or one from another article of the same layout, so no
# two documents are alike.  Documents go to DIR/c00 ... DIR/cK-1 (which
# must exist), bytes/K bytes per directory; one line per directory,
# "NAME BYTES FILES", is printed.  Run under LC_ALL=C so lengths are bytes.

function flush_article(    i, j, run, maxrun, blanksep, wrapped, seen, b)
{
	if (nl == 0)
		return
	for (i = 1; i <= nl && L[i] ~ /^[ \t\r]*$/; i++)
		;
	if (i > nl)
		return
	nt++
	Ttitle[nt] = L[i]
	run = maxrun = blanksep = seen = 0
	for (j = i + 1; j <= nl; j++) {
		if (L[j] ~ /^[ \t\r]*$/) {
			if (run > 0)
				seen = 1
			run = 0
		} else {
			if (seen)
				blanksep = 1
			if (++run > maxrun)
				maxrun = run
		}
	}
	wrapped = blanksep && maxrun >= 3
	Tstyle[nt] = wrapped ? "W" : "L"
	Tsep[nt] = blanksep ? "\n\n" : "\n"
	Tfirst[nt] = nb + 1
	b = ""
	for (j = i + 1; j <= nl + 1; j++) {
		if (j > nl || L[j] ~ /^[ \t\r]*$/) {
			if (b != "")
				add_block(b, Tstyle[nt])
			b = ""
		} else if (!wrapped) {
			add_block(L[j], "L")
		} else
			b = b == "" ? L[j] : b "\n" L[j]
	}
	Tn[nt] = nb - Tfirst[nt] + 1
	nl = 0
}

function add_block(s, style)
{
	B[++nb] = s
	pool[style, ++npool[style]] = nb
}

function pick(n)
{
	return int(rand() * n) + 1
}

BEGIN {
	while ((getline path < list) > 0) {
		nl = 0
		while ((getline line < path) > 0)
			L[++nl] = line
		close(path)
		flush_article()
	}
	if (nt == 0) {
		print "mkcorpus: no text in the source articles" > "/dev/stderr"
		exit 1
	}
	srand(seed)
	per = bytes / chunks
	c = 0; n = 0; size = 0; files = 0
	while (c < chunks) {
		t = pick(nt)
		doc = Ttitle[t]
		for (j = 1; j <= Tn[t]; j++) {
			if (rand() < 0.5)
				k = Tfirst[t] + pick(Tn[t]) - 1
			else
				k = pool[Tstyle[t], pick(npool[Tstyle[t]])]
			doc = doc Tsep[t] B[k]
		}
		doc = doc "\n"
		f = sprintf("%s/c%02d/%07d.txt", dir, c, ++n)
		printf "%s", doc > f
		close(f)
		size += length(doc)
		files++
		if (size >= per) {
			printf "c%02d %d %d\n", c, size, files
			c++; size = 0; files = 0
		}
	}
}
