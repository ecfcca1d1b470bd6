/*
 * numfind.c: reading number mentions off the tokens of one sentence
 * (lede contract section 7; see numbers.h and extract-numbers(1)).
 *
 * One pass left to right tries, at each free token: a date, an amount
 * with its currency in front, the special words (No., half, a third,
 * vague plurals), then a numeral (digits, words or both) and what
 * follows it (fraction, percent, currency, unit, hyphen compound,
 * year).  Three passes then add qualifiers, join ranges and scores, and
 * find the noun each cardinal or ordinal counts.
 */
#include <stdlib.h>
#include <string.h>

#include "numint.h"


/* ====== Mentions ====== */

struct mention *
nf_add(struct numfinder *nf, int t0, int t1, enum numkind kind,
    struct numval v, const char *unit, int scale)
{
	struct mention *m;
	int i;

	if ((size_t)nf->nm == nf->mcap) {
		nf->mcap = nf->mcap ? 2 * nf->mcap : 16;
		nf->m = erealloc(nf->m, nf->mcap * sizeof(*nf->m));
		nf->mt0 = erealloc(nf->mt0, nf->mcap * sizeof(int));
		nf->mt1 = erealloc(nf->mt1, nf->mcap * sizeof(int));
		nf->mscale = erealloc(nf->mscale, nf->mcap * sizeof(int));
	}
	m = &nf->m[nf->nm];
	memset(m, 0, sizeof(*m));
	m->b = TOK(t0)->b;
	m->e = TOK(t1 - 1)->e;
	m->cb = TOK(t0)->cb;
	m->ce = TOK(t1 - 1)->ce;
	m->kind = kind;
	m->v = v;
	m->unit = unit ? unit : "";
	nf->mt0[nf->nm] = t0;
	nf->mt1[nf->nm] = t1;
	nf->mscale[nf->nm] = scale;
	for (i = t0; i < t1; i++)
		nf->used[i] = 1;
	nf->nm++;
	return m;
}

void
nf_consume(struct numfinder *nf, int t0, int t1)
{
	for (; t0 < t1; t0++)
		nf->used[t0] = 1;
}

/* ====== Numerals: digits, number words, scales ====== */

enum { L_NONE, L_A, L_UNIT, L_TEEN, L_TENS, L_HUNDRED, L_SCALE, L_NUM };

static int
cardclass(int c)
{
	return c < 10 ? L_UNIT : c < 20 ? L_TEEN : c == 100 ? L_HUNDRED :
	    L_TENS;
}

static void
addint(struct numval *v, long long n)
{
	nv_add(v, *v, nv_int(n));
}

static void
mulpow(struct numval *v, int e)
{
	nv_mul(v, *v, nv_pow10(e));
}

/* A scale abbreviation after digits: glued ("5bn") or not ("5 bn"). */
static int
abbr_ok(const struct numfinder *nf, int k, int money)
{
	const char *s;

	if (!(roles(nf, k) & R_ABBR))
		return 0;	/* also when k is past the last token */
	s = numlex_low(nf, k);
	if (!glued(nf, k))
		return money || strcmp(s, "bn") == 0 || strcmp(s, "bln") == 0 ||
		    strcmp(s, "mln") == 0 || strcmp(s, "mn") == 0 ||
		    strcmp(s, "tn") == 0 || strcmp(s, "tln") == 0 ||
		    strcmp(s, "trn") == 0;
	if (strcmp(s, "m") == 0)
		return money || nf->t[k].cap;
	if (strcmp(s, "mm") == 0)
		return money;
	return 1;
}

/*
 * After "and", a number with a scale as large as the last one starts a
 * new number: "3 hundred and 2 hundred", "one million and two million".
 */
