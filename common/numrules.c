/*
 * numrules.c: the rules of the number finder (see numbers.h and
 * extract-numbers(1)): what follows a numeral (fractions, percentages,
 * currencies, units, hyphen compounds, years), codes that are not
 * numbers, and the sentence loop.  numfind.c reads the numerals these
 * rules start from; nummoney.c, numwords.c and numdate.c hold the
 * rules that start at a currency, a word or a date.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numint.h"

static const char *kindnames[] = { "cardinal", "ordinal", "fraction",
    "percent", "money", "quantity", "duration", "date", "year" };
static const char *qualnames[] = { "exact", "approx", "over", "at_least",
    "under", "at_most" };

const char *
num_kindname(enum numkind k)
{
	return kindnames[k];
}

const char *
num_qualname(enum numqual q)
{
	return qualnames[q];
}

static void
mulpow(struct numval *v, int e)
{
	nv_mul(v, *v, nv_pow10(e));
}

/* ====== A numeral and what follows it ====== */

static const struct unit *
unit_at(const struct numfinder *nf, int k, int *end)
{
	const struct unit *u;
	char key[64];
	int len, j;

	if (!in(nf, k) || !(TOK(k)->first & F_UNIT))
		return NULL;		/* no unit's key starts so */
	for (len = 3; len >= 1; len--) {
		for (j = k + 1; j < k + len && in(nf, j); j++)
			if (!glued(nf, j) && !(TOK(j)->type == TK_WORD &&
			    TOK(j - 1)->type == TK_WORD))
				break;
		if (j < k + len || !numlex_key(nf, k, len, key, sizeof(key)))
			continue;
		if ((u = strmap_get(nf->units, key, strlen(key))) == NULL)
			continue;
		if (u->glued && !glued(nf, k))
			continue;
		/* "5 m" is no unit, "5 M" neither ("M" is a scale) */
		*end = k + len;
		return u;
	}
	return NULL;
}

static int
is_percent(const struct numfinder *nf, int k, int *end)
{
	if (issym(nf, k, '%') || isw(nf, k, "percent") ||
	    isw(nf, k, "percents") || isw(nf, k, "pct")) {
		*end = k + 1;
		if (isw(nf, k, "pct") && issym(nf, k + 1, '.') && k + 2 < nf->nt)
			(*end)++;
		return 1;
	}
	if (isw(nf, k, "per") && isw(nf, k + 1, "cent")) {
		*end = k + 2;
		return 1;
	}
	if (isw(nf, k, "percentage")) {
		*end = isw(nf, k + 1, "points") || isw(nf, k + 1, "point") ?
		    k + 2 : k + 1;
		return 1;
	}
	return 0;
}

/* Digits that belong to a name or code: G7, F-16, COVID-19, Article 5. */
static int
is_code(const struct numfinder *nf, int d)
{
	const struct tok *p;

	if (d < 1)
		return 0;
	p = TOK(d - 1);
	if (p->type == TK_WORD && glued(nf, d))
		return 1;
	if (isdash(nf, d - 1) && glued(nf, d) && glued(nf, d - 1) &&
	    in(nf, d - 2) && TOK(d - 2)->type == TK_WORD &&
	    (TOK(d - 2)->cap || TOK(d - 2)->lolen <= 2))
		return 1;
	if (p->type != TK_WORD)
		return 0;
	if (p->w && p->w->roles & R_NAME && p->cap)
		return 1;
	return midcap(nf, d - 1) && !(p->w && p->w->roles & (R_MONTH |
	    R_WEEKDAY | R_STOP)) && !strmap_get(nf->quals, numlex_low(nf, d - 1),
	    p->lolen) && !isw(nf, d - 1, "no");
}

static int
one_counts(struct numfinder *nf, const struct numeral *nu)
{
	int nb, ne;

	if (nu->t1 - nu->t0 != 1 || !isw(nf, nu->t0, "one"))
		return 1;
	if (roles(nf, nu->t0 - 1) & R_NOTONE)
		return 0;
	return nf_noun_run(nf, nu->t1, 0, &nb, &ne);
}

