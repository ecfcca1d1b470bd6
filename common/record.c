/* record.c: see record.h and record(5). */
#include <err.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "record.h"
#include "scan.h"

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif
#include "utf8.h"
#include "util.h"

extern char *program_invocation_short_name;

#define RD_BUFSIZE	(256 * 1024)	/* first input buffer; grows for longer lines */

/*
 * The reader reads big blocks into its own buffer and cuts lines out of
 * it in place (getline would copy each line once more).  Lines are read
 * with read(2) on fp's descriptor, which returns what a pipe holds without
 * waiting for a full block, so records flow through a pipeline as they
 * come; a stream without a descriptor (fmemopen) is read with fread.
 */
struct reader {
	FILE		*fp;
	int		 fd;		/* fileno(fp), or -1: use fread */
	int		 eof;
	const char	*name;
	unsigned long	 lineno;
	char		*in;		/* input buffer, cap bytes */
	size_t		 cap;
	size_t		 start;		/* the next line starts at in + start */
	size_t		 scanned;	/* no LF in in[start..scanned) */
	size_t		 fill;		/* bytes read into in */
	struct buf	 fields;	/* the fields, split and unescaped */
};

/* Minimum field count and which fields (bit i = field i) must be numbers. */
static const struct known {
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
	struct reader *rd;

	rd = ecalloc(1, sizeof(*rd));
	rd->fp = fp;
	rd->fd = fileno(fp);
	rd->name = name;
	rd->cap = RD_BUFSIZE;
	rd->in = emalloc(rd->cap);
	return rd;
}

