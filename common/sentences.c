/* sentences.c: see sentences.h. */
#include <err.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lexicon.h"
#include "scan.h"
#include "sentences.h"
#include "textchar.h"
#include "utf8.h"
#include "util.h"

#include "lex_abbreviations.h"
#include "lex_sentence-words.h"

#define NONE		((size_t)-1)
#define MAXKEY		32	/* longer tokens are never abbreviations */
#define MAXTOK		256	/* tokens are looked at up to this length */
#define LISTREACH	1000	/* bytes searched for a list's next marker */

enum { W_STARTER = 1, W_CONTINUES, W_SPEECH };	/* sentence-words.tsv */
enum { C_STREET = 100 };		/* class of St. before resolving */

/* Built once, on the first call, and only read afterwards. */
static struct strmap *abbrevs;	/* "mr." -> class + 1 */
static struct strmap *words;	/* "The" -> role */

/* The paragraph being split. */
struct scan {
	const char	*s;
	size_t		 n;
	struct sentlist	*out;
	size_t		 start;		/* where the current sentence began */
	size_t		 alnum;		/* its first letter or digit, or NONE */
	size_t		 checked;	/* bytes looked at for alnum */
	int		 lform;		/* the inline list in progress */
	int		 lnext;		/* its next marker's value, 0: none */
	int		 fform;		/* the last failed search for a list: */
	int		 fval;		/* its marker and how far it looked */
	size_t		 fend;
};

/* The word after a candidate boundary. */
struct next {
	size_t	 at;		/* first byte after spaces and openers */
	size_t	 len;		/* length of its word (letters, apostrophes) */
	int	 kind;		/* N_LOWER, N_UPPER, N_DIGIT, N_OTHER, N_END */
};

enum { N_END, N_LOWER, N_UPPER, N_DIGIT, N_OTHER };

static void
load(void)
{
	struct lexreader lr;
	struct lexline l;
	static const char *const names[] = {
		"title", "end", "number", "never", "street"
	};
	static const int classes[] = {
		SENT_TITLE, SENT_END, SENT_NUMBER, SENT_NEVER, C_STREET
	};
	size_t i;
	int role;

	abbrevs = strmap_new();
	lex_open(&lr, lex_abbreviations, "abbreviations.tsv");
	while (lex_next(&lr, &l)) {
		for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
			if (l.ncol >= 2 && strcmp(l.col[1], names[i]) == 0)
				break;
		if (i == sizeof(names) / sizeof(names[0]) || l.len[0] > MAXKEY)
			errx(EXIT_DATA, "abbreviations.tsv:%lu: bad entry",
			    l.lineno);
		strmap_put(abbrevs, l.col[0], l.len[0],
		    (void *)(uintptr_t)(classes[i] + 1));
	}
	words = strmap_new();
	lex_open(&lr, lex_sentence_words, "sentence-words.tsv");
	while (lex_next(&lr, &l)) {
		role = l.ncol < 2 ? 0 : strcmp(l.col[1], "starter") == 0 ?
		    W_STARTER : strcmp(l.col[1], "continues") == 0 ?
		    W_CONTINUES : strcmp(l.col[1], "speech") == 0 ?
		    W_SPEECH : 0;
		if (role == 0)
			errx(EXIT_DATA, "sentence-words.tsv:%lu: bad entry",
			    l.lineno);
		strmap_put(words, l.col[0], l.len[0], (void *)(uintptr_t)role);
	}
}

/* ====== Characters ====== */

static int
isdig(int c)
{
	return c >= '0' && c <= '9';
}

static int
islow(int c)
{
	return c >= 'a' && c <= 'z';
}

static int
isup(int c)
{
	return c >= 'A' && c <= 'Z';
}

/* Full-width and ideographic stops: no space is needed after them. */
static int
isfullstop(uint32_t cp)
{
	return cp == 0x3002 || cp == 0xFF0E || cp == 0xFF01 || cp == 0xFF1F;
}

