/*
 * boiler.c: see boiler.h.  Rules with the same place (and the same NEEDS)
 * are joined into one pattern, (?:(?:rule)|(?:rule)...)\z, anchored and
 * JIT-compiled, so a paragraph is matched once per place, not once per
 * rule.  A rule with a NEEDS column is tried only on paragraphs holding
 * that text: a scan far cheaper than a pattern that must walk the whole
 * paragraph to fail.
 */
#include <err.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "boiler.h"
#include "lexicon.h"
#include "scan.h"
#include "util.h"

#include "lex_boilerplate.h"

#define MAXBOILER	400	/* longer paragraphs are never boilerplate */
/*
 * Work limits for one match (pcre2_set_match_limit, pcre2_set_depth_limit):
 * a rule written with nested repeats cannot make a paragraph cost more
 * than this; one that hits them is body, never dropped.  Real matches of
 * the rules on 400 bytes take a few thousand steps.
 */
#define MATCHLIMIT	100000
#define DEPTHLIMIT	1000
#define MAXGROUPS	16
#define MAXNEEDS	32	/* bytes of a NEEDS column */

enum where { W_ANY, W_HEAD, W_TAIL };

/* Boilerplate rules with the same place, joined into one pattern. */
struct group {
	enum where	 where;
	size_t		 window;	/* paragraphs from the start or end */
	char		 needs[MAXNEEDS];	/* lower case; "" for none */
	size_t		 needslen;
	size_t		 anchor;	/* see anchor() */
	struct buf	 pat;
	pcre2_code	*re;
	int		 jit;		/* JIT-compiled: see boiler_match() */
};


struct boiler {
	struct group	 group[MAXGROUPS];
	int		 ngroup;
	pcre2_match_data *md;
	pcre2_match_context *mc;
};

/*
 * The NEEDS column of l, in lower case, into needs: printable ASCII that
 * every match holds, compared without regard to ASCII case.  Not k or s:
 * a caseless rule matches the Kelvin sign and the long s for them.
 */
static size_t
get_needs(const struct lexline *l, char needs[MAXNEEDS])
{
	const char *t = l->ncol > 3 ? l->col[3] : "";
	size_t i, n = strlen(t);

	if (n >= MAXNEEDS)
		errx(EXIT_DATA, "boilerplate.tsv:%lu: NEEDS over %d bytes",
		    l->lineno, MAXNEEDS - 1);
	for (i = 0; i < n; i++) {
		if (t[i] < ' ' || t[i] > '~' || strchr("kKsS", t[i]) != NULL)
			errx(EXIT_DATA, "boilerplate.tsv:%lu: NEEDS: want "
			    "printable ASCII, no k or s", l->lineno);
		needs[i] = t[i] >= 'A' && t[i] <= 'Z' ? t[i] - 'A' + 'a' : t[i];
	}
	needs[n] = '\0';
	return n;
}

/* Whether s[0..k) is the lower-case ASCII t[0..k) in any case. */
static int
folds_to(const char *s, const char *t, size_t k)
{
	size_t i;
	char c;

	for (i = 0; i < k; i++) {
		c = s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i];
		if (c != t[i])
			return 0;
	}
	return 1;
}

/*
 * Where to look first in the NEEDS text t[0..k): at its rarest letter in
 * English (any other byte counts as rarer still), for fewer false alarms.
 */
static size_t
anchor(const char *t, size_t k)
{
	static const char common[] = "zqxjkvbpygfwmucldrhsnioate";
	const char *r;
	size_t i, best = 0, rank, bestrank = 0;

	for (i = 0; i < k; i++) {
		r = strchr(common, t[i]);
		rank = r != NULL && t[i] != '\0' ? sizeof(common) -
		    (size_t)(r - common) : sizeof(common) + 1;
		if (rank > bestrank)
			bestrank = rank, best = i;
	}
	return best;
}

/*
 * Whether s[0..n) holds g's lower-case NEEDS text in any ASCII case.  Eight
 * bytes at a time are looked at for its anchor byte (a letter in either
 * case: with bit 0x20 set; other bytes may alarm falsely).
 */
static int
holds(const struct group *g, const char *s, size_t n)
{
	const char *t = g->needs;
	const size_t k = g->needslen, a = g->anchor;
	const unsigned char c = (unsigned char)t[a];
	const uint64_t fold = c >= 'a' && c <= 'z' ? SCAN_ONES * 0x20 : 0;
	size_t i = a, stop;

	if (n < k)
		return 0;
	/* s[i] stands for t[a]; the text would start at i - a */
	while (i < n - k + a + 1) {
		while (n - i >= 8 && !scan_byte(scan_load(s + i) | fold, c))
			i += 8;
		for (stop = n - i > 8 ? i + 8 : n; i < stop &&
		    i < n - k + a + 1; i++)
			if (((unsigned char)s[i] | (unsigned char)fold) == c &&
			    folds_to(s + i - a, t, k))
				return 1;
	}
	return 0;
}