static int
try_number(struct numfinder *nf, int i)
{
	const struct currency *c, *c2;
	const struct unit *u;
	struct numeral nu, nu2;
	struct mention *m;
	struct numval v;
	long long dl;
	int j, k, end, den, nb, ne, y, d;

	if (!nf_numeral(nf, i, 0, &nu))
		return 0;
	d = nu.digit;
	j = nu.t1;
	if (d >= 0 && is_code(nf, d)) {
		nf_consume(nf, i, j);
		return 1;
	}
	if (nu.ord) {
		/* Second World War, a second (of time), at first */
		if ((d < 0 && midcap(nf, nu.t0)) ||
		    isw(nf, i - 1, "per") || isw(nf, i - 1, "at") ||
		    (isw(nf, i, "second") && (isw(nf, i - 1, "a") ||
		    isw(nf, i - 1, "one")) && !nf_noun_run(nf, j, 0, &nb, &ne))) {
			nf_consume(nf, i, j);
			return 1;
		}
		nf_add(nf, i, j, NK_ORDINAL, nu.v, NULL, 0);
		return 1;
	}
	/* one-fifth, two thirds, five - eighths */
	k = isdash(nf, j) && ((glued(nf, j) && glued(nf, j + 1)) ||
	    nu.words) ? j + 1 : j;
	if (nv_whole(nu.v) > 0 && isfree(nf, k) &&
	    (dl = nf_fraction_den(nf, k, &end)) > 0 &&
	    (!nu.scale || dl >= 1000)) {
		if (k == j + 1 && dl < 10 && glued(nf, k) &&
		    roles(nf, j - 1) & R_CARD && TOK(j - 1)->w->card >= 20 &&
		    TOK(j - 1)->w->card < 100) {
			nf_consume(nf, i, end);	/* "twenty-fifths" alone */
			return 1;
		}
		nv_div(&v, nu.v, nv_int(dl));
		k = end;
		if (isw(nf, k, "of") && isw(nf, k + 1, "a") &&
		    roles(nf, k + 2) & R_SCALE)
			k += 2;			/* two thirds of a million */
		if (roles(nf, k) & R_SCALE) {
			mulpow(&v, TOK(k)->w->scale);
			nf_add(nf, i, k + 1, NK_CARDINAL, v, NULL, TOK(k)->w->scale);
		} else
			nf_add(nf, i, k, NK_FRACTION, v, NULL, 0);
		return 1;
	}
	/* 2 1/4: a whole number and a fraction */
	if (d >= 0 && j == d + 1 && nu.v.e >= 0 && isnum(nf, j) && TOK(j)->sp &&
	    issym(nf, j + 1, '/') && glued(nf, j + 1) && isnum(nf, j + 2) &&
	    glued(nf, j + 2) && !glued(nf, j + 3) && ival(nf, j) > 0 &&
	    ival(nf, j) < ival(nf, j + 2) && ival(nf, j + 2) <= 16) {
		nv_div(&v, TOK(j)->v, TOK(j + 2)->v);
		if (nu.v.m < 0)
			v.m = -v.m;
		nv_add(&v, v, nu.v);
		nf_add(nf, i, j + 3, NK_CARDINAL, v, NULL, 0);
		return 1;
	}
	/* 1/3 */
	if (d >= 0 && j == d + 1 && issym(nf, j, '/') && glued(nf, j) &&
	    isnum(nf, j + 1) && glued(nf, j + 1)) {
		den = (int)ival(nf, j + 1);
		if (ival(nf, d) > 0 && ival(nf, d) < den && (den <= 6 ||
		    den == 8 || den == 10 || den == 16 || den == 100)) {
			nv_div(&v, nu.v, nv_int(den));
			nf_add(nf, i, j + 2, NK_FRACTION, v, NULL, 0);
		} else
			nf_consume(nf, i, j + 2);
		return 1;
	}
	/* 1 in 5, one out of three */
	k = isw(nf, j, "in") ? j + 1 : isw(nf, j, "out") && isw(nf, j + 1, "of") ?
	    j + 2 : -1;
	if (k > 0 && nv_whole(nu.v) > 0 && nv_whole(nu.v) <= 10 && !nu.scale &&
	    nf_numeral(nf, k, 0, &nu2) && !nu2.ord && nu2.v.e >= 0 &&
	    nv_cmp(nu2.v, nu.v) > 0 && nv_cmp(nu2.v, nv_int(1000)) <= 0 &&
	    !(nf_year_at(nf, k))) {
		nv_div(&v, nu.v, nu2.v);
		nf_add(nf, i, nu2.t1, NK_FRACTION, v, NULL, 0);
		return 1;
	}
	/* one over three (only as the whole rest of the sentence) */
	if (isw(nf, j, "over") && nu.v.e >= 0 &&
	    nf_numeral(nf, j + 1, 0, &nu2) && !nu2.ord && nv_whole(nu2.v) > 0 &&
	    (nu2.t1 == nf->nt || (nu2.t1 + 1 == nf->nt &&
	    TOK(nu2.t1)->type == TK_SYM))) {
		nv_div(&v, nu.v, nu2.v);
		nf_add(nf, i, nu2.t1, NK_FRACTION, v, NULL, 0);
		return 1;
	}
	if (is_percent(nf, j, &end)) {
		nf_add(nf, i, end, NK_PERCENT, nu.v, "%", nu.scale);
		return 1;
	}
	if ((c = nf_currency_after(nf, j, &end)) != NULL) {
		v = nu.v;
		if (roles(nf, end) & R_SCALE) {
			mulpow(&v, TOK(end)->w->scale);
			end++;
		}
		/*
		 * 3 dollars 50 cents, thirteen dollars and forty-five cents;
		 * "15 dollars 50." with the cents last in the clause
		 */
		k = isw(nf, end, "and") ? end + 1 : end;
		if (c->minor == 1 && !nu.scale && nf_numeral(nf, k, 1, &nu2) &&
		    !nu2.ord && nv_whole(nu2.v) >= 0 && nv_whole(nu2.v) < 100 &&
		    (((c2 = nf_currency_after(nf, nu2.t1, &k)) != NULL &&
		    c2->minor == 100) || (TOK(j)->type == TK_WORD &&
		    nv_whole(nu2.v) > 0 && (nu2.words || TOK(nu2.t0)->ndig == 2) &&
		    (!in(nf, nu2.t1) || issym(nf, nu2.t1, '.') ||
		    issym(nf, nu2.t1, ',') || issym(nf, nu2.t1, ';')) &&
		    (k = nu2.t1) > 0))) {
			nv_div(&nu2.v, nu2.v, nv_int(100));
			nv_add(&v, v, nu2.v);
			end = k;
		}
		nf_money(nf, i, end, c, v, nu.scale);
		return 1;
	}
	if ((u = unit_at(nf, j, &end)) != NULL) {
		nf_add(nf, i, end, u->kind, nu.v, u->sing, nu.scale);
		return 1;
	}
	/* 30-nation, 10-year, 22-year-old, 5,000-strong, 5-percent */
	if (isdash(nf, j) && glued(nf, j) && glued(nf, j + 1) &&
	    in(nf, j + 1) && TOK(j + 1)->type == TK_WORD) {
		k = j + 1;
		if ((u = unit_at(nf, k, &end)) != NULL && end == k + 1) {
			if (isdash(nf, end) && glued(nf, end) && isw(nf, end + 1, "old"))
				end += 2;
			nf_add(nf, i, end, u->kind, nu.v, u->sing, nu.scale);
			return 1;
		}
		if (is_percent(nf, k, &end)) {
			nf_add(nf, i, end, NK_PERCENT, nu.v, "%", nu.scale);
			return 1;
		}
		/* a one-yen bid, a 100-euro note */
		if (TOK(k)->lolen > 2 && (c = nf_currency_at(nf, k, 1, 1)) &&
		    c->minor == 1 && !c->scale) {
			nf_money(nf, i, k + 1, c, nu.v, nu.scale);
			return 1;
		}
		if (!(roles(nf, k) & (R_STOP | R_CARD | R_ORD)) && one_counts(nf, &nu)) {
			m = nf_add(nf, i, j, NK_CARDINAL, nu.v, NULL, nu.scale);
			if (isw(nf, k, "strong")) {
				if (nf_noun_run(nf, k + 1, 1, &nb, &ne))
					nf_set_noun(nf, m, nb, ne);
			} else
				nf_set_noun(nf, m, k, nf_compound(nf, k));
			m->nb += 0;
			nf->used[k] = 1;
			return 1;
		}
	}
	/* 1990s */
	if (d == i && j == i + 1 && (y = nf_year_at(nf, i)) && glued(nf, j) &&
	    (isw(nf, j, "s") || ((issym(nf, j, '\'') || issym(nf, j, 0x2019)) &&
	    isw(nf, j + 1, "s") && glued(nf, j + 1)))) {
		nf_add(nf, i, isw(nf, j, "s") ? j + 1 : j + 2, NK_YEAR,
		    nv_int(y), NULL, 0);
		return 1;
	}
	/* 5G, 3D: digits glued to a word no rule took */
	if (glued(nf, j) && in(nf, j) && TOK(j)->type == TK_WORD) {
		nf_consume(nf, i, j + 1);
		return 1;
	}
	/* the 2022 invasion, in 2014, 2,000 people */
	if (d == i && j == i + 1 && (y = nf_year_at(nf, i)) && !nu.scale) {
		int prep = roles(nf, i - 1) & R_YEARPREP ||
		    (isdash(nf, i - 1) && glued(nf, i) &&
		    roles(nf, i - 2) & R_YEARPREP) ||
		    (issym(nf, i - 1, '(') && !nf->t[i].sp) ||
		    ((isw(nf, i - 1, "and") || isw(nf, i - 1, "to") ||
		    isw(nf, i - 1, "or")) && nf->nm > 0 &&
		    nf->m[nf->nm - 1].kind == NK_YEAR &&
		    nf->mt1[nf->nm - 1] == i - 1);
		int counts = nf_noun_run(nf, j, 1, &nb, &ne) &&
		    plural_looking(nf, nb);

		if (prep || (!counts && y >= 1900 && y <= 2100) ||
		    (isdash(nf, j) && nf_year_at(nf, j + 1))) {
			nf_add(nf, i, j, NK_YEAR, nv_int(y), NULL, 0);
			return 1;
		}
	}
	/* 10 Downing Street is an address */
	if (d >= 0 && j == d + 1 && in(nf, j) && TOK(j)->type == TK_WORD &&
	    TOK(j)->cap) {
		for (k = j; k < j + 3 && in(nf, k) && TOK(k)->type == TK_WORD &&
		    TOK(k)->cap; k++)
			if (roles(nf, k) & R_STREET && k > j) {
				nf_consume(nf, i, k + 1);
				return 1;
			}
	}
	if (!one_counts(nf, &nu))
		return 1;
	nf_add(nf, i, j, NK_CARDINAL, nu.v, NULL, nu.scale);
	return 1;
}