/* Double exclamation and question marks count as ? and !. */
static int
isqe(uint32_t cp)
{
	return cp == '?' || cp == '!' || cp == 0x203C || cp == 0x2047 ||
	    cp == 0x2048 || cp == 0x2049;
}

/* Bytes where sent_split() has something to decide. */
static int
hot(char ch)
{
	unsigned char c = (unsigned char)ch;

	return c >= 0x80 || c == '.' || c == '?' || c == '!' || c == '"';
}

/* Might one of the eight bytes in w be hot()? */
static uint64_t
hotword(uint64_t w)
{
	return scan_high(w) | scan_byte(w, '.') | scan_byte(w, '?') |
	    scan_byte(w, '!') | scan_byte(w, '"');
}

/* ====== Tokens ====== */

/*
 * Start and end of the white-space delimited token around s[i], looking at
 * most MAXTOK bytes away: a longer token (a URL, a run of junk) is cut
 * there, so that no position is looked at more than a bounded number of
 * times.  longtok() tells whether the token went on past the cut.
 */
static size_t
tokstart(const char *s, size_t i)
{
	size_t lim = i > MAXTOK ? i - MAXTOK : 0;

	while (i > lim && !tc_isspace((unsigned char)s[i - 1]))
		i--;
	return i;
}

static size_t
tokend(const char *s, size_t n, size_t i)
{
	size_t lim = n - i > MAXTOK ? i + MAXTOK : n;

	while (i < lim && !tc_isspace((unsigned char)s[i]))
		i++;
	return i;
}

static int
longtok(const char *s, size_t n, size_t t0, size_t t1)
{
	return (t0 > 0 && !tc_isspace((unsigned char)s[t0 - 1])) ||
	    (t1 < n && !tc_isspace((unsigned char)s[t1]));
}

static int
has(const char *s, size_t n, const char *what)
{
	size_t k = strlen(what), i;

	for (i = 0; i + k <= n; i++)
		if (memcmp(s + i, what, k) == 0)
			return 1;
	return 0;
}

static int
prefix(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p);

	return n >= k && strncasecmp(s, p, k) == 0;
}

/* A URL or an e-mail address: never split inside, never split before. */
static int
isurl(const char *s, size_t n)
{
	return has(s, n, "://") || prefix(s, n, "www.") ||
	    prefix(s, n, "pic.twitter.com/") ||
	    (memchr(s, '@', n) != NULL && memchr(s, '.', n) != NULL);
}

static int
isurlstart(const char *s, size_t n)
{
	return prefix(s, n, "http://") || prefix(s, n, "https://") ||
	    prefix(s, n, "www.") || prefix(s, n, "pic.twitter.com/");
}

/* Skip opening quotes and brackets (and dashes) at the start of a token. */
static size_t
skipopen(const char *s, size_t n, size_t i)
{
	size_t len;

	while (i < n && tc_isopener(tc_cpat(s, n, i, &len)))
		i += len;
	return i;
}

static int
lookup_abbrev(const char *tok, size_t len)
{
	char key[MAXKEY + 2];
	size_t i;

	if (len + 1 > MAXKEY)
		return 0;
	for (i = 0; i < len; i++)
		key[i] = isup((unsigned char)tok[i]) ? (char)(tok[i] - 'A' + 'a') :
		    tok[i];
	key[len] = '.';
	return (int)(uintptr_t)strmap_get(abbrevs, key, len + 1);
}

