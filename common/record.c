/* record.c: see record.h and record(5). */
#include <err.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"
#include "scan.h"
#include "utf8.h"
#include "util.h"

/* One thread writes: skip stdio's locks where the C library allows it. */
#ifdef __GLIBC__
#define FWRITE	fwrite_unlocked
#define PUTC	putc_unlocked
#else
#define FWRITE	fwrite
#define PUTC	putc
#endif

extern char *program_invocation_short_name;

struct reader {
	FILE		*fp;
	const char	*name;
	unsigned long	 lineno;
	char		*line;		/* getline's buffer: the raw line */
	size_t		 linecap;
	struct buf	 fields;	/* the line again, split and unescaped */
};

/* Minimum field count and which fields (bit i = field i) must be numbers. */
static const struct {
	int	type;
	int	minf;
	unsigned numeric;
} known[] = {
	{ 'D', 3, 0 },
	{ 'P', 3, 1u << 1 },
	{ 'S', 4, 1u << 1 | 1u << 2 },
	{ 'E', 7, 1u << 1 | 1u << 2 | 1u << 3 },
	{ 'N', 10, 1u << 1 | 1u << 2 | 1u << 3 },
};

struct reader *
rec_open(FILE *fp, const char *name)
{
	static char ibuf[128 * 1024];
	struct reader *rd;

	if (fp == stdin)
		setvbuf(stdin, ibuf, _IOFBF, sizeof(ibuf));
	rd = ecalloc(1, sizeof(*rd));
	rd->fp = fp;
	rd->name = name;
	return rd;
}

void
rec_close(struct reader *rd)
{
	if (rd == NULL)
		return;
	free(rd->line);
	buf_free(&rd->fields);
	free(rd);
}

void
rec_error(const struct reader *rd, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: %s:%lu: ", program_invocation_short_name,
	    rd->name, rd->lineno);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(EXIT_DATA);
}

long
rec_num(const struct field *f)
{
	long n = 0;
	size_t i;

	if (f->len == 0 || f->len > 15)
		return -1;
	for (i = 0; i < f->len; i++) {
		if (f->s[i] < '0' || f->s[i] > '9')
			return -1;
		n = n * 10 + (f->s[i] - '0');
	}
	return n;
}

static int
is_type(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > 8 || s[0] < 'A' || s[0] > 'Z')
		return 0;
	for (i = 1; i < n; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return 0;
	return 1;
}

/* A bad escape in field nf (0-based): exit naming the line. */
static void
bad_escape(struct reader *rd, int nf)
{
	rec_error(rd, "bad escape in field %d "
	    "(only \\\\ \\t \\n \\r are allowed)", nf + 1);
}

/*
 * Split the copy of the line at TABs and unescape each field in place.
 * Fields are found with memchr; only a field holding a backslash is
 * copied down byte by byte.
 */
static void
split(struct reader *rd, struct record *r, char *p, char *end)
{
	char *w, *start, *tab, *bs;

	r->nf = 0;
	for (;;) {
		start = p;
		if ((tab = memchr(p, '\t', (size_t)(end - p))) == NULL)
			tab = end;
		if ((bs = memchr(p, '\\', (size_t)(tab - p))) == NULL)
			w = tab;
		else {
			for (w = p = bs; p < tab; p++) {
				if (*p != '\\') {
					*w++ = *p;
					continue;
				}
				switch (p + 1 < tab ? p[1] : '\0') {
				case '\\': *w++ = '\\'; break;
				case 't': *w++ = '\t'; break;
				case 'n': *w++ = '\n'; break;
				case 'r': *w++ = '\r'; break;
				default: bad_escape(rd, r->nf);
				}
				p++;
			}
		}
		*w = '\0';
		if (r->nf < REC_MAXF) {
			r->f[r->nf].s = start;
			r->f[r->nf].len = (size_t)(w - start);
			r->nf++;
		}
		if (tab == end)
			break;
		p = tab + 1;
	}
}

static void
check_known(struct reader *rd, struct record *r)
{
	size_t i;
	int j;

	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		if (known[i].type != r->type)
			continue;
		if (r->nf < known[i].minf)
			rec_error(rd, "%c record has %d fields, needs %d",
			    r->type, r->nf, known[i].minf);
		if (r->f[0].len == 0)
			rec_error(rd, "%c record has an empty doc_id", r->type);
		for (j = 0; j < r->nf && j < 16; j++)
			if ((known[i].numeric >> j & 1) && rec_num(&r->f[j]) < 0)
				rec_error(rd, "%c record: field %d is not a "
				    "number", r->type, j + 1);
		return;
	}
}