/* ====== The sentence ====== */

struct numfinder *
num_open(void)
{
	struct numfinder *nf = ecalloc(1, sizeof(*nf));

	numlex_init(nf);
	return nf;
}

void
num_close(struct numfinder *nf)
{
	if (nf == NULL)
		return;
	numlex_free(nf);
	free(nf->t);
	free(nf->live);
	free(nf->m);
	free(nf->mt0);
	free(nf->mt1);
	free(nf->mscale);
	free(nf->used);
	free(nf->flag);
	buf_free(&nf->low);
	free(nf);
}

/*
 * A token no rule can start at: a symbol of numlex_inert_sym(), or a word
 * that starts no date (a month or a day in words), no currency, none of
 * the words nf_try_words() looks for, no numeral (which starts with a
 * number word, "a" or "an" before a scale, or "minus").  The tokenizer
 * lists the tokens this may be false for in nf->live (WF_START in
 * numint.h): the roles below are WF_START_ROLES, the words those of
 * numlex.c's start_words[].
 */
static int
inert(const struct numfinder *nf, int i)
{
	const struct tok *t = TOK(i);

	if (t->type == TK_SYM)
		return numlex_inert_sym(t);
	if (t->type != TK_WORD || t->first & F_CUR || (t->w != NULL &&
	    t->w->roles & WF_START_ROLES))
		return 0;
	switch (t->lolen) {
	case 1:
		return !isw(nf, i, "a");
	case 2:
		return !isw(nf, i, "an") && !isw(nf, i, "no");
	case 4:
		return !isw(nf, i, "half");
	case 5:
		return !isw(nf, i, "minus");
	case 7:
		return !isw(nf, i, "quarter") && !isw(nf, i, "percent");
	case 8:
		return !isw(nf, i, "percents") && !isw(nf, i, "negative");
	case 9:
		return !isw(nf, i, "magnitude");
	}
	return 1;
}