enum sent_class
sent_classify(const char *tok, size_t len, int prevcap)
{
	size_t i, seg, nseg = 0, upper = 0;
	int c;

	if (abbrevs == NULL)
		load();
	if (len == 0 || isurl(tok, len))
		return SENT_ORDINARY;
	if ((c = lookup_abbrev(tok, len)) != 0) {
		c--;
		if (c == C_STREET)
			c = prevcap ? SENT_END : SENT_TITLE;
		if (c == SENT_TITLE && !isup((unsigned char)tok[0]))
			c = SENT_END;
		return (enum sent_class)c;
	}
	/* Single letters, with periods between them: initials or acronyms. */
	for (i = 0, seg = 0; i <= len; i++) {
		if (i == len || tok[i] == '.') {
			if (seg != 1)
				return SENT_ORDINARY;
			nseg++;
			seg = 0;
			continue;
		}
		if (!isup((unsigned char)tok[i]) && !islow((unsigned char)tok[i]))
			return SENT_ORDINARY;
		upper += isup((unsigned char)tok[i]);
		seg++;
	}
	return upper == nseg ? SENT_INITIAL : SENT_END;
}

/* Look at the word after a candidate boundary at i (spaces, openers). */
static void
nextword(const char *s, size_t n, size_t i, struct next *w)
{
	size_t len, j;
	uint32_t cp;
	int lc;

	while (i < n) {
		cp = tc_cpat(s, n, i, &len);
		if (!tc_spaceat(s, n, i) && !tc_isopener(cp))
			break;
		i += len;
	}
	w->at = i;
	w->len = 0;
	if (i >= n) {
		w->kind = N_END;
		return;
	}
	cp = tc_cpat(s, n, i, &len);
	if (cp < 0x80 && isdig((int)cp)) {
		w->kind = N_DIGIT;
		return;
	}
	if ((lc = tc_case(cp)) == 0) {
		w->kind = tc_isletter(cp) ? N_UPPER : N_OTHER;
		return;
	}
	w->kind = lc > 0 ? N_UPPER : N_LOWER;
	for (j = i; j < n; j += len) {
		cp = tc_cpat(s, n, j, &len);
		if (tc_isletter(cp))
			continue;
		if ((cp == '\'' || cp == 0x2019) && j + len < n &&
		    tc_isletter(tc_cpat(s, n, j + len, &len)))
			continue;
		break;
	}
	w->len = j - i;
	/* "iPhone", "eBay", "mRNA" start sentences like capitalised words */
	if (w->kind == N_LOWER && w->len >= 3 && (isup((unsigned char)s[i + 1]) ||
	    isup((unsigned char)s[i + 2])))
		w->kind = N_UPPER;
}

/* The role of a capitalised word in sentence-words.tsv (’ read as '). */
static int
wordrole(const char *s, size_t len)
{
	char key[MAXKEY];
	size_t i, k;
	void *v;

	if (len == 0 || len > MAXKEY)
		return 0;
	for (i = k = 0; i < len; i++) {
		if (i + 2 < len && memcmp(s + i, "\xe2\x80\x99", 3) == 0) {
			key[k++] = '\'';
			i += 2;
		} else
			key[k++] = s[i];
	}
	if ((v = strmap_get(words, key, k)) != NULL)
		return (int)(uintptr_t)v;
	for (i = 0; i < k; i++)		/* "Treasury's": try "Treasury" */
		if (key[i] == '\'')
			return (v = strmap_get(words, key, i)) != NULL ?
			    (int)(uintptr_t)v : 0;
	return 0;
}

static int
allcaps(const char *s, size_t len)
{
	size_t i;

	if (len < 2)
		return 0;
	for (i = 0; i < len; i++)
		if (!isup((unsigned char)s[i]))
			return 0;
	return 1;
}

/*
 * After a quotation ending in ? or !: is the capitalised word at w the
 * start of its attribution, one to three capitalised words and a verb of
 * saying ("Why?" Joe Biden asked)?
 */
static int
attribution(const char *s, size_t n, const struct next *w)
{
	struct next v = *w;
	size_t p;
	int k;

	for (k = 0; k < 3 && v.kind == N_UPPER && v.len > 0; k++) {
		p = v.at + v.len;
		if (p >= n || s[p] != ' ')
			return 0;
		nextword(s, n, p, &v);
		if (v.kind == N_LOWER)
			return wordrole(s + v.at, v.len) == W_SPEECH;
	}
	return 0;
}

