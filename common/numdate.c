/*
 * numdate.c: dates and years for the number finder (see numbers.h):
 * "March 22, 2022", "22 March", "Mar. 22", "the fourth of July",
 * "March 2022", "2022-03-22", "22/03/2022", "05-Aug-2016", "since 9/11".
 * Numeric dates are read day first when the first part is over 12, month
 * first when the second is, else in the order the document's written
 * dates used so far (struct numdoc), US month/day when there were none.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numint.h"

static void
datestr(struct mention *m, int y, int mo, int d)
{
	y = y < 0 || y > 9999 ? 0 : y;		/* callers pass valid parts */
	mo = mo < 0 || mo > 12 ? 0 : mo;
	d = d < 0 || d > 31 ? 0 : d;
	if (d > 0)
		snprintf(m->date, sizeof(m->date), y > 0 ? "%04d-%02d-%02d" :
		    "XXXX-%02d-%02d", y > 0 ? y : mo, y > 0 ? mo : d, d);
	else
		snprintf(m->date, sizeof(m->date), "%04d-%02d", y, mo);
}

int
nf_year_at(const struct numfinder *nf, int k)
{
	long long v = isnum(nf, k) && !nf->t[k].comma && nf->t[k].ndig == 4 ?
	    ival(nf, k) : -1;

	return v >= 1000 && v <= 2999 ? (int)v : 0;
}

/* A day of the month at k (digits, "22nd", "twenty-second"); sets *end. */
static int
day_at(struct numfinder *nf, int k, int *end)
{
	struct numeral nu;
	long long v;

	if (!isfree(nf, k))
		return 0;
	if (isnum(nf, k)) {
		v = nf->t[k].ndig <= 2 ? ival(nf, k) : -1;
		if (v < 1 || v > 31)
			return 0;
		*end = k + 1;
		if (glued(nf, k + 1) && TOK(k + 1)->type == TK_WORD) {
			if (!ord_suffix(numlex_low(nf, k + 1)))
				return 0;
			*end = k + 2;
		}
		return (int)v;
	}
	if (!(roles(nf, k) & (R_CARD | R_ORD)) || TOK(k)->cap ||
	    !nf_numeral(nf, k, 0, &nu) || nu.digit >= 0 ||
	    nv_whole(nu.v) < 1 || nv_whole(nu.v) > 31)
		return 0;
	*end = nu.t1;
	return (int)nv_whole(nu.v);
}

static int
month_at(const struct numfinder *nf, int k)
{
	return roles(nf, k) & R_MONTH && isfree(nf, k) ? TOK(k)->w->month : 0;
}

static int
date_sep(const struct numfinder *nf, int k)
{
	return (issym(nf, k, '-') || issym(nf, k, '/')) && glued(nf, k) &&
	    glued(nf, k + 1);
}