void
rec_close(struct reader *rd)
{
	if (rd == NULL)
		return;
	free(rd->in);
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
 * The next line, NUL-terminated in place of its LF, or NULL at the end of
 * the input; *lenp is its length without the LF.  The line stays where it
 * is in the buffer until the next call.
 */
static char *
next_line(struct reader *rd, size_t *lenp)
{
	char *line, *nl;
	ssize_t n;

	for (;;) {
		nl = memchr(rd->in + rd->scanned, '\n', rd->fill - rd->scanned);
		if (nl != NULL || (rd->eof && rd->start < rd->fill)) {
			if (nl == NULL)		/* a last line without LF */
				nl = rd->in + rd->fill;
			line = rd->in + rd->start;
			*lenp = (size_t)(nl - line);
			*nl = '\0';		/* fill < cap: room for it */
			rd->start = rd->scanned = (size_t)(nl - rd->in) +
			    (nl < rd->in + rd->fill);
			return line;
		}
		if (rd->eof)
			return NULL;
		rd->scanned = rd->fill;
		/* Move the partial line to the front; grow the buffer when
		 * it is more than half full of one line. */
		if (rd->start > 0) {
			memmove(rd->in, rd->in + rd->start,
			    rd->fill - rd->start);
			rd->fill -= rd->start;
			rd->scanned -= rd->start;
			rd->start = 0;
		}
		if (rd->fill > rd->cap / 2) {
			if (rd->cap > (size_t)-1 / 4)
				errx(EXIT_DATA, "%s:%lu: line too long",
				    rd->name, rd->lineno + 1);
			rd->cap *= 2;
			rd->in = erealloc(rd->in, rd->cap);
		}
		/* One byte stays free for the NUL after a last line. */
		if (rd->fd >= 0) {
			do
				n = read(rd->fd, rd->in + rd->fill,
				    rd->cap - 1 - rd->fill);
			while (n < 0 && errno == EINTR);
		} else {
			n = (ssize_t)fread(rd->in + rd->fill, 1,
			    rd->cap - 1 - rd->fill, rd->fp);
			if (n == 0 && ferror(rd->fp))
				n = -1;
		}
		if (n < 0)
			err(EXIT_DATA, "%s", rd->name);
		if (n == 0)
			rd->eof = 1;
		rd->fill += (size_t)n;
	}
}

/*
 * Split the copy of the line at TABs and unescape each field in place.
 * Fields are found with memchr; only a field holding a backslash is
 * copied down byte by byte.  The careful path, for lines the fast one
 * (split_fast) turned down: it finds the first problem and names it.
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

/*
 * The bytes split_fast stops at: NUL and TAB (and harmlessly the other
 * controls below LF, which it then copies), backslash, and every byte of
 * a multi-byte UTF-8 sequence.  Take a byte b with no borrow coming in:
 * b - 0x0a has its high bit set when b < LF (or b >= 0x8a); b itself when
 * b >= 0x80; (b ^ 0x5c) - 1 when b is a backslash (or b >= 0x80).  So
 * below the lowest stop byte no bit is set and nothing borrows, and the
 * lowest set bit marks the first stop exactly (bits above may be false).
 */
static inline uint64_t
stop_mask(uint64_t x)
{
	return ((x - SCAN_ONES * '\n') | x |
	    ((x ^ (SCAN_ONES * '\\')) - SCAN_ONES)) & SCAN_HIGHS;
}


#ifndef SCAN_LOWBYTE
/*
 * Index of the first stop byte (below LF, a backslash, not ASCII) of the
 * word at p, which holds one: without the builtin, byte by byte.
 */
static inline size_t
first_stop(const char *p)
{
	size_t k;

	for (k = 0; (unsigned char)p[k] >= '\n' && p[k] != '\\' &&
	    (unsigned char)p[k] < 0x80; k++)
		;
	return k;
}
#endif

/* End field number *nf at w (its text starts at start). */
static inline void
cut_field(struct record *r, int *nf, char *start, char *w)
{
	*w = '\0';
	if (*nf < REC_MAXF) {
		r->f[*nf].s = start;
		r->f[*nf].len = (size_t)(w - start);
		(*nf)++;
	}
}

/*
 * The fast path of rec_read: copy the fields p[0..end) (the line after
 * its type and TAB) into the field buffer, split at TABs, unescaped and
 * NUL-terminated, checking on the way that the bytes are valid UTF-8
 * without NUL and the escapes are good.  Eight bytes are copied at a
 * time; the TABs among them are cut in place, and only the other stop
 * bytes (stop_mask) are handled one by one.  Returns 0 at the first
 * problem without saying which: the caller then runs the careful checks.
 */
static int
split_fast(struct reader *rd, struct record *r, const char *p,
    const char *end)
{
	char *w, *start;
	uint64_t x, m;
	uint32_t cp;
	size_t k;
	int nf = 0;
#ifdef SCAN_LOWBYTE
	const char *p0 = p;
	size_t tail;
#endif

	/* The output never runs ahead of the input (an escape shrinks to
	 * one byte), so a whole word stored at w while p + 8 <= end stays
	 * inside room for end - p bytes. */
	rd->fields.len = 0;
	if (rd->fields.cap <= (size_t)(end - p))
		buf_grow(&rd->fields, (size_t)(end - p));
	w = start = rd->fields.s;
	for (;;) {
#if defined(__SSE2__) && defined(__GNUC__)
		/*
		 * x86_64 always has SSE2: sixteen bytes a step, the stop
		 * bytes flagged exactly (v <= 9 when min(v, 9) is v; the
		 * sign bit for 0x80 and above), so every flagged byte is a
		 * stop.  The SWAR loop below takes the rest of the line.
		 */
		while (end - p >= 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)
			    (const void *)p);
			unsigned sm;

			_mm_storeu_si128((__m128i *)(void *)w, v);
			sm = (unsigned)_mm_movemask_epi8(_mm_or_si128(
			    _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(9)), v),
			    _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')))) |
			    (unsigned)_mm_movemask_epi8(v);
			for (; sm != 0; sm &= sm - 1) {
				if (p[k = (size_t)__builtin_ctz(sm)] != '\t')
					break;
				cut_field(r, &nf, start, w + k);
				start = w + k + 1;
			}
			if (sm == 0) {
				p += 16;
				w += 16;
				continue;
			}
			p += k;
			w += k;
			goto stop;
		}
#endif
		while (end - p >= 8) {
			x = scan_load(p);
			memcpy(w, &x, sizeof(x));
			if ((m = stop_mask(x)) == 0) {
				p += 8;
				w += 8;
				continue;
			}
#ifdef SCAN_LOWBYTE
			/* Below a TAB nothing borrows (stop_mask), so the next
			 * set bit is the next stop again. */
			while (p[k = scan_lowbyte(m)] == '\t') {
				cut_field(r, &nf, start, w + k);
				start = w + k + 1;
				if ((m &= m - 1) == 0)
					break;
			}
			if (m == 0) {
				p += 8;
				w += 8;
				continue;
			}
#else
			k = first_stop(p);
#endif
			p += k;
			w += k;
			goto stop;
		}
		if (p == end)
			break;
#ifdef SCAN_LOWBYTE
		/* Fewer than 8 bytes left: test the word that ends the
		 * line, its bytes before p masked off. */
		if (end - p0 >= 8) {
			tail = (size_t)(end - p);
			m = stop_mask(scan_load(end - 8)) &
			    (~(uint64_t)0 << 8 * (8 - tail));
			for (k = 0; k < tail; k++)
				w[k] = p[k];
			while (m != 0 &&
			    (end - 8)[k = scan_lowbyte(m)] == '\t') {
				k -= 8 - tail;
				cut_field(r, &nf, start, w + k);
				start = w + k + 1;
				m &= m - 1;
			}
			if (m == 0) {
				w += tail;
				break;
			}
			k = scan_lowbyte(m) - (8 - tail);
			p += k;
			w += k;
		}
#endif
stop:
		if (*p == '\t') {
			cut_field(r, &nf, start, w);
			start = ++w;
			p++;
		} else if ((unsigned char)*p >= 0x80) {
			if ((k = (size_t)utf8_decode(p, (size_t)(end - p),
			    &cp)) == 0)
				return 0;
			while (k-- > 0)
				*w++ = *p++;
		} else if (*p == '\\') {
			switch (end - p < 2 ? '\0' : p[1]) {
			case '\\': *w++ = '\\'; break;
			case 't': *w++ = '\t'; break;
			case 'n': *w++ = '\n'; break;
			case 'r': *w++ = '\r'; break;
			default: return 0;
			}
			p += 2;
		} else if (*p == '\0')
			return 0;
		else				/* a control byte, or ']' */
			*w++ = *p++;
	}
	cut_field(r, &nf, start, w);
	r->nf = nf;
	rd->fields.len = (size_t)(w - rd->fields.s);
	return 1;
}