/* ====== Inline lists: "1) ... 2) ...", "a. ... b. ..." ====== */

enum {
	L_PAREN = 1,		/* (a) */
	L_CLOSE = 2,		/* a) */
	L_DOTCLOSE = 3,		/* a.) */
	L_DOT = 4,		/* a. */
	L_DIGIT = 0x10, L_LOWER = 0x20, L_UPPER = 0x30
};

/*
 * A list marker at s[p] (the start of a token): returns its form and
 * stores its value, or returns 0.  "N." counts only before a capitalised
 * word (else it is a number ending a phrase: "for 1. above"), "x." only
 * for a lower-case letter (else it is an initial).
 */
static int
marker(const char *s, size_t n, size_t p, int *val)
{
	int form = 0, kind;
	size_t q = p;
	struct next w;

	if (q < n && s[q] == '(') {
		form = L_PAREN;
		q++;
	}
	if (q < n && isdig((unsigned char)s[q])) {
		*val = s[q++] - '0';
		if (q < n && isdig((unsigned char)s[q]))
			*val = *val * 10 + s[q++] - '0';
		kind = L_DIGIT;
	} else if (q < n && (islow((unsigned char)s[q]) ||
	    isup((unsigned char)s[q]))) {
		kind = islow((unsigned char)s[q]) ? L_LOWER : L_UPPER;
		*val = (s[q] | 0x20) - 'a' + 1;
		q++;
	} else
		return 0;
	if (form == L_PAREN) {
		if (q >= n || s[q++] != ')')
			return 0;
	} else if (q < n && s[q] == ')') {
		form = L_CLOSE;
		q++;
	} else if (q + 1 < n && s[q] == '.' && s[q + 1] == ')') {
		form = L_DOTCLOSE;
		q += 2;
	} else if (q < n && s[q] == '.') {
		form = L_DOT;
		q++;
	} else
		return 0;
	if (q >= n || s[q] != ' ')
		return 0;
	if (form == L_DOT) {
		if (kind == L_UPPER)
			return 0;
		nextword(s, n, q, &w);
		if (kind == L_DIGIT && w.kind != N_UPPER)
			return 0;
	}
	return form | kind;
}

/* A token start: the paragraph's start, after white space or a bullet. */
static int
atstart(const char *s, size_t p)
{
	return p == 0 || tc_isspace((unsigned char)s[p - 1]) ||
	    (p >= 3 && tc_isbullet(((uint32_t)(s[p - 3] & 0x0f) << 12) |
	    ((uint32_t)(s[p - 2] & 0x3f) << 6) | (uint32_t)(s[p - 1] & 0x3f)) &&
	    ((unsigned char)s[p - 3] & 0xf0) == 0xe0);
}

/*
 * Does an inline list start at p: a marker followed, within reach, by the
 * marker of the next value in the same form?  If so, remember the list.
 */
static int
liststart(struct scan *sc, size_t p)
{
	int form, val, f2, v2;
	size_t q, lim;

	if ((form = marker(sc->s, sc->n, p, &val)) == 0)
		return 0;
	lim = sc->n - p > LISTREACH ? p + LISTREACH : sc->n;
	q = p + 1;
	if (form == sc->fform && val == sc->fval && sc->fend > q)
		q = sc->fend;	/* searched already, in vain */
	sc->fform = form;
	sc->fval = val;
	sc->fend = lim;
	for (; q < lim; q++) {
		if (!atstart(sc->s, q) || tc_isspace((unsigned char)sc->s[q]))
			continue;
		if ((f2 = marker(sc->s, sc->n, q, &v2)) == form &&
		    v2 == val + 1) {
			sc->lform = form;
			sc->lnext = val + 1;
			sc->fform = 0;
			return 1;
		}
	}
	return 0;
}

/* ====== Cutting ====== */