/* The group for WHERE (any, headN or tailN: N paragraphs) and NEEDS. */
static struct group *
group_for(struct boiler *d, const struct lexline *l)
{
	enum where w;
	size_t window = 0, needslen;
	const char *num;
	char *end, needs[MAXNEEDS];
	struct group *g;
	int i;

	if (strcmp(l->col[1], "any") == 0)
		w = W_ANY, num = NULL;
	else if (strncmp(l->col[1], "head", 4) == 0)
		w = W_HEAD, num = l->col[1] + 4;
	else if (strncmp(l->col[1], "tail", 4) == 0)
		w = W_TAIL, num = l->col[1] + 4;
	else
		errx(EXIT_DATA, "boilerplate.tsv:%lu: bad WHERE %s", l->lineno,
		    l->col[1]);
	if (num != NULL && ((window = strtoul(num, &end, 10)) == 0 ||
	    *end != '\0'))
		errx(EXIT_DATA, "boilerplate.tsv:%lu: want %.4sN, N > 0",
		    l->lineno, l->col[1]);
	needslen = get_needs(l, needs);
	for (i = 0; i < d->ngroup; i++)
		if (d->group[i].where == w && d->group[i].window == window &&
		    strcmp(d->group[i].needs, needs) == 0)
			return &d->group[i];
	if (d->ngroup == MAXGROUPS)
		errx(EXIT_DATA, "boilerplate.tsv:%lu: more than %d places",
		    l->lineno, MAXGROUPS);
	g = &d->group[d->ngroup++];
	g->where = w;
	g->window = window;
	memcpy(g->needs, needs, needslen + 1);
	g->needslen = needslen;
	g->anchor = anchor(needs, needslen);
	return g;
}

struct boiler *
boiler_compile(void)
{
	struct boiler *d = ecalloc(1, sizeof(*d));
	struct lexreader lr;
	struct lexline l;
	struct group *g;
	PCRE2_SIZE erroff;
	PCRE2_UCHAR msg[256];
	int i, errcode;

	lex_open(&lr, lex_boilerplate, "boilerplate.tsv");
	while (lex_next(&lr, &l)) {
		if (l.ncol != 3 && l.ncol != 4)
			errx(EXIT_DATA, "boilerplate.tsv:%lu: want 3 or 4 "
			    "columns", l.lineno);
		g = group_for(d, &l);
		buf_adds(&g->pat, g->pat.len ? "|(?:" : "(?:(?:");
		buf_adds(&g->pat, l.col[2]);
		buf_adds(&g->pat, ")");
	}
	for (i = 0; i < d->ngroup; i++) {
		g = &d->group[i];
		buf_adds(&g->pat, ")\\z");
		g->re = pcre2_compile((PCRE2_SPTR)g->pat.s, g->pat.len,
		    PCRE2_UTF | PCRE2_UCP | PCRE2_ANCHORED, &errcode, &erroff,
		    NULL);
		if (g->re == NULL) {
			pcre2_get_error_message(errcode, msg, sizeof(msg));
			errx(EXIT_DATA, "boilerplate.tsv: %s", (char *)msg);
		}
		g->jit = pcre2_jit_compile(g->re, PCRE2_JIT_COMPLETE) == 0;
		buf_free(&g->pat);
	}
	d->md = pcre2_match_data_create(16, NULL);
	if ((d->mc = pcre2_match_context_create(NULL)) == NULL)
		errx(EXIT_DATA, "out of memory");
	pcre2_set_match_limit(d->mc, MATCHLIMIT);
	pcre2_set_depth_limit(d->mc, DEPTHLIMIT);
	return d;
}

int
boiler_match(const struct boiler *d, const char *s, size_t len, size_t i,
    size_t first, size_t n)
{
	const struct group *g;
	int k, rc;

	if (len > MAXBOILER)
		return 0;
	for (k = 0; k < d->ngroup; k++) {
		g = &d->group[k];
		if (g->where == W_HEAD && (i >= first + g->window ||
		    n <= first + g->window))
			continue;
		if (g->where == W_TAIL && (i + g->window < n ||
		    n <= first + g->window))
			continue;
		if (g->needslen > 0 && !holds(g, s, len))
			continue;
		/*
		 * pcre2_jit_match() runs the same JIT code as pcre2_match()
		 * without its checks of the arguments (a few hundred
		 * instructions a call, most of the cost of a quick failure);
		 * the subject is valid UTF-8 (clean.h) and not checked either.
		 */
		if (g->jit)
			rc = pcre2_jit_match(g->re, (PCRE2_SPTR)s, len, 0,
			    PCRE2_NO_UTF_CHECK, d->md, d->mc);
		else
			rc = pcre2_match(g->re, (PCRE2_SPTR)s, len, 0,
			    PCRE2_NO_UTF_CHECK, d->md, d->mc);
		if (rc >= 0)
			return 1;
		/* other errors (match limit): treat as body, never drop */
	}
	return 0;
}

void
boiler_free(struct boiler *d)
{
	int i;

	if (d == NULL)
		return;
	for (i = 0; i < d->ngroup; i++)
		pcre2_code_free(d->group[i].re);
	pcre2_match_data_free(d->md);
	pcre2_match_context_free(d->mc);
	free(d);
}