/* "2022-03-22", "22/03/2022", "05-Aug-2016", "Oct/2", "since 9/11". */
static int
compact_date(struct numfinder *nf, struct numdoc *doc, int i)
{
	int p[3], np = 1, k = i, y = 0, mo = 0, d = 0, j, nmon = 0, a, b;
	uint32_t sep = 0;

	p[0] = i;
	while (np < 3 && date_sep(nf, k + 1) && (!sep ||
	    TOK(k + 1)->cp == sep) && (isnum(nf, k + 2) ||
	    month_at(nf, k + 2))) {
		sep = TOK(k + 1)->cp;
		p[np++] = k + 2;
		k += 2;
	}
	if (np < 2 || date_sep(nf, k + 1) || (glued(nf, k + 1) &&
	    TOK(k + 1)->type != TK_SYM))
		return 0;
	for (j = 0; j < np; j++) {
		if (month_at(nf, p[j])) {
			mo = month_at(nf, p[j]);
			nmon++;
		} else if (nf_year_at(nf, p[j]))
			y = nf_year_at(nf, p[j]);
		else if (TOK(p[j])->ndig <= 2 && ival(nf, p[j]) >= 0)
			continue;
		else
			return 0;
	}
	if (nmon == 1) {
		for (j = 0; j < np; j++)
			if (!month_at(nf, p[j]) && !nf_year_at(nf, p[j]))
				d = (int)ival(nf, p[j]);
		if (d < 1 || d > 31 || (np == 3 && !y))
			return 0;
	} else if (nmon > 1) {
		return 0;
	} else if (np == 3 && nf_year_at(nf, p[0])) {
		mo = (int)ival(nf, p[1]);
		d = (int)ival(nf, p[2]);
	} else {
		a = (int)ival(nf, p[0]);
		b = (int)ival(nf, p[1]);
		if (np == 3) {
			if (!(y = nf_year_at(nf, p[2]))) {
				if (sep != '/' || TOK(p[2])->ndig != 2)
					return 0;
				y = (int)ival(nf, p[2]);
				y += y <= 30 ? 2000 : 1900;
			}
		} else if (!(roles(nf, i - 1) & R_WEEKDAY) && (sep != '/' ||
		    !(isw(nf, i - 1, "on") || isw(nf, i - 1, "since") ||
		    isw(nf, i - 1, "by") || isw(nf, i - 1, "until") ||
		    isw(nf, i - 1, "this") || (a <= 12 && b > 12 && b != 16))))
			return 0;	/* 9/11 after "on", 11/20; 1/16 is a fraction */
		if (a > 12 || (b <= 12 && doc->dayfirst > 0)) {
			d = a;
			mo = b;
		} else {
			mo = a;
			d = b;
		}
	}
	if (mo < 1 || mo > 12 || d < 1 || d > 31)
		return 0;
	datestr(nf_add(nf, i, k + 1, NK_DATE, nv_int(0), NULL, 0), y, mo, d);
	return 1;
}

/* A number word 10-99 at k ("nineteen", "eighty-six", "eighty six"). */
static int
two_digits(const struct numfinder *nf, int k, int *end)
{
	int c, j = k + 1;

	if (!isfree(nf, k) || !(roles(nf, k) & R_CARD) ||
	    (c = TOK(k)->w->card) < 10 || c >= 100 || TOK(k)->cap)
		return 0;
	*end = j;
	if (c >= 20 && c % 10 == 0) {
		if (isdash(nf, j) && glued(nf, j))
			j++;
		if (roles(nf, j) & R_CARD && TOK(j)->w->card > 0 &&
		    TOK(j)->w->card < 10) {
			c += TOK(j)->w->card;
			*end = j + 1;
		}
	}
	return c;
}

/*
 * A year in words after a date: "nineteen eighty-six", "nineteen
 * hundred ninety three", "two thousand and thirty two"; or 0.
 */
static int
spelled_year(const struct numfinder *nf, int k, int *end)
{
	int a, b, j;

	if (isw(nf, k, "two") && isw(nf, k + 1, "thousand")) {
		j = isw(nf, k + 2, "and") ? k + 3 : k + 2;
		if ((b = two_digits(nf, j, end)) > 0)
			return 2000 + b;
		if (roles(nf, j) & R_CARD && TOK(j)->w->card < 10 &&
		    TOK(j)->w->card > 0) {
			*end = j + 1;
			return 2000 + TOK(j)->w->card;
		}
		*end = k + 2;
		return 2000;
	}
	if ((a = two_digits(nf, k, &j)) < 10 || a > 29)
		return 0;
	if (isw(nf, j, "hundred")) {
		j = isw(nf, j + 1, "and") ? j + 2 : j + 1;
		b = two_digits(nf, j, end);
		if (b == 0 && roles(nf, j) & R_CARD && TOK(j)->w->card < 10) {
			b = TOK(j)->w->card;
			*end = j + 1;
		} else if (b == 0)
			*end = j;
		return a * 100 + b;
	}
	if ((b = two_digits(nf, j, end)) > 0)
		return a * 100 + b;
	return 0;
}