/* A sentence that is only a list marker ("1.", "a)", "• 9.", "Q."). */
static int
markeronly(const char *s, size_t a, size_t e)
{
	size_t len, n = 0;
	int punct = 0;

	if (e - a > 16)
		return 0;
	if (tc_isbullet(tc_cpat(s, e, a, &len))) {
		a += len;
		while (a < e && tc_isspace((unsigned char)s[a]))
			a++;
	}
	if (a < e && s[a] == '(')
		a++;
	while (a < e && (isdig((unsigned char)s[a]) ||
	    isup((unsigned char)s[a]) || islow((unsigned char)s[a]))) {
		if (!isdig((unsigned char)s[a]) && !strchr("ivxlcIVXLC", s[a]) &&
		    n > 0)
			return 0;
		a++;
		n++;
	}
	if (n == 0 || n > 4)
		return 0;
	while (a < e && (s[a] == '.' || s[a] == ')')) {
		a++;
		punct = 1;
	}
	return a == e && punct;
}

/* Does the current sentence hold a letter or digit before e? */
static int
hasalnum(struct scan *sc, size_t e)
{
	size_t i, len;

	if (sc->alnum != NONE)
		return sc->alnum < e;
	for (i = sc->checked > sc->start ? sc->checked : sc->start; i < e;
	    i += len)
		if (tc_isalnum(tc_cpat(sc->s, sc->n, i, &len))) {
			sc->alnum = i;
			return 1;
		}
	sc->checked = e;
	return 0;
}

static void
push(struct sentlist *out, size_t a, size_t e)
{
	if (out->n == out->cap) {
		out->cap = out->cap ? out->cap * 2 : 16;
		out->v = erealloc(out->v, out->cap * sizeof(*out->v));
	}
	out->v[out->n].start = a;
	out->v[out->n].end = e;
	out->n++;
}

/*
 * End the current sentence at b, unless it would hold no letter or digit
 * or only a list marker.  Returns 1 if it was cut.
 */
static int
cut(struct scan *sc, size_t b)
{
	size_t a = sc->start, e = b, k;

	while ((k = tc_spaceat(sc->s, e, a)) != 0)
		a += k;
	while (e > a && (k = tc_spacebefore(sc->s, a, e)) != 0)
		e -= k;
	if (a == e || !hasalnum(sc, e) || markeronly(sc->s, a, e))
		return 0;
	push(sc->out, a, e);
	sc->start = b;
	sc->alnum = NONE;
	sc->checked = b;
	if (sc->lnext == 0) {
		while (b < sc->n && tc_isspace((unsigned char)sc->s[b]))
			b++;
		liststart(sc, b);
	}
	return 1;
}

/* ====== Candidate boundaries ====== */

/* Kinds of final punctuation. */
enum { T_PERIOD, T_QE, T_ELLIPSIS, T_ELLIPSIS4, T_FULL };

/*
 * After "word.", with no space: footnote numbers ("consultation.11 12
 * Take") end the sentence after them; returns where, or NONE.
 */
static size_t
footnote(const char *s, size_t n, size_t i, size_t j)
{
	size_t e, k, t0 = tokstart(s, i);
	struct next w;
	unsigned char b = i > 0 ? (unsigned char)s[i - 1] : 0;

	if (!(isup(b) || islow(b) || b == ')' || b == ']' || b == '"') ||
	    longtok(s, n, t0, tokend(s, n, i)) ||
	    isurl(s + t0, tokend(s, n, i) - t0) ||
	    (b != ')' && b != ']' && b != '"' &&
	    lookup_abbrev(s + skipopen(s, i, t0), i - skipopen(s, i, t0))))
		return NONE;
	for (e = j; e < n && e - j < 4 && isdig((unsigned char)s[e]); e++)
		;
	if (e - j > 3 || (e < n && s[e] != ' '))
		return NONE;
	for (;;) {		/* more footnote numbers: " 12" */
		for (k = e + 1; k < n && k - e <= 4 &&
		    isdig((unsigned char)s[k]); k++)
			;
		if (e < n && k > e + 1 && k - e <= 4 && (k == n || s[k] == ' '))
			e = k;
		else
			break;
	}
	nextword(s, n, e, &w);
	return w.kind == N_UPPER || w.kind == N_END ? e : NONE;
}

