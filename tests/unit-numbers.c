/*
 * unit-numbers.c: unit tests of the number finder's parts: exact decimal
 * values, the word-number parser and the date parser (through num_find
 * on one-sentence inputs).
 */
#include <stdio.h>
#include <string.h>

#include "numbers.h"
#include "unit.h"

static struct numfinder *nf;

/* The first mention of s as "kind text value unit qualifier noun". */
static const char *
first(const char *s)
{
	static char out[256];
	const struct mention *m;
	struct numdoc doc = { 0 };
	char v[48];

	if (num_find(nf, &doc, s, strlen(s), &m) == 0)
		return "none";
	snprintf(out, sizeof(out), "%s %.*s %s %s %s %.*s",
	    num_kindname(m->kind), (int)(m->e - m->b), s + m->b,
	    m->kind == NK_DATE ? m->date : nv_format(v, m->v), m->unit,
	    num_qualname(m->qual), (int)(m->ne - m->nb), s + m->nb);
	return out;
}

static size_t
count(const char *s)
{
	const struct mention *m;
	struct numdoc doc = { 0 };

	return num_find(nf, &doc, s, strlen(s), &m);
}

#define T(s, want)	test_str(s, first(s), strlen(first(s)), want)

static void
values(void)
{
	struct numval v;
	char b[48];

	nv_parse(&v, "1,234,567.50", 12);
	test_cond("nv_parse separators", strcmp(nv_format(b, v), "1234567.5") == 0);
	nv_mul(&v, v, nv_pow10(3));
	test_cond("nv_mul by 10^3", strcmp(nv_format(b, v), "1234567500") == 0);
	nv_div(&v, nv_int(1), nv_int(3));
	test_cond("a third has ten decimals",
	    strcmp(nv_format(b, v), "0.3333333333") == 0);
	nv_div(&v, nv_int(2), nv_int(3));
	test_cond("two thirds rounds", strcmp(nv_format(b, v), "0.6666666667") == 0);
	nv_div(&v, nv_int(1), nv_int(5));
	test_cond("a fifth is exact", strcmp(nv_format(b, v), "0.2") == 0);
	nv_div(&v, nv_int(1), nv_int(121));
	test_cond("1/121 keeps ten significant digits",
	    strcmp(nv_format(b, v), "0.008264462810") == 0 ||
	    strcmp(nv_format(b, v), "0.00826446281") == 0);
	nv_div(&v, nv_int(1), nv_pow10(12));
	test_cond("a trillionth is not zero",
	    strcmp(nv_format(b, v), "0.000000000001") == 0);
	nv_div(&v, nv_pow10(12), nv_int(3));
	test_cond("big quotients keep their digits",
	    strcmp(nv_format(b, v), "333333333333.333333") == 0);
	nv_parse(&v, "1 234\xe2\x80\xaf" "567", 11);
	test_cond("nv_parse space groups", strcmp(nv_format(b, v), "1234567") == 0);
	nv_parse(&v, "1.2", 3);
	nv_mul(&v, v, nv_pow10(9));
	test_cond("1.2 billion is exact", strcmp(nv_format(b, v), "1200000000") == 0);
	v = nv_int(-8);
	test_cond("negative", strcmp(nv_format(b, v), "-8") == 0);
	nv_parse(&v, "0.08", 4);
	test_cond("leading zeros", strcmp(nv_format(b, v), "0.08") == 0);
	test_cond("nv_cmp", nv_cmp(nv_int(20), nv_int(3)) > 0 &&
	    nv_cmp(nv_int(3), nv_int(3)) == 0);
}

