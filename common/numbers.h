/*
 * numbers.h: finding the number mentions of one sentence (lede contract
 * section 7), the engine of extract-numbers(1).
 *
 * num_open() builds the lexicons of common/lexicons/num-*.tsv and compiles
 * the PCRE2 patterns once; num_find() then reads one sentence at a time
 * and returns its mentions in text order.  Values are exact decimals
 * (struct numval); fractions that do not end are rounded to ten decimals (ten
 * significant digits below 0.1).
 */
#ifndef NUMBERS_H
#define NUMBERS_H

#include <stddef.h>

/* An exact decimal: m * 10^e. */
struct numval {
	long long	m;
	int		e;
};

enum numkind {
	NK_CARDINAL, NK_ORDINAL, NK_FRACTION, NK_PERCENT, NK_MONEY,
	NK_QUANTITY, NK_DURATION, NK_DATE, NK_YEAR
};

enum numqual {
	NQ_EXACT, NQ_APPROX, NQ_OVER, NQ_AT_LEAST, NQ_UNDER, NQ_AT_MOST
};

struct mention {
	size_t		 b, e;		/* bytes of the text in the sentence */
	size_t		 cb, ce;	/* the same in code points */
	enum numkind	 kind;
	enum numqual	 qual;
	struct numval	 v;
	char		 date[11];	/* NK_DATE: YYYY-MM-DD, XXXX-MM-DD, YYYY-MM */
	const char	*unit;		/* "" when none */
	size_t		 nb, ne;	/* bytes of the noun; nb == ne: none */
};

/* Per-document state: the day/month order guessed from written dates. */
struct numdoc {
	int	dayfirst;	/* >0: "21 March" seen more than "March 21" */
};

struct numfinder;

/* Build the lexicons and patterns; exits 1 if a pattern does not compile. */
struct numfinder *num_open(void);
void		  num_close(struct numfinder *nf);

/*
 * Find the mentions of the sentence s[0..n) (valid UTF-8).  Returns their
 * number and sets *out to an array owned by nf, valid until the next call.
 * The finder keeps 32-bit offsets: a text of NUM_MAXLEN bytes or more
 * has no mentions (extract-numbers reads sentences in windows of 1 MiB).
 */
#define NUM_MAXLEN	((size_t)1 << 30)
size_t		  num_find(struct numfinder *nf, struct numdoc *doc,
		    const char *s, size_t n, const struct mention **out);

/* Names of kinds and qualifiers as the contract spells them. */
const char	*num_kindname(enum numkind k);
const char	*num_qualname(enum numqual q);

/*
 * Exact decimal arithmetic.  Each returns 0, or -1 on overflow (the
 * result is then unspecified).  nv_div rounds to ten decimals, or to ten
 * significant digits when the quotient is below 0.1.
 */
int	nv_mul(struct numval *r, struct numval a, struct numval b);
int	nv_add(struct numval *r, struct numval a, struct numval b);
int	nv_div(struct numval *r, struct numval a, struct numval b);
struct numval nv_int(long long i);
struct numval nv_pow10(int e);
/*
 * Parse ASCII digits with optional thousands groups (',', ' ' or a
 * non-ASCII space between them) and one '.'.
 */
int	nv_parse(struct numval *r, const char *s, size_t n);
/* The value as a plain decimal ("350000000", "0.2", "-8"); out >= 48. */
char	*nv_format(char *out, struct numval v);
/* Compare: -1, 0, 1. */
int	nv_cmp(struct numval a, struct numval b);

#endif