/*
 * "world.Today": a period with no space before a capitalised word ends a
 * sentence when the word before is an ordinary word or a number and the
 * token is not a URL, an e-mail address or a domain ("testurl.Awesome.com").
 */
static int
nospace(const char *s, size_t n, size_t i)
{
	size_t t0 = tokstart(s, i), t1, j = i + 1;
	unsigned char b;

	if (i < 2 || j + 1 >= n || !isup((unsigned char)s[j]) ||
	    !islow((unsigned char)s[j + 1]))
		return 0;
	j++;
	b = (unsigned char)s[i - 1];
	t1 = tokend(s, n, i);
	if (i - t0 < 2 || !(islow(b) || isdig(b)) || longtok(s, n, t0, t1) ||
	    isurl(s + t0, t1 - t0) || memchr(s + t0, '.', i - t0) != NULL ||
	    lookup_abbrev(s + t0, i - t0))
		return 0;
	while (j < n && islow((unsigned char)s[j]))
		j++;
	if (j == n)
		return 1;
	return s[j] != '/' && s[j] != '@' && !(s[j] == '.' && j + 1 < n &&
	    !tc_isspace((unsigned char)s[j + 1]));
}

/* Decide at a period after an ordinary word or an abbreviation. */
static int
period_ends(struct scan *sc, size_t i, const struct next *w)
{
	const char *s = sc->s;
	size_t t0 = tokstart(s, i), p0, p;
	int prevcap = 0, role;
	enum sent_class c;

	if (t0 < sc->start)	/* "Tuesday.Mr.": a sentence began inside */
		t0 = sc->start;
	p = skipopen(s, i, t0);
	if (t0 > 0) {		/* the word before the token */
		for (p0 = t0; p0 > 0 && tc_isspace((unsigned char)s[p0 - 1]); p0--)
			;
		p0 = skipopen(s, p0, tokstart(s, p0));
		prevcap = p0 < t0 && (isup((unsigned char)s[p0]) ||
		    isdig((unsigned char)s[p0]));	/* Main St., 5th St. */
	}
	c = sent_classify(s + p, i - p, prevcap);
	if (w->kind == N_END)
		return 1;
	switch (c) {
	case SENT_NEVER:
	case SENT_TITLE:
		return 0;
	case SENT_NUMBER:
		return w->kind == N_UPPER || w->kind == N_OTHER;
	case SENT_INITIAL:
		if (w->kind != N_UPPER || wordrole(s + w->at, w->len) !=
		    W_STARTER)
			return 0;
		/* "J. A. Smith": another initial follows */
		return !(w->len == 1 && w->at + 1 < sc->n &&
		    s[w->at + 1] == '.');
	case SENT_END:
		if (w->kind == N_LOWER || w->kind == N_DIGIT)
			return 0;
		if (w->kind == N_OTHER)
			return 1;
		role = wordrole(s + w->at, w->len);
		if (role == W_STARTER)
			return 1;
		return role != W_CONTINUES && !allcaps(s + w->at, w->len);
	default:
		return w->kind != N_LOWER;
	}
}

/*
 * Final punctuation starts at s[i].  Returns the boundary it makes (the
 * end of the sentence, after closing quotes and brackets) or NONE, and
 * stores in *resume where the scan goes on.
 */