/* The entry of known[] for record type t, or NULL. */
static const struct known *
known_type(int t)
{
	size_t i;

	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (known[i].type == t)
			return &known[i];
	return NULL;
}

unsigned
rec_numeric(int type)
{
	const struct known *k = known_type(type);

	return k != NULL ? k->numeric : 0;
}

/* The field count and numbers of a known record type. */
static void
check_known(struct reader *rd, struct record *r)
{
	const struct known *k;
	int j;

	if ((k = known_type(r->type)) == NULL)
		return;
	if (r->nf < k->minf)
		rec_error(rd, "%c record has %d fields, needs %d",
		    r->type, r->nf, k->minf);
	if (r->f[0].len == 0)
		rec_error(rd, "%c record has an empty doc_id", r->type);
	for (j = 0; j < r->nf && j < 16; j++)
		if ((k->numeric >> j & 1) && rec_num(&r->f[j]) < 0)
			rec_error(rd, "%c record: field %d is not a "
			    "number", r->type, j + 1);
}

/* The record type of a line whose type field is s[0..tlen): '?' when it
 * is none of known[]. */
static int
type_of(const char *s, size_t tlen)
{
	return tlen == 1 && known_type(s[0]) != NULL ? s[0] : '?';
}

/*
 * The careful path of rec_read, for comments and for the lines the fast
 * path turned down: every check in turn, so the first problem of the line
 * is the one named.
 */
static void
read_careful(struct reader *rd, struct record *r, char *line, size_t len)
{
	size_t tlen;
	char *tab;

	if (memchr(line, '\0', len) != NULL)
		rec_error(rd, "NUL byte in record");
	if (utf8_valid_prefix(line, len) != len)
		rec_error(rd, "invalid UTF-8 at byte %zu",
		    utf8_valid_prefix(line, len) + 1);
	if (len > 0 && line[0] == '#') {
		r->type = '#';
		r->nf = 0;
		return;
	}
	tab = memchr(line, '\t', len);
	tlen = tab ? (size_t)(tab - line) : len;
	if (tab == NULL || !is_type(line, tlen))
		rec_error(rd, "not a record (raw text? run normalize first)");
	r->type = type_of(line, tlen);
	buf_reset(&rd->fields);
	buf_add(&rd->fields, tab + 1, len - tlen - 1);
	split(rd, r, rd->fields.s, rd->fields.s + rd->fields.len);
}

