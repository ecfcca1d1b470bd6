/*
 * boiler.c: see boiler.h.  Rules with the same place are joined into one
 * pattern, (?:(?:rule)|(?:rule)...)\z, anchored and JIT-compiled, so a
 * paragraph is matched once per place, not once per rule.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "boiler.h"
#include "lexicon.h"
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

enum where { W_ANY, W_HEAD, W_TAIL };

/* Boilerplate rules with the same place, joined into one pattern. */
struct group {
	enum where	 where;
	size_t		 window;	/* paragraphs from the start or end */
	struct buf	 pat;
	pcre2_code	*re;
};


struct boiler {
	struct group	 group[MAXGROUPS];
	int		 ngroup;
	pcre2_match_data *md;
	pcre2_match_context *mc;
};

/* The group for a WHERE column: any, headN or tailN (N paragraphs). */
static struct group *
group_for(struct boiler *d, const struct lexline *l)
{
	enum where w;
	size_t window = 0;
	const char *num;
	char *end;
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
	for (i = 0; i < d->ngroup; i++)
		if (d->group[i].where == w && d->group[i].window == window)
			return &d->group[i];
	if (d->ngroup == MAXGROUPS)
		errx(EXIT_DATA, "boilerplate.tsv:%lu: more than %d places",
		    l->lineno, MAXGROUPS);
	d->group[d->ngroup].where = w;
	d->group[d->ngroup].window = window;
	return &d->group[d->ngroup++];
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
		if (l.ncol != 3)
			errx(EXIT_DATA, "boilerplate.tsv:%lu: want 3 columns",
			    l.lineno);
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
		pcre2_jit_compile(g->re, PCRE2_JIT_COMPLETE);
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