static size_t
terminal(struct scan *sc, size_t i, size_t *resume)
{
	const char *s = sc->s;
	size_t n = sc->n, j = i, k, len, b;
	int dots = 0, qe = 0, ell = 0, full = 0, spaced = 0, kind;
	uint32_t cp;
	struct next w;

	for (;;) {		/* the run of final punctuation */
		cp = tc_cpat(s, n, j, &len);
		if (cp == '.')
			dots++;
		else if (isqe(cp))
			qe++;
		else if (cp == 0x2026)
			ell++;
		else if (isfullstop(cp))
			full++;
		else if (cp == ' ' && dots > 0 && j + 1 < n && s[j + 1] == '.' &&
		    (spaced || (j + 3 < n && s[j + 2] == ' ' && s[j + 3] == '.')))
			spaced = 1;	/* ". . ." */
		else
			break;
		j += len;
	}
	*resume = j;
	if (full && !qe && !dots)
		kind = T_FULL;
	else if (qe)
		kind = T_QE;
	else if (ell || dots >= 2)
		kind = dots + 3 * ell >= 4 ? T_ELLIPSIS4 : T_ELLIPSIS;
	else
		kind = T_PERIOD;
	/* "[...]" and "(...)" mark an omission, never an end. */
	if ((kind == T_ELLIPSIS || kind == T_ELLIPSIS4) && i > 0 &&
	    (s[i - 1] == '[' || s[i - 1] == '('))
		return NONE;

	for (k = j; k < n; k += len) {	/* closing quotes and brackets */
		cp = tc_cpat(s, n, k, &len);
		if (cp == '[' && kind != T_ELLIPSIS) {	/* citation: [7] */
			for (b = k + 1; b < n && b - k < 12 &&
			    (isdig((unsigned char)s[b]) || s[b] == ',' ||
			    s[b] == '-' || (unsigned char)s[b] >= 0x80); b++)
				;
			if (b < n && b > k + 1 && s[b] == ']') {
				len = b + 1 - k;
				continue;
			}
		}
		if (!tc_iscloser(cp))
			break;
		/* an apostrophe starting a word ("Jr.'s") is no closer */
		if (cp == '\'' && k + 1 < n && tc_isletter(tc_cpat(s, n, k + 1, &b)))
			break;
	}
	if (k < n && !tc_spaceat(s, n, k)) {
		if (kind == T_FULL) {
			nextword(s, n, k, &w);
			return w.kind == N_LOWER ? NONE : k;
		}
		if (kind != T_PERIOD || k != j)
			return NONE;
		if (isdig((unsigned char)s[k]))
			return (b = footnote(s, n, i, k)) != NONE ?
			    (*resume = b) : NONE;
		return nospace(s, n, i) ? k : NONE;
	}
	nextword(s, n, k, &w);
	if (w.kind == N_END)
		return k;
	for (b = k; (len = tc_spaceat(s, n, b)) != 0; b += len)
		;
	if (isurlstart(s + b, tokend(s, n, b) - b))
		return NONE;	/* a URL after the final period stays */
	if (sc->lnext == 0 && liststart(sc, b))
		return k;
	switch (kind) {
	case T_QE:
		if (w.kind == N_UPPER && k > j && attribution(s, n, &w))
			return NONE;
		return w.kind == N_LOWER ? NONE : k;
	case T_FULL:
		return w.kind == N_LOWER ? NONE : k;
	case T_ELLIPSIS:
		/* after "...", "I" is as likely to go on as to start */
		return w.kind == N_UPPER && !(w.len == 1 && s[w.at] == 'I') ?
		    k : NONE;
	case T_ELLIPSIS4:
		if (w.kind != N_UPPER)
			return NONE;
		/* "compounds. . . . The": the period ends, the ellipsis opens */
		if (spaced && i > 0 && !tc_isspace((unsigned char)s[i - 1])) {
			tc_cpat(s, n, i, &len);	/* a full-width stop too */
			return *resume = i + len;
		}
		return k;
	default:
		return period_ends(sc, i, &w) ? k : NONE;
	}
}

/*
 * A quotation broken off with a dash ("to--" At this moment) ends its
 * sentence when a likely sentence starter follows.  The closing quote is
 * at s[i]; returns the boundary after it, or NONE.
 */
