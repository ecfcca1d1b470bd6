/*
 * numdate.c: dates and years for the number finder (see numbers.h):
 * "March 22, 2022", "22 March", "Mar. 22", "the fourth of July",
 * "March 2022", "2022-03-22", "22/03/2022", "05-Aug-2016", "since 9/11".
 * Numeric dates are read day first when the first part is over 12, month
 * first when the second is, else in the order the document's written
 * dates used so far (struct numdoc), US month/day when there were none.
 */
#include <stdio.h>
#include <string.h>

#include "numint.h"

static void
datestr(struct mention *m, int y, int mo, int d)
{
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
		} else if (sep != '/' || !(isw(nf, i - 1, "on") ||
		    isw(nf, i - 1, "since") || isw(nf, i - 1, "by") ||
		    isw(nf, i - 1, "until") || isw(nf, i - 1, "this") ||
		    roles(nf, i - 1) & R_WEEKDAY))
			return 0;
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

/* ", 2022", " 2022", " of 2022" after a day; sets *end past the year. */
static int
year_after(const struct numfinder *nf, int k, int *end)
{
	int y;

	if ((issym(nf, k, ',') || isw(nf, k, "of")) && (y = nf_year_at(nf, k + 1))) {
		*end = k + 2;
		return y;
	}
	if ((y = nf_year_at(nf, k)) && !glued(nf, k)) {
		*end = k + 1;
		return y;
	}
	return 0;
}

int
nf_try_date(struct numfinder *nf, struct numdoc *doc, int i)
{
	int mo, d, y, k, end, dot;
	const struct tok *t = TOK(i);

	if ((isnum(nf, i) || month_at(nf, i)) && compact_date(nf, doc, i))
		return 1;
	if ((mo = month_at(nf, i))) {
		/* March 22, 2022; Mar. 22; March 2022 */
		if (!t->cap && (mo == 3 || mo == 5))
			return 0;
		dot = issym(nf, i + 1, '.') && glued(nf, i + 1);
		k = i + 1 + dot;
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

