/*
 * nummoney.c: amounts of money for the number finder (see numbers.h):
 * a currency symbol, code or name before or after the amount ("$ 350
 * million", "US$5bn", "5 million dollars"), minor units in major units.
 */
#include <string.h>

#include "numint.h"

/* ====== Money with its currency in front ====== */

/*
 * Token i is a word of capitals only (at least two letters, no small
 * ASCII letter): told here, for the one rule that asks, rather than by
 * the tokenizer for every capitalised word.
 */
static int
allcaps(const struct numfinder *nf, int i)
{
	const struct tok *t = TOK(i);
	uint32_t k;

	if (!t->cap || t->e - t->b < 2)	/* cap: a word */
		return 0;
	for (k = t->b + 1; k < t->e; k++)
		if (nf->s[k] >= 'a' && nf->s[k] <= 'z')
			return 0;
	return 1;
}

const struct currency *
nf_currency_at(const struct numfinder *nf, int i, int len, int post)
{
	const struct currency *c;
	char key[64];
	int k;

	if (!in(nf, i) || !(TOK(i)->first & F_CUR))
		return NULL;		/* no currency's key starts so */
	if (len >= 2 && (!in(nf, i + 1) || !(TOK(i + 1)->first & F_CUR2)))
		return NULL;		/* nor goes on so */
	for (k = i + 1; k < i + len; k++)
		if (!glued(nf, k) && !(TOK(k)->type == TK_WORD &&
		    TOK(k - 1)->type == TK_WORD) && !(TOK(k)->type == TK_SYM &&
		    TOK(k - 1)->type == TK_WORD && TOK(k - 1)->lolen >= 2))
			return NULL;
	if (!numlex_key(nf, i, len, key, sizeof(key)))
		return NULL;
	if ((c = strmap_get(nf->cur, key, strlen(key))) == NULL)
		return NULL;
	if (post ? !(c->post || (c->glued && glued(nf, i))) : !c->pre)
		return NULL;
	if (c->scale && !(len == 1 && allcaps(nf, i)))
		return NULL;		/* "MEUR" but not "Meur" */
	return c;
}

void
nf_money(struct numfinder *nf, int t0, int t1, const struct currency *c,
    struct numval v, int scale)
{
	if (c->minor > 1)
		nv_div(&v, v, nv_int(c->minor));
	if (c->scale) {
		nv_mul(&v, v, nv_pow10(c->scale));
		scale = c->scale;
	}
	nf_add(nf, t0, t1, NK_MONEY, v, c->code, scale);
}

int
nf_try_money(struct numfinder *nf, int i)
{
	const struct currency *c = NULL, *c2;
	struct numeral nu;
	int len, k;

	if (!(TOK(i)->first & F_CUR))
		return 0;		/* as nf_currency_at() would find */
	for (len = 3; len >= 1 && c == NULL; len--)
		c = nf_currency_at(nf, i, len, 0);
	if (c == NULL)
		return 0;
	k = i + len + 1;
	if (!isfree(nf, k) || !nf_numeral(nf, k, 1, &nu) || nu.ord)
		return 0;
	if (TOK(k)->type == TK_WORD && !(roles(nf, k) & R_CARD))
		return 0;
	k = nu.t1;
	if (in(nf, k) && (c2 = nf_currency_at(nf, k, 1, 1)) &&
	    strcmp(c2->code, c->code) == 0 && c2->minor == 1)
		k++;			/* "$ 10 dollars" */
	nf_money(nf, i, k, c, nu.v, nu.scale);
	return 1;
}

const struct currency *
nf_currency_after(const struct numfinder *nf, int k, int *end)
{
	const struct currency *c;
	int len;

	for (len = 3; len >= 1; len--)
		if ((c = nf_currency_at(nf, k, len, 1)) != NULL &&
		    !(isnum(nf, k + len) && glued(nf, k + len))) {
			if (TOK(k)->type == TK_WORD && glued(nf, k) &&
			    !c->glued && TOK(k)->lolen != 3)
				continue;
			*end = k + len;
			return c;
		}
	return NULL;
}
