/*
 * numwords.c: number words that start a mention of their own for the
 * number finder (see numbers.h): "No. 2", vague plurals ("hundreds of"),
 * "half", "a third", "quarter million", vulgar fraction characters,
 * "percent of 10", "magnitude 7.8"; and fraction denominators.
 */
#include <string.h>

#include "numint.h"

static void
mulpow(struct numval *v, int e)
{
	nv_mul(v, *v, nv_pow10(e));
}

/* ====== Words that start a mention of their own ====== */

/* The denominator of a vulgar fraction character, its numerator in *num. */
static int
vulgar(uint32_t cp, int *num)
{
	static const struct { uint32_t cp; int num, den; } tab[] = {
		{ 0xbc, 1, 4 }, { 0xbd, 1, 2 }, { 0xbe, 3, 4 },
		{ 0x2150, 1, 7 }, { 0x2151, 1, 9 }, { 0x2152, 1, 10 },
		{ 0x2153, 1, 3 }, { 0x2154, 2, 3 }, { 0x2155, 1, 5 },
		{ 0x2156, 2, 5 }, { 0x2157, 3, 5 }, { 0x2158, 4, 5 },
		{ 0x2159, 1, 6 }, { 0x215a, 5, 6 }, { 0x215b, 1, 8 },
		{ 0x215c, 3, 8 }, { 0x215d, 5, 8 }, { 0x215e, 7, 8 },
	};
	size_t i;

	for (i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
		if (tab[i].cp == cp) {
			*num = tab[i].num;
			return tab[i].den;
		}
	return 0;
}

int
nf_try_words(struct numfinder *nf, int i)
{
	struct numeral nu;
	struct numval v;
	struct mention *m;
	const struct unit *u;
	long long dl;
	int k, den;
	unsigned r = roles(nf, i);

	/* world No. 2 */
	if (isw(nf, i, "no") && TOK(i)->cap && issym(nf, i + 1, '.') &&
	    isnum(nf, i + 2) && ival(nf, i + 2) > 0) {
		if (!(isw(nf, i - 1, "world") || isw(nf, i - 1, "the") ||
		    isw(nf, i - 1, "ranked") || isw(nf, i - 1, "seeded") ||
		    isw(nf, i - 1, "a") || isw(nf, i - 1, "s")) ||
		    (in(nf, i + 3) && TOK(i + 3)->type == TK_WORD && TOK(i + 3)->cap))
			nf_consume(nf, i, i + 3);	/* No. 10 (Downing Street) */
		else
			nf_add(nf, i, i + 3, NK_ORDINAL, TOK(i + 2)->v, NULL, 0);
		return 1;
	}
	/* hundreds, tens of thousands: over, the noun after "of" */
	if (r & R_VAGUE && !(isw(nf, i, "tens") && !(roles(nf, i + 2) &
	    R_VAGUE)) && !isnum(nf, i - 1) && !(roles(nf, i - 1) & R_CARD)) {
		v = nv_int(TOK(i)->w->vague);
		k = i + 1;
		if (isw(nf, k, "of") && roles(nf, k + 1) & R_VAGUE &&
		    TOK(k + 1)->w->vague >= 1000) {
			nv_mul(&v, v, nv_int(TOK(k + 1)->w->vague));
			k += 2;
		}
		m = nf_add(nf, i, k, NK_CARDINAL, v, NULL, 0);
		m->qual = NQ_OVER;
		if (isw(nf, k, "of") && nf_noun_run(nf, k + 1, 1, &i, &k))
			nf_set_noun(nf, m, i, k);
		return 1;
	}
	/* half a million, half an hour, half of, more than half */
	if (isw(nf, i, "half") && !(in(nf, i - 1) && nf->used[i - 1])) {
		v = nv_int(5);
		v.e = -1;
		k = isw(nf, i + 1, "a") || isw(nf, i + 1, "an") ? i + 2 : i + 1;
		if (roles(nf, k) & R_SCALE || isw(nf, k, "dozen")) {
			nv_mul(&v, v, isw(nf, k, "dozen") ? nv_int(12) :
			    nv_pow10(TOK(k)->w->scale));
			nf_add(nf, i, k + 1, NK_CARDINAL, v, NULL,
			    isw(nf, k, "dozen") ? 0 : TOK(k)->w->scale);
			return 1;
		}
		if (k == i + 2 && in(nf, k) && TOK(k)->type == TK_WORD &&
		    (u = strmap_get(nf->units, numlex_low(nf, k),
		    TOK(k)->lolen)) && u->kind == NK_DURATION) {
			nf_add(nf, i, k + 1, NK_DURATION, v, u->sing, 0);
			return 1;
		}
		k = i + 1;
		/* "more than half", "nearly half": a proportion */
		if (isw(nf, i - 1, "a") || !in(nf, k) || TOK(k)->type == TK_SYM ||
		    roles(nf, k) & R_STOP || isw(nf, i - 1, "than") ||
		    isw(nf, i - 1, "nearly") || isw(nf, i - 1, "almost")) {
			if (isdash(nf, k) && glued(nf, k))
				return 0;
			nf_add(nf, isw(nf, i - 1, "a") ? i - 1 : i, i + 1,
			    NK_FRACTION, v, NULL, 0);
			return 1;
		}
		return 0;
	}
	/* a third, a quarter [million], a twenty-fifth */
	if ((isw(nf, i, "a") || isw(nf, i, "an")) && in(nf, i + 1) &&
	    !TOK(i + 1)->cap && (dl = nf_fraction_den(nf, i + 1, &k)) > 0) {
		nv_div(&v, nv_int(1), nv_int(dl));
		if (roles(nf, k) & R_SCALE) {
			mulpow(&v, TOK(k)->w->scale);
			nf_add(nf, i, k + 1, NK_CARDINAL, v, NULL,
			    TOK(k)->w->scale);
			return 1;
		}
		if (!in(nf, k) || isw(nf, k, "of") || TOK(k)->type == TK_SYM ||
		    isw(nf, k, "and") || isw(nf, k, "or")) {
			nf_add(nf, i, k, NK_FRACTION, v, NULL, 0);
			return 1;
		}
		return 0;
	}
	/* quarter million */
	if (isw(nf, i, "quarter") && roles(nf, i + 1) & R_SCALE) {
		v = nv_int(25);
		v.e = -2;
		mulpow(&v, TOK(i + 1)->w->scale);
		nf_add(nf, i, i + 2, NK_CARDINAL, v, NULL, TOK(i + 1)->w->scale);
		return 1;
	}
	/* ½ ⅓ ¾ */
	if (TOK(i)->type == TK_SYM && (den = vulgar(TOK(i)->cp, &k)) > 0) {
		nv_div(&v, nv_int(k), nv_int(den));
		nf_add(nf, i, i + 1, NK_FRACTION, v, NULL, 0);
		return 1;
	}
	/* percent of 10 */
	if ((isw(nf, i, "percent") || isw(nf, i, "percents")) &&
	    isw(nf, i + 1, "of") && !(in(nf, i - 1) && nf->used[i - 1]) &&
	    !isnum(nf, i - 1) && nf_numeral(nf, i + 2, 0, &nu) && !nu.ord &&
	    nu.t1 == nf->nt - (issym(nf, nf->nt - 1, '.') ? 1 : 0)) {
		nf_add(nf, i, nu.t1, NK_PERCENT, nu.v, "%", 0);
		return 1;
	}
	/* magnitude 7.8 */
	if (isw(nf, i, "magnitude") && isnum(nf, i + 1) &&
	    nv_cmp(TOK(i + 1)->v, nv_int(10)) <= 0) {
		nf_add(nf, i, i + 2, NK_QUANTITY, TOK(i + 1)->v, "magnitude", 0);
		return 1;
	}
	return 0;
}

long long
nf_fraction_den(const struct numfinder *nf, int k, int *end)
{
	int j;

	*end = k + 1;
	if (roles(nf, k) & R_DENOM && TOK(k)->w->denom > 1)
		return TOK(k)->w->denom;
	if (roles(nf, k) & R_ORD && TOK(k)->w->ord > 2 && !TOK(k)->cap)
		return TOK(k)->w->ord;
	/* twenty-fifths, twenty fifths, one twenty-first */
	if (!(roles(nf, k) & R_CARD) || TOK(k)->w->card < 20 ||
	    TOK(k)->w->card > 90 || TOK(k)->cap)
		return 0;
	j = isdash(nf, k + 1) && glued(nf, k + 1) && glued(nf, k + 2) ?
	    k + 2 : k + 1;
	*end = j + 1;
	if (roles(nf, j) & R_DENOM && TOK(j)->w->denom < 10)
		return TOK(k)->w->card + TOK(j)->w->denom;
	if (roles(nf, j) & R_ORD && TOK(j)->w->ord < 10)
		return TOK(k)->w->card + TOK(j)->w->ord;
	return 0;
}

int
nf_proper_fraction(const struct numfinder *nf, int k, struct numval *v,
    int *end)
{
	long long num = -1, den;
	int j = k + 1;

	if (isw(nf, k, "a") || isw(nf, k, "an"))
		num = 1;
	else if (isnum(nf, k))
		num = ival(nf, k);
	else if (roles(nf, k) & R_CARD && TOK(k)->w->card < 100 &&
	    !isw(nf, k, "dozen")) {
		num = TOK(k)->w->card;
		if (num >= 20 && num % 10 == 0) {	/* fifty-four */
			if (isdash(nf, j) && glued(nf, j))
				j++;
			if (roles(nf, j) & R_CARD && TOK(j)->w->card < 10 &&
			    TOK(j)->w->card > 0)
				num += TOK(j++)->w->card;
			else if (j > k + 1)
				j--;
		}
	}
	if (num < 1 || !isfree(nf, j) || !(den = nf_fraction_den(nf, j, end)) ||
	    num >= den)
		return 0;
	return nv_div(v, nv_int(num), nv_int(den)) == 0;
}