static size_t
interrupted(const char *s, size_t n, size_t i)
{
	size_t len;
	struct next w;

	if (!((i >= 2 && s[i - 1] == '-' && s[i - 2] == '-') ||
	    (i >= 3 && memcmp(s + i - 3, "\xe2\x80\x94", 3) == 0)))
		return NONE;
	tc_cpat(s, n, i, &len);
	if (i + len >= n || s[i + len] != ' ')
		return NONE;
	nextword(s, n, i + len, &w);
	return w.kind == N_UPPER && wordrole(s + w.at, w.len) == W_STARTER ?
	    i + len : NONE;
}

/*
 * A headline: a short line in title case with no final punctuation
 * ("Zelensky Says 'We Are Alone.' NATO Responds") is one sentence.
 */
static int
headline(const char *s, size_t n)
{
	size_t i, e, len, words = 0, caps = 0;
	uint32_t cp;

	for (e = n; e > 0 && (len = tc_spacebefore(s, 0, e)) != 0; e -= len)
		;
	if (e == 0 || e > 200)
		return 0;
	for (i = e - 1; i > 0 && !UTF8_POINT(s[i]); i--)
		;
	cp = tc_cpat(s, e, i, &len);
	if (cp == '.' || isqe(cp) || cp == 0x2026 || isfullstop(cp) ||
	    tc_iscloser(cp))
		return 0;
	for (i = 0; i < e; i = tokend(s, e, i) + 1) {
		i = skipopen(s, e, i);
		if (tokend(s, e, i) - i < 4)
			continue;
		words++;
		cp = tc_cpat(s, e, i, &len);
		caps += tc_case(cp) > 0 || (cp < 0x80 && isdig((int)cp));
	}
	return words >= 3 && caps * 4 >= words * 3;
}

void
sent_split(const char *s, size_t n, struct sentlist *out)
{
	struct scan sc;
	size_t i, len, b, resume;
	unsigned char c;
	uint32_t cp;
	int val;

	if (abbrevs == NULL)
		load();
	out->n = 0;
	memset(&sc, 0, sizeof(sc));
	sc.s = s;
	sc.n = n;
	sc.out = out;
	sc.alnum = NONE;
	for (i = 0; i < n && tc_isspace((unsigned char)s[i]); i++)
		;
	if (headline(s, n))
		i = n;
	else
		liststart(&sc, i);
	while (i < n) {
		if (sc.lnext == 0) {	/* skip plain ASCII fast */
			while (i + 8 <= n && !hotword(scan_load(s + i)))
				i += 8;
			while (i < n && !hot(s[i]))
				i++;
			if (i == n)
				break;
		}
		c = (unsigned char)s[i];
		if (sc.lnext != 0 && atstart(s, i) &&
		    marker(s, n, i, &val) == sc.lform && val == sc.lnext) {
			sc.lnext++;
			cut(&sc, i);
		}
		if (c == '"' || c == 0xe2) {
			cp = tc_cpat(s, n, i, &len);
			if ((cp == '"' || cp == 0x201D) &&
			    (b = interrupted(s, n, i)) != NONE) {
				cut(&sc, b);
				i = b;
				continue;
			}
		}
		if (c == '.' || c == '?' || c == '!' || c >= 0x80) {
			cp = tc_cpat(s, n, i, &len);
			if (cp == '.' || isqe(cp) || cp == 0x2026 ||
			    isfullstop(cp)) {
				if ((b = terminal(&sc, i, &resume)) != NONE)
					cut(&sc, b);
				i = resume > i ? resume : i + len;
				continue;
			}
			if (tc_isbullet(cp))
				cut(&sc, i);
			i += len;
			continue;
		}
		i++;
	}
	b = sc.start;
	while ((len = tc_spaceat(s, n, b)) != 0)
		b += len;
	while (n > b && (len = tc_spacebefore(s, b, n)) != 0)
		n -= len;
	if (b < n)
		push(out, b, n);
}

void
sent_free(struct sentlist *out)
{
	free(out->v);
	memset(out, 0, sizeof(*out));
}