static int
and_starts_new(const struct numfinder *nf, int k, int last, int lastscale)
{
	int j = k + 1;

	if (isdash(nf, j) && glued(nf, j) && roles(nf, j + 1) & R_CARD)
		j += 2;
	else if (roles(nf, k) & R_CARD && TOK(k)->w->card >= 20 &&
	    roles(nf, j) & R_CARD && TOK(j)->w->card < 10)
		j++;
	if (isw(nf, j, "hundred"))
		return last == L_HUNDRED;
	return roles(nf, j) & R_SCALE && TOK(j)->w->scale >= lastscale;
}

int
nf_numeral(struct numfinder *nf, int i, int money, struct numeral *nu)
{
	struct numval total = { 0, 0 }, group = { 0, 0 }, fr;
	const struct word *w;
	const char *lw;
	int k = i, last = L_NONE, hund = 0, lastscale = 99, end = -1;
	int closed = 0, neg = 0, c, cl, ok, num, j;

	memset(nu, 0, sizeof(*nu));
	nu->t0 = i;
	nu->digit = -1;
	if ((isw(nf, k, "minus") || isw(nf, k, "negative")) &&
	    (isnum(nf, k + 1) || (roles(nf, k + 1) & R_CARD))) {
		neg = 1;
		k++;
	} else if (isdash(nf, k) && isnum(nf, k + 1) && glued(nf, k + 1) &&
	    (k == 0 || nf->t[k].sp || issym(nf, k - 1, '(')) &&
	    !isnum(nf, k - 1) && !(isdash(nf, k + 2) && glued(nf, k + 2))) {
		neg = 1;
		k++;
	}
	while (isfree(nf, k)) {
		const struct tok *t = TOK(k);

		if (t->type == TK_NUM) {
			if (last == L_NONE) {
				group = t->v;
				nu->digit = k;
				closed = !t->intg || t->comma || t->ndig > 3;
				last = L_NUM;
				end = ++k;
				if (in(nf, k) && TOK(k)->type == TK_WORD &&
				    glued(nf, k)) {
					if (t->intg && ord_suffix(numlex_low(nf, k))) {
						nu->ord = 1;
						end = ++k;
					} else if (abbr_ok(nf, k, money)) {
						mulpow(&group, TOK(k)->w->scale);
						nu->scale = TOK(k)->w->scale;
						end = ++k;
					}
					break;
				}
				if (closed) {
					if ((roles(nf, k) & R_SCALE) ||
					    abbr_ok(nf, k, money)) {
						mulpow(&group, TOK(k)->w->scale);
						nu->scale = TOK(k)->w->scale;
						end = ++k;
					} else if (isw(nf, k, "hundred") &&
					    !t->comma && t->ndig <= 3) {
						mulpow(&group, 2);	/* 2.5 hundred */
						end = ++k;
					}
					break;
				}
				continue;
			}
			if ((last == L_HUNDRED || last == L_SCALE) && t->intg &&
			    !t->comma && ival(nf, k) >= 0 && ival(nf, k) < 100) {
				addint(&group, ival(nf, k));
				last = L_NUM;
				end = ++k;
				continue;
			}
			break;
		}
		if (t->type == TK_SYM) {
			if (isdash(nf, k) && last == L_TENS &&
			    ((roles(nf, k + 1) & R_CARD &&
			    TOK(k + 1)->w->card < 10 && TOK(k + 1)->w->card > 0) ||
			    (roles(nf, k + 1) & R_ORD &&
			    TOK(k + 1)->w->ord < 10))) {
				k++;
				continue;
			}
			break;
		}
		lw = numlex_low(nf, k);
		w = t->w;
		if ((strcmp(lw, "a") == 0 || strcmp(lw, "an") == 0) &&
		    last == L_NONE) {
			if (isw(nf, k + 1, "hundred") || isw(nf, k + 1, "dozen") ||
			    (roles(nf, k + 1) & R_SCALE)) {
				group = nv_int(1);
				last = L_A;
				k++;
				continue;
			}
			break;
		}
		if (strcmp(lw, "and") == 0 && (last == L_HUNDRED ||
		    last == L_SCALE) && !nf_proper_fraction(nf, k + 1, &fr, &j) &&
		    !and_starts_new(nf, k + 1, last, lastscale) &&
		    ((roles(nf, k + 1) & R_CARD &&
		    !isw(nf, k + 1, "dozen") && !isw(nf, k + 1, "hundred")) ||
		    (isnum(nf, k + 1) && ival(nf, k + 1) >= 0 &&
		    ival(nf, k + 1) < 100))) {
			k++;
			continue;
		}
		if (w == NULL || (t->cap && midcap(nf, k) && last == L_NONE))
			break;
		if (strcmp(lw, "dozen") == 0 || (strcmp(lw, "dozens") == 0 &&
		    last != L_NONE && last != L_A)) {
			if (last == L_A || last == L_UNIT || last == L_TEEN ||
			    last == L_TENS || (last == L_NUM && !closed)) {
				if (group.m == 0)
					group = nv_int(1);
				nv_mul(&group, group, nv_int(12));
				nu->words = 1;
				last = L_UNIT;
				end = ++k;
			}
			break;
		}
		if (w->roles & R_CARD) {
			c = w->card;
			cl = cardclass(c);
			if (cl == L_UNIT)
				ok = last == L_NONE || last == L_HUNDRED ||
				    last == L_SCALE || (last == L_TENS && c > 0);
			else if (cl == L_HUNDRED)
				ok = !hund && (last == L_NONE || last == L_A ||
				    last == L_UNIT || last == L_TEEN ||
				    (last == L_NUM && !closed &&
				    nv_cmp(group, nv_int(1000)) < 0));
			else
				ok = last == L_NONE || last == L_HUNDRED ||
				    last == L_SCALE;
			if (!ok)
				break;
			if (cl == L_HUNDRED) {
				if (group.m == 0)
					group = nv_int(1);
				mulpow(&group, 2);
				hund = 1;
			} else
				addint(&group, c);
			last = cl;
			nu->words = 1;
			end = ++k;
			continue;
		}
		if (w->roles & R_SCALE || (w->roles & R_ABBR && last == L_NUM &&
		    abbr_ok(nf, k, money))) {
			/* Indian "lakh crore", "thousand crore" */
			if (last == L_SCALE && w->scale == 7 && lastscale < 7 &&
			    group.m == 0) {
				nv_mul(&total, total, nv_pow10(7));
				nu->scale += 7;
				lastscale = 99;
				end = ++k;
				continue;
			}
			if (last == L_NONE || last == L_SCALE ||
			    w->scale >= lastscale)
				break;
			nv_mul(&group, group, nv_pow10(w->scale));
			nv_add(&total, total, group);
			group = nv_int(0);
			hund = 0;
			if (nu->scale == 0)
				nu->scale = w->scale;
			lastscale = w->scale;
			last = L_SCALE;
			nu->words = 1;
			end = ++k;
			if (closed)
				break;
			continue;
		}
		if (w->roles & R_ORD) {
			long long o = w->ord;

			if (nu->digit >= 0 || money)
				break;
			if (o < 10 && !(last == L_NONE || last == L_TENS ||
			    last == L_HUNDRED || last == L_SCALE))
				break;
			if (o >= 10 && o < 100 && !(last == L_NONE ||
			    last == L_HUNDRED || last == L_SCALE))
				break;
			if (o >= 100 && last != L_NONE && last != L_HUNDRED &&
			    last != L_SCALE && last != L_A) {
				nv_mul(&group, group, nv_int(o));
			} else if (o >= 100 && last == L_NONE)
				group = nv_int(o);
			else if (o >= 100)
				break;
			else
				addint(&group, o);
			nu->ord = 1;
			nu->words = 1;
			end = ++k;
			break;
		}
		break;
	}
	if (end < 0 || last == L_A)
		return 0;
	nv_add(&total, total, group);
	/* "two and a half", "five and three quarters [million]" */
	k = end + 1;
	if (!nu->ord && isw(nf, end, "and") && isfree(nf, k)) {
		if (nf_proper_fraction(nf, k, &fr, &j)) {
			/* after a scale the fraction is of the scale:
			 * "3 million and a half" = 3500000 */
			end = j;
			if (roles(nf, end) & R_SCALE && isfree(nf, end)) {
				mulpow(last == L_SCALE ? &fr : &total,
				    TOK(end)->w->scale);
				if (last != L_SCALE) {
					nv_mul(&fr, fr, nv_pow10(TOK(end)->w->scale));
					nu->scale = TOK(end)->w->scale;
				}
				end++;
			} else if (last == L_SCALE)
				mulpow(&fr, lastscale);
			nv_add(&total, total, fr);
			nu->words = 1;
		}
	}
	/* "five point five", "nine point nought four" */
	if (!nu->ord && nu->digit < 0 && isw(nf, end, "point") &&
	    roles(nf, end + 1) & R_CARD && TOK(end + 1)->w->card < 100) {
		k = end + 1;
		fr = nv_int(0);
		if (TOK(k)->w->card >= 10) {		/* point seventy-one */
			c = TOK(k)->w->card;
			k++;
			if (c >= 20 && isdash(nf, k) && roles(nf, k + 1) & R_CARD &&
			    TOK(k + 1)->w->card < 10)
				k++;
			if (c >= 20 && roles(nf, k) & R_CARD && TOK(k)->w->card < 10)
				c += TOK(k++)->w->card;
			fr = nv_int(c);
			fr.e -= 2;
		} else
			for (num = 1; num <= 12 && roles(nf, k) & R_CARD &&
			    TOK(k)->w->card < 10; num++, k++) {
				struct numval dg = nv_int(TOK(k)->w->card);

				dg.e -= num;
				nv_add(&fr, fr, dg);
			}
		nv_add(&total, total, fr);
		end = k;
	}
	if (neg)
		total.m = -total.m;
	nu->t1 = end;
	nu->v = total;
	return 1;
}