int
rec_read(struct reader *rd, struct record *r)
{
	size_t len, tlen;
	char *line;

	if ((line = next_line(rd, &len)) == NULL)
		return 0;
	rd->lineno++;
	if (len > 0 && line[len - 1] == '\r')	/* tolerate CRLF */
		line[--len] = '\0';
	r->raw = line;
	r->rawlen = len;
	r->lineno = rd->lineno;
	/* The type: at most 8 bytes before the first TAB; mostly one. */
	if (len >= 2 && line[1] == '\t' && line[0] >= 'A' && line[0] <= 'Z')
		tlen = 1;
	else
		for (tlen = 0; tlen < len && tlen < 9 && line[tlen] != '\t';
		    tlen++)
			;
	if (tlen < len && line[tlen] == '\t' && is_type(line, tlen) &&
	    split_fast(rd, r, line + tlen + 1, line + len))
		r->type = type_of(line, tlen);
	else
		read_careful(rd, r, line, len);
	check_known(rd, r);
	return 1;
}

void
rec_pass(FILE *fp, const struct record *r)
{
	out_write(fp, r->raw, r->rawlen);
	out_putc(fp, '\n');
}

void
rec_begin(FILE *fp, int type)
{
	out_putc(fp, type);
}

/*
 * Might some byte of x need escaping (backslash, TAB, LF, CR)?  Flags
 * every byte below 0x0e (the caller looks closer) and backslashes: for a
 * byte b below 0x80 with no borrow coming in, b - 0x0e has its high bit
 * set when b < 0x0e, and (b ^ 0x5c) - 1 when b is a backslash; bytes of
 * 0x80 or more are masked out by ~x.  So the lowest flagged byte is a
 * true one, as in stop_mask.
 */
static inline uint64_t
maybe_special(uint64_t x)
{
	return ((x - SCAN_ONES * 0x0e) | ((x ^ (SCAN_ONES * '\\')) -
	    SCAN_ONES)) & ~x & SCAN_HIGHS;
}

static inline int
special(int c)
{
	return c == '\\' || c == '\t' || c == '\n' || c == '\r';
}

/* Index of the first byte below 0x0e or backslash in the word at p, given
 * its mask m (non-zero): its lowest set bit where the machine allows. */
static inline size_t
first_special(const char *p, uint64_t m)
{
#ifdef SCAN_LOWBYTE
	(void)p;
	return scan_lowbyte(m);
#else
	size_t k;

	(void)m;
	for (k = 0; (unsigned char)p[k] >= 0x0e && p[k] != '\\'; k++)
		;
	return k;
#endif
}

/*
 * Can s[0..len) be written as it is?  Most fields can.  Whole words,
 * the last one loaded to end at s + len (its bytes before that were
 * seen already, and were plain).  May say no for a field holding other
 * control bytes.
 */
static inline int
plain_field(const char *s, size_t len)
{
	size_t i;

	if (len < 8) {
		for (i = 0; i < len; i++)
			if ((unsigned char)s[i] < 0x0e || s[i] == '\\')
				return 0;
		return 1;
	}
	for (i = 0; i + 16 <= len; i += 16)
		if (maybe_special(scan_load(s + i)) |
		    maybe_special(scan_load(s + i + 8)))
			return 0;
	if (i + 8 <= len) {
		if (maybe_special(scan_load(s + i)))
			return 0;
		i += 8;
	}
	return i == len || !maybe_special(scan_load(s + len - 8));
}

/* The runs between bytes that need escaping are written in one go. */
void
rec_field(FILE *fp, const char *s, size_t len)
{
	const char *end = s + len, *p = s;
	char esc[2] = { '\\', 0 };
	uint64_t m;

	out_putc(fp, '\t');
	if (plain_field(s, len)) {
		out_write(fp, s, len);
		return;
	}
	while (p < end) {
		if (end - p >= 8) {
			if ((m = maybe_special(scan_load(p))) == 0) {
				p += 8;
				continue;
			}
			p += first_special(p, m);
		}
		if (!special(*p)) {
			p++;
			continue;
		}
		out_write(fp, s, (size_t)(p - s));
		esc[1] = *p == '\\' ? '\\' : *p == '\t' ? 't' :
		    *p == '\n' ? 'n' : 'r';
		out_write(fp, esc, 2);
		s = ++p;
	}
	out_write(fp, s, (size_t)(p - s));
}

void
rec_ulong(FILE *fp, unsigned long n)
{
	out_sepulong(fp, '\t', n);
}

void
rec_end(FILE *fp)
{
	out_putc(fp, '\n');
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

	if (plain_field(s, n)) {
		buf_add(out, s, n);
		return;
	}
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
