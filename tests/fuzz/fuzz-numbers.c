/*
 * fuzz-numbers: the number finder on any valid UTF-8 text, one sentence
 * per line, a document's state shared across them as extract-numbers
 * does.  Each mention is a non-empty span of its sentence on code point
 * boundaries, with code point offsets that count to it, in text order,
 * with a noun span inside the sentence, a value that formats as a plain
 * decimal and a date of the contract's forms.
 */
#include <string.h>

#include "fuzz.h"
#include "numbers.h"
#include "utf8.h"

static struct numfinder *nf;

static int
plain_decimal(const char *v)
{
	size_t i = v[0] == '-', digits = 0, dots = 0;

	for (; v[i] != '\0'; i++) {
		if (v[i] == '.')
			dots++;
		else if (v[i] >= '0' && v[i] <= '9')
			digits++;
		else
			return 0;
	}
	return digits > 0 && dots <= 1;
}

static int
date_form(const char *d)
{
	static const char *forms[] = { "dddd-dd-dd", "XXXX-dd-dd", "dddd-dd" };
	size_t i, k;

	for (i = 0; i < 3; i++) {
		if (strlen(d) != strlen(forms[i]))
			continue;
		for (k = 0; forms[i][k] != '\0'; k++)
			if (forms[i][k] == 'd' ? !(d[k] >= '0' && d[k] <= '9') :
			    d[k] != forms[i][k])
				break;
		if (forms[i][k] == '\0')
			return 1;
	}
	return 0;
}

static void
sentence(struct numdoc *doc, const char *s, size_t n)
{
	const struct mention *m;
	char val[48];
	size_t k, i;

	k = num_find(nf, doc, s, n, &m);
	for (i = 0; i < k; i++, m++) {
		FUZZ_ASSERT(m->b < m->e && m->e <= n);
		FUZZ_ASSERT(UTF8_POINT(s[m->b]));
		FUZZ_ASSERT(m->e == n || UTF8_POINT(s[m->e]));
		FUZZ_ASSERT(m->cb == utf8_cpcount(s, m->b));
		FUZZ_ASSERT(m->ce == m->cb + utf8_cpcount(s + m->b,
		    m->e - m->b));
		FUZZ_ASSERT(i == 0 || m[-1].b <= m->b);
		FUZZ_ASSERT(m->nb <= m->ne && m->ne <= n);
		FUZZ_ASSERT(m->nb == m->ne || (UTF8_POINT(s[m->nb]) &&
		    (m->ne == n || UTF8_POINT(s[m->ne]))));
		FUZZ_ASSERT(m->unit != NULL);
		FUZZ_ASSERT(num_kindname(m->kind) != NULL);
		FUZZ_ASSERT(num_qualname(m->qual) != NULL);
		if (m->kind == NK_DATE)
			FUZZ_ASSERT(date_form(m->date));
		else
			FUZZ_ASSERT(plain_decimal(nv_format(val, m->v)));
	}
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_quiet();
	nf = num_open();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data, *p, *end, *eol;
	struct numdoc doc = { 0 };
	size_t n;

	n = utf8_valid_prefix(s, size);
	if (memchr(s, '\0', n) != NULL)
		n = (size_t)((const char *)memchr(s, '\0', n) - s);
	for (p = s, end = s + n; p < end; p = eol + 1) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		sentence(&doc, p, (size_t)(eol - p));
	}
	return 0;
}