/* ====== The noun a number counts ====== */

/*
 * The end of the word at k, taking "anti-aircraft" as one word; k itself
 * when there is no word there.
 */
int
nf_compound(const struct numfinder *nf, int k)
{
	if (!in(nf, k) || nf->t[k].type != TK_WORD)
		return k;
	k++;
	while (isdash(nf, k) && glued(nf, k) && glued(nf, k + 1) &&
	    in(nf, k + 1) && nf->t[k + 1].type == TK_WORD)
		k += 2;
	return k;
}

/*
 * The noun of the modifiers and nouns from token k: for a plural count
 * the last plural-looking word, else the last word.  Returns 1 and sets
 * [*nb, *ne) to its tokens, or 0 when there is none.
 */
int
nf_noun_run(struct numfinder *nf, int k, int plural, int *nb, int *ne)
{
	int n = 0, e, lower = 0, pick = -1, picke = -1;

	while (n < 5 && in(nf, k) && nf->t[k].type == TK_WORD &&
	    !nf->t[k].skip) {
		if (roles(nf, k) & (R_STOP | R_CARD | R_SCALE | R_MONTH |
		    R_WEEKDAY | R_VAGUE) || nf->used[k])
			break;
		if (n > 0 && (verb_looking(nf, k) || (lower && nf->t[k].cap)))
			break;
		if (n > 0 && !plural && plural_looking(nf, k) &&
		    !plural_looking(nf, pick))
			break;
		e = nf_compound(nf, k);
		if (!plural || plural_looking(nf, e - 1) || pick < 0 ||
		    !plural_looking(nf, pick)) {
			pick = k;
			picke = e;
		}
		lower |= !nf->t[k].cap;
		n++;
		k = e;
		if (issym(nf, k, '\'') || issym(nf, k, 0x2019))
			break;
	}
	if (pick < 0)
		return 0;
	*nb = pick;
	*ne = picke;
	return 1;
}

void
nf_set_noun(struct numfinder *nf, struct mention *m, int nb, int ne)
{
	m->nb = TOK(nb)->b;
	m->ne = TOK(ne - 1)->e;
}