static void
words(void)
{
	T("twenty-one", "cardinal twenty-one 21  exact ");
	T("one hundred and five", "cardinal one hundred and five 105  exact ");
	T("Three hundred and thirty one", "cardinal Three hundred and thirty one 331  exact ");
	T("two thousand and two hundred", "cardinal two thousand and two hundred 2200  exact ");
	T("a dozen eggs", "cardinal a dozen 12  exact eggs");
	T("three dozens", "cardinal three dozens 36  exact ");
	T("half a million people", "cardinal half a million 500000  exact people");
	T("two and a half years", "duration two and a half years 2.5 year exact ");
	T("3 million and a half", "cardinal 3 million and a half 3500000  exact ");
	T("five and a half million", "cardinal five and a half million 5500000  exact ");
	T("twenty-one trillion", "cardinal twenty-one trillion 21000000000000  exact ");
	T("4 thousand 3 hundred and 21", "cardinal 4 thousand 3 hundred and 21 4321  exact ");
	T("two thirds", "fraction two thirds 0.6666666667  exact ");
	T("one-fifth", "fraction one-fifth 0.2  exact ");
	T("five - eighths", "fraction five - eighths 0.625  exact ");
	T("one hundred and three quarters", "cardinal one hundred and three quarters 100.75  exact ");
	T("twenty-first", "ordinal twenty-first 21  exact ");
	T("the 21st century", "ordinal 21st 21  exact century");
	T("minus five", "cardinal minus five -5  exact ");
	T("1.5bn", "cardinal 1.5bn 1500000000  exact ");
	T("10M", "cardinal 10M 10000000  exact ");
	T("tens of thousands of people", "cardinal tens of thousands 10000  over people");
	T("more than half", "fraction half 0.5  over ");
	T("1 234 567 people", "cardinal 1 234 567 1234567  exact people");
	T("40\xe2\x80\xaf" "000", "cardinal 40\xe2\x80\xaf" "000 40000  exact ");
	T("12,34,567.89", "cardinal 12,34,567.89 1234567.89  exact ");
	T("in 2014 100 people died", "year 2014 2014  exact ");
	test_cond("space groups need three digits", count("in 2014 100 people") == 2);
	T("1.3e6", "cardinal 1.3e6 1300000  exact ");
	T("-12e-1", "cardinal -12e-1 -1.2  exact ");
	T("6.23x10^-4", "cardinal 6.23x10^-4 0.000623  exact ");
	T("a twenty-first", "fraction a twenty-first 0.04761904762  exact ");
	T("one twenty-fifth", "fraction one twenty-fifth 0.04  exact ");
	T("three twenty-firsts", "fraction three twenty-firsts 0.1428571429  exact ");
	T("twenty-fifths", "none");
	T("a trillionth", "fraction a trillionth 0.000000000001  exact ");
	T("a hundred thousand trillionths", "fraction a hundred thousand trillionths 0.0000001  exact ");
	T("three trillionth", "ordinal three trillionth 3000000000000  exact ");
	T("two and fifty-four hundredths", "cardinal two and fifty-four hundredths 2.54  exact ");
	T("one hundred and thirty fifths", "fraction one hundred and thirty fifths 26  exact ");
	T("3 hundred and 2 hundred", "cardinal 3 hundred 300  exact ");
	test_cond("and a new hundred starts a number",
	    count("3 hundred and 2 hundred") == 2);
	T("322 hundred", "cardinal 322 hundred 32200  exact ");
	T("2.12 hundred", "cardinal 2.12 hundred 212  exact ");
	T("Rs 3 lakh crore", "money Rs 3 lakh crore 3000000000000 INR exact ");
	T("more than half people came", "fraction half 0.5  over ");
	T("losses of 30 MUSD", "money 30 MUSD 30000000 USD exact ");
	T("revenue of MEUR 120", "money MEUR 120 120000000 EUR exact ");
	T("thirteen dollars forty five", "money thirteen dollars forty five 13.45 USD exact ");
	T("It costs 15 dollars and 50.", "money 15 dollars and 50 15.5 USD exact ");
	test_cond("cents only last in a clause",
	    count("15 dollars 50 people") == 2);
	T("a one-yen bid", "money one-yen 1 JPY exact ");
	T("a 100-euro note", "money 100-euro 100 EUR exact ");
	T("one of them", "none");
	T("no one came", "none");
	T("Which one do you prefer?", "none");
	T("One soldier died.", "cardinal One 1  exact soldier");
	test_cond("sixteen alone", count("sixteen") == 1);
	test_cond("Article Five is a name", count("under Article Five of") == 0);
}

static void
dates(void)
{
	T("March 22, 2022", "date March 22, 2022 2022-03-22  exact ");
	T("on 21 March", "date 21 March XXXX-03-21  exact ");
	T("on Mar. 22", "date Mar. 22 XXXX-03-22  exact ");
	T("2022-03-22", "date 2022-03-22 2022-03-22  exact ");
	T("22/03/2022", "date 22/03/2022 2022-03-22  exact ");
	T("3/22/2022", "date 3/22/2022 2022-03-22  exact ");
	T("in March 2022", "date March 2022 2022-03  exact ");
	T("the fourth of July", "date fourth of July XXXX-07-04  exact ");
	T("04th Jan 2019", "date 04th Jan 2019 2019-01-04  exact ");
	T("05-Aug-2016", "date 05-Aug-2016 2016-08-05  exact ");
	T("in 2014", "year 2014 2014  exact ");
	T("the 2022 invasion", "year 2022 2022  exact ");
	T("2000 people", "cardinal 2000 2000  exact people");
	T("they may 20", "cardinal 20 20  exact ");
	T("on Friday", "none");
	T("born on January twenty five nineteen eighty six",
	    "date January twenty five nineteen eighty six 1986-01-25  exact ");
	T("On fifteen August nineteen hundred ninety three",
	    "date fifteen August nineteen hundred ninety three 1993-08-15  exact ");
	T("on january first two thousand and thirty two",
	    "date january first two thousand and thirty two 2032-01-01  exact ");
	T("on 28 June in 2020", "date 28 June in 2020 2020-06-28  exact ");
	T("for October, 1st.", "date October, 1st XXXX-10-01  exact ");
	T("the twenty third day of September",
	    "date twenty third day of September XXXX-09-23  exact ");
	T("on Friday 7.6 with", "date 7.6 XXXX-07-06  exact ");
	T("on Friday 7-6 with", "date 7-6 XXXX-07-06  exact ");
	T("2/29", "date 2/29 XXXX-02-29  exact ");
	T("1/16 of an inch", "fraction 1/16 0.0625  exact ");
	T("rose 7.6 percent on Friday", "percent 7.6 percent 7.6 % exact ");
}

int
main(void)
{
	nf = num_open();
	values();
	words();
	dates();
	num_close(nf);
	return test_report();
}