/* ", 2022", " 2022", " of 2022" after a day; sets *end past the year. */
static int
year_after(const struct numfinder *nf, int k, int *end)
{
	int y;

	if ((issym(nf, k, ',') || isw(nf, k, "of") || isw(nf, k, "in")) &&
	    (y = nf_year_at(nf, k + 1))) {
		*end = k + 2;
		return y;
	}
	if ((y = spelled_year(nf, k, end)))
		return y;
	if ((y = nf_year_at(nf, k)) && !glued(nf, k)) {
		*end = k + 1;
		return y;
	}
	return 0;
}

/* The value of the n (at most 9) ASCII digits at s; atoi would read on
 * past the sentence when it ends in them. */
static int
digits(const char *s, size_t n)
{
	int v = 0;

	while (n-- > 0 && *s >= '0' && *s <= '9')
		v = v * 10 + (*s++ - '0');
	return v;
}

/* "Friday 7.6": month.day after a weekday (US order). */
static int
weekday_dotted(struct numfinder *nf, int i)
{
	const struct tok *t = TOK(i);
	size_t nd = t->e - t->b - (size_t)t->ndig - 1;
	int mo, d;

	if (!(roles(nf, i - 1) & R_WEEKDAY) || t->intg || t->comma || t->sci ||
	    t->ndig < 1 || t->ndig > 2 || nd < 1 || nd > 2 ||
	    (glued(nf, i + 1) && TOK(i + 1)->type != TK_SYM))
		return 0;
	mo = digits(nf->s + t->b, (size_t)t->ndig);
	d = digits(nf->s + t->b + t->ndig + 1, nd);
	if (mo < 1 || mo > 12 || d < 1 || d > 31)
		return 0;
	datestr(nf_add(nf, i, i + 1, NK_DATE, nv_int(0), NULL, 0), 0, mo, d);
	return 1;
}

int
nf_try_date(struct numfinder *nf, struct numdoc *doc, int i)
{
	int mo, d, y, k, end, dot;
	const struct tok *t = TOK(i);

	if (isnum(nf, i) && weekday_dotted(nf, i))
		return 1;
	if ((isnum(nf, i) || month_at(nf, i)) && compact_date(nf, doc, i))
		return 1;
	/* the rules below all need a month (month_at()); day_at() only
	 * reads */
	if (!(nf->rall & R_MONTH))
		return 0;
	if ((mo = month_at(nf, i))) {
		/* March 22, 2022; Mar. 22; March 2022 */
		if (!t->cap && (mo == 3 || mo == 5))
			return 0;
		dot = issym(nf, i + 1, '.') && glued(nf, i + 1);
		k = i + 1 + dot;
		/* "October, 1st": a comma only before a suffixed day */
		if (!dot && issym(nf, k, ',') && isnum(nf, k + 1) &&
		    glued(nf, k + 2) && TOK(k + 1)->ndig <= 2 &&
		    in(nf, k + 2) && TOK(k + 2)->type == TK_WORD &&
		    ord_suffix(numlex_low(nf, k + 2)))
			k++;
		if ((d = day_at(nf, k, &end))) {
			y = year_after(nf, end, &end);
			doc->dayfirst--;
			datestr(nf_add(nf, i, end, NK_DATE, nv_int(0), NULL, 0),
			    y, mo, d);
			return 1;
		}
		if (t->cap && (y = year_after(nf, k, &end)) &&
		    !issym(nf, k, ',') && !isw(nf, k, "of")) {
			datestr(nf_add(nf, i, end, NK_DATE, nv_int(0), NULL, 0),
			    y, mo, 0);
			return 1;
		}
		return 0;
	}
	/* 22 March 2022; 21 March; the fourth of July */
	if (!(d = day_at(nf, i, &k)))
		return 0;
	if (isw(nf, k, "day") && isw(nf, k + 1, "of"))
		k++;			/* the twenty-third day of September */
	if (isw(nf, k, "of"))
		k++;
	if (!(mo = month_at(nf, k)) || glued(nf, k))
		return 0;
	end = k + 1;
	if (issym(nf, end, '.') && glued(nf, end))
		end++;
	y = year_after(nf, end, &end);
	doc->dayfirst++;
	datestr(nf_add(nf, i, end, NK_DATE, nv_int(0), NULL, 0), y, mo, d);
	return 1;
}