int
rec_read(struct reader *rd, struct record *r)
{
	ssize_t n;
	size_t len, tlen;
	char *tab;

	errno = 0;
	if ((n = getline(&rd->line, &rd->linecap, rd->fp)) < 0) {
		if (ferror(rd->fp))
			err(EXIT_DATA, "%s", rd->name);
		return 0;
	}
	rd->lineno++;
	len = (size_t)n;
	if (len > 0 && rd->line[len - 1] == '\n')
		len--;
	if (len > 0 && rd->line[len - 1] == '\r')	/* tolerate CRLF */
		len--;
	rd->line[len] = '\0';
	r->raw = rd->line;
	r->rawlen = len;
	r->lineno = rd->lineno;
	if (memchr(rd->line, '\0', len) != NULL)
		rec_error(rd, "NUL byte in record");
	if (utf8_valid_prefix(rd->line, len) != len)
		rec_error(rd, "invalid UTF-8 at byte %zu",
		    utf8_valid_prefix(rd->line, len) + 1);
	if (len > 0 && rd->line[0] == '#') {
		r->type = '#';
		r->nf = 0;
		return 1;
	}
	tab = memchr(rd->line, '\t', len);
	tlen = tab ? (size_t)(tab - rd->line) : len;
	if (tab == NULL || !is_type(rd->line, tlen))
		rec_error(rd, "not a record (raw text? run normalize first)");
	r->type = tlen == 1 ? rd->line[0] : '?';
	if (r->type != 'D' && r->type != 'P' && r->type != 'S' &&
	    r->type != 'E' && r->type != 'N')
		r->type = '?';
	buf_reset(&rd->fields);
	buf_add(&rd->fields, tab + 1, len - tlen - 1);
	split(rd, r, rd->fields.s, rd->fields.s + rd->fields.len);
	check_known(rd, r);
	return 1;
}

void
rec_pass(FILE *fp, const struct record *r)
{
	FWRITE(r->raw, 1, r->rawlen, fp);
	PUTC('\n', fp);
}

void
rec_begin(FILE *fp, int type)
{
	PUTC(type, fp);
}

/* Does some byte of w need escaping (backslash, TAB, LF, CR)?  May say
 * yes for other control characters; the caller looks closer. */
static uint64_t
maybe_special(uint64_t w)
{
	return scan_below(w, 0x0e) | scan_byte(w, '\\');
}

static int
special(int c)
{
	return c == '\\' || c == '\t' || c == '\n' || c == '\r';
}

void
rec_field(FILE *fp, const char *s, size_t len)
{
	const char *end = s + len, *p = s;

	PUTC('\t', fp);
	while (p < end) {
		if (p + 8 <= end && !maybe_special(scan_load(p))) {
			p += 8;
			continue;
		}
		if (!special(*p)) {
			p++;
			continue;
		}
		FWRITE(s, 1, (size_t)(p - s), fp);
		PUTC('\\', fp);
		PUTC(*p == '\\' ? '\\' : *p == '\t' ? 't' : *p == '\n' ? 'n' : 'r',
		    fp);
		s = ++p;
	}
	FWRITE(s, 1, (size_t)(p - s), fp);
}

void
rec_ulong(FILE *fp, unsigned long n)
{
	char tmp[24];
	int i = (int)sizeof(tmp);

	do {
		tmp[--i] = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	tmp[--i] = '\t';
	FWRITE(tmp + i, 1, sizeof(tmp) - (size_t)i, fp);
}

void
rec_end(FILE *fp)
{
	PUTC('\n', fp);
}

void
rec_write(FILE *fp, int type, int nf, const struct field *f)
{
	int i;

	rec_begin(fp, type);
	for (i = 0; i < nf; i++)
		rec_field(fp, f[i].s, f[i].len);
	rec_end(fp);
}

void
rec_escape(struct buf *out, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '\\': buf_add(out, "\\\\", 2); break;
		case '\t': buf_add(out, "\\t", 2); break;
		case '\n': buf_add(out, "\\n", 2); break;
		case '\r': buf_add(out, "\\r", 2); break;
		default: buf_addc(out, s[i]);
		}
	}
}