size_t
num_find(struct numfinder *nf, struct numdoc *doc, const char *s, size_t n,
    const struct mention **out)
{
	int i, k;

	nf->nm = 0;
	*out = nf->m;
	if (n >= NUM_MAXLEN || !numlex_tokens(nf, s, n))
		return 0;
	numlex_zones(nf);
	if ((size_t)nf->nt > nf->ucap) {
		nf->ucap = (size_t)nf->nt;
		nf->used = erealloc(nf->used, nf->ucap);
	}
	memset(nf->used, 0, (size_t)nf->nt);
	/* the other tokens are inert() */
	for (k = 0; k < nf->nlive; k++) {
		i = nf->live[k];
		if (!isfree(nf, i) || inert(nf, i))
			continue;
		if (nf_try_date(nf, doc, i) || nf_try_money(nf, i) ||
		    nf_try_words(nf, i))
			continue;
		try_number(nf, i);
	}
	if ((size_t)nf->nm > nf->fcap) {
		nf->fcap = (size_t)nf->nm;
		nf->flag = erealloc(nf->flag, nf->fcap * sizeof(int));
	}
	if (nf->nm > 0)		/* flag may still be NULL */
		memset(nf->flag, 0, (size_t)nf->nm * sizeof(int));
	nf_qualify(nf);
	nf_ranges(nf, nf->flag);
	nf_nouns(nf, nf->flag);
	*out = nf->m;
	return (size_t)nf->nm;
}
