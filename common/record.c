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
 * A LF (the sentinel) always follows the bytes read, so the scan for the
 * end of a line needs no other bound; the block loads of that scan may
 * look up to RD_SLACK bytes past the sentinel, so both buffers have that
 * much more room, and in's is kept initialised.
 */
#define RD_SLACK	32

struct reader {
	FILE		*fp;
	int		 fd;		/* fileno(fp), or -1: use fread */
	int		 eof;
	const char	*name;
	unsigned long	 lineno;
	char		*in;		/* input buffer, cap + RD_SLACK bytes */
	size_t		 cap;
	size_t		 start;		/* the next line starts at in + start */
	size_t		 scanned;	/* no LF in in[start..scanned) */
	size_t		 fill;		/* bytes read into in; in[fill] is LF */
	char		*out;		/* the fields (fast path), cap + RD_SLACK */
	struct buf	 fields;	/* the fields (careful path) */
};

/* Put the LF after the bytes read, and give the bytes after it that the
 * block loads see a value (they are ignored). */
static void
set_sentinel(struct reader *rd)
{
	rd->in[rd->fill] = '\n';
	memset(rd->in + rd->fill + 1, 0, RD_SLACK - 1);
}

/* Minimum field count and how many fields after the doc_id are numbers. */
static const struct known {
	int	type;
	int	minf;
	int	nnum;	/* fields 1 to nnum (after the doc_id) are numbers */
} known[] = {
	{ 'D', 3, 0 },
	{ 'P', 3, 1 },		/* paragraph_id */
	{ 'S', 4, 2 },		/* sentence_id, paragraph_id */
	{ 'E', 7, 3 },		/* sentence_id, start, end */
	{ 'N', 10, 3 },		/* sentence_id, start, end */
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
	rd->in = emalloc(rd->cap + RD_SLACK);
	set_sentinel(rd);		/* nothing read yet */
	rd->out = emalloc(rd->cap + RD_SLACK);
	return rd;
}

void
rec_close(struct reader *rd)
{
	if (rd == NULL)
		return;
	free(rd->in);
	free(rd->out);
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

static inline int
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
 * copied down byte by byte.  The careful path, for lines the fast one
 * (split_line) turned down: it finds the first problem and names it.
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

/* Which entry of known[] (plus one) each record type is, by its byte. */
static const unsigned char known_ix[256] = {
	['D'] = 1, ['P'] = 2, ['S'] = 3, ['E'] = 4, ['N'] = 5,
};

/* The entry of known[] for record type t, or NULL. */
static inline const struct known *
known_type(int t)
{
	if (t < 0 || t > 255 || known_ix[t] == 0)
		return NULL;
	return &known[known_ix[t] - 1];
}

unsigned
rec_numeric(int type)
{
	const struct known *k = known_type(type);

	return k != NULL ? ((1u << k->nnum) - 1) << 1 : 0;
}

/* Is f a number for rec_num() (1 to 15 digits)? */
static inline int
is_number(const struct field *f)
{
	size_t i;

	if (f->len == 0 || f->len > 15)
		return 0;
	for (i = 0; i < f->len; i++)
		if ((unsigned char)(f->s[i] - '0') > 9)
			return 0;
	return 1;
}

/* The field count and numbers of a known record type. */
static inline void
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
	/* The numeric fields (all below minf, so present), lowest first. */
	for (j = 1; j <= k->nnum; j++)
		if (!is_number(&r->f[j]))
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

/*
 * The fast path of rec_read looks at the line a block at a time (32
 * bytes with SSE2, else eight) and, in the same pass, copies it to the
 * field buffer, cuts the fields at TABs, finds the LF that ends it,
 * unescapes, and checks that it holds valid UTF-8 and no NUL.  A block's
 * mask has bit i set for its byte i when that byte may need a look: below
 * or at LF (NUL, TAB, LF, harmless controls), a backslash, or not ASCII.
 * Every such byte is flagged; a flagged byte may also be a plain one
 * (the SWAR mask flags some bytes after a true one), which the loop then
 * just keeps.
 */
#if defined(__SSE2__) && defined(__GNUC__)
#define RD_BLOCK	32

/* The mask of the sixteen bytes v, exact. */
static inline unsigned
mask16(__m128i v)
{
	/* As signed bytes, those of 0x80 and above are negative: one
	 * compare finds them and those up to LF. */
	return (unsigned)_mm_movemask_epi8(_mm_or_si128(
	    _mm_cmplt_epi8(v, _mm_set1_epi8('\n' + 1)),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
}

/* Copy the block at q to w; its mask, exact.  Two halves of sixteen
 * bytes: the loop's own steps cost less on a longer block. */
static inline unsigned
block_mask(const char *q, char *w)
{
	__m128i a = _mm_loadu_si128((const __m128i *)(const void *)q);
	__m128i b = _mm_loadu_si128((const __m128i *)(const void *)(q + 16));

	_mm_storeu_si128((__m128i *)(void *)w, a);
	_mm_storeu_si128((__m128i *)(void *)(w + 16), b);
	return mask16(a) | mask16(b) << 16;
}
#else
#define RD_BLOCK	8

/*
 * Take a byte b with no borrow coming in: b - 0x0b has its high bit set
 * when b <= LF (or b >= 0x8b); b itself when b >= 0x80; (b ^ 0x5c) - 1
 * when b is a backslash (or b >= 0x80).  So every byte to look at is
 * flagged, and a byte is flagged falsely only above one that borrows, a
 * true one (a byte 0x0b or ']' then).
 */
static inline uint64_t
stop_mask(uint64_t x)
{
	return ((x - SCAN_ONES * 0x0b) | x |
	    ((x ^ (SCAN_ONES * '\\')) - SCAN_ONES)) & SCAN_HIGHS;
}

static inline unsigned
block_mask(const char *q, char *w)
{
	uint64_t x = scan_load(q), m;

	memcpy(w, &x, sizeof(x));
	if ((m = stop_mask(x)) == 0)
		return 0;
#ifdef SCAN_LOWBYTE
	/*
	 * Gather the high bits (byte i's at bit 8i after the shift) into
	 * the top byte, byte i's at bit 56 + i: the product's term for
	 * bytes i and j lands at 8i + 56 - 7j, which is 56..63 only for
	 * i == j, and no two terms meet, so nothing carries.
	 */
	return (unsigned)(((m >> 7) * 0x0102040810204080ULL) >> 56);
#else
	{
		unsigned b = 0, i;

		for (i = 0; i < 8; i++)
			if ((unsigned char)q[i] <= '\n' || q[i] == '\\' ||
			    (unsigned char)q[i] >= 0x80)
				b |= 1u << i;
		return b;
	}
#endif
}
#endif

/* The index of the lowest set bit of m (non-zero). */
static inline size_t
low_bit(unsigned m)
{
#ifdef __GNUC__
	return (size_t)__builtin_ctz(m);
#else
	size_t k;

	for (k = 0; !(m >> k & 1); k++)
		;
	return k;
#endif
}

/*
 * The length (2-4) of the valid UTF-8 sequence that starts with the
 * non-ASCII byte at u, or 0: the same sequences utf8_decode() takes (no
 * overlong forms, surrogates or code points past U+10FFFF), told by the
 * ranges of the second byte.  The line's LF (never a continuation byte)
 * stops the look before it leaves the line.
 */
static inline size_t
utf8_seq(const unsigned char *u)
{
	unsigned c = u[0];

	if (c < 0xc2)
		return 0;
	if (c < 0xe0)
		return (u[1] & 0xc0) == 0x80 ? 2 : 0;
	if (c < 0xf0) {
		if (u[1] < (c == 0xe0 ? 0xa0 : 0x80) ||
		    u[1] > (c == 0xed ? 0x9f : 0xbf))
			return 0;
		return (u[2] & 0xc0) == 0x80 ? 3 : 0;
	}
	if (c < 0xf5) {
		if (u[1] < (c == 0xf0 ? 0x90 : 0x80) ||
		    u[1] > (c == 0xf4 ? 0x8f : 0xbf))
			return 0;
		return (u[2] & 0xc0) == 0x80 && (u[3] & 0xc0) == 0x80 ? 4 : 0;
	}
	return 0;
}

/* End the field at *f at w (its text starts at start); past the last of
 * r->f, a field is only NUL-terminated. */
static inline void
cut_field(struct record *r, struct field **f, char *start, char *w)
{
	*w = '\0';
	if (*f < r->f + REC_MAXF) {
		(*f)->s = start;
		(*f)->len = (size_t)(w - start);
		(*f)++;
	}
}

/*
 * Scan the line at the start of the unread input (which ends with a LF,
 * the sentinel at in[fill] at least) and split it into r's fields in
 * rd->out.  Returns the LF that ends it, with r->type, r->nf and the
 * fields set, when it is a record of good form; else NULL, and *stop is
 * a place in the line before its LF, from where the caller finds the
 * LF to hand the line to the careful path, which names the problem.
 * The output never runs ahead of the input (an escape shrinks to one
 * byte), so the block stores stay inside rd->out (see rec_open).
 */
static char *
split_line(struct reader *rd, struct record *r, char **stop)
{
	char *line = rd->in + rd->start, *q, *w, *start;
	size_t k, n;
	struct field *f = r->f;
	unsigned m;

	/* The type, mostly one capital; it ends at the first TAB.  (The
	 * LF, or the sentinel, stops these looks inside the line.) */
	if (line[0] >= 'A' && line[0] <= 'Z' && line[1] == '\t') {
		r->type = type_of(line, 1);
		q = line + 2;
	} else {
		for (k = 0; k < 9 && line[k] != '\t' && line[k] != '\n'; k++)
			;
		if (line[k] != '\t' || !is_type(line, k)) {
			*stop = line;	/* a comment, or not a record */
			return NULL;
		}
		r->type = '?';
		q = line + k + 1;
	}
	w = start = rd->out;
	for (;;) {
		if ((m = block_mask(q, w)) == 0) {
			q += RD_BLOCK;
			w += RD_BLOCK;
			continue;
		}
		for (;;) {
			k = low_bit(m);
			if (q[k] == '\t') {
				cut_field(r, &f, start, w + k);
				start = w + k + 1;
			} else if ((unsigned char)q[k] >= 0x80) {
				if ((n = utf8_seq((unsigned char *)q + k)) == 0)
					break;
				if (k + n > RD_BLOCK) {
					/* Its end is not copied yet. */
					memcpy(w + k, q + k, 4);
					q += k + n;
					w += k + n;
					goto next;
				}
				/* Its continuation bytes need no look. */
				m &= ~(((1u << (n - 1)) - 1) << (k + 1));
			} else if (q[k] == '\n') {
				q += k;
				w += k;
				goto end;
			} else if (q[k] == '\\') {
				switch (q[k + 1]) {
				case '\\': w[k] = '\\'; break;
				case 't': w[k] = '\t'; break;
				case 'n': w[k] = '\n'; break;
				case 'r': w[k] = '\r'; break;
				default: goto fail;
				}
				q += k + 2;
				w += k + 1;
				goto next;
			} else if (q[k] == '\0')
				break;
			/* else a control byte, or a plain one flagged falsely */
			if ((m &= m - 1) == 0) {
				q += RD_BLOCK;
				w += RD_BLOCK;
				goto next;
			}
		}
fail:
		*stop = q + k;
		return NULL;
next:
		;
	}
end:
	/* Tolerate CRLF: the CR was copied as it is (a CR after a
	 * backslash is a bad escape, turned down above). */
	if (q > line && q[-1] == '\r')
		w--;
	cut_field(r, &f, start, w);
	r->nf = (int)(f - r->f);
	return q;
}

/*
 * Read more input after the unread part, moving that to the front of the
 * buffer (grown when it is more than half full of one line), and put the
 * sentinel LF after it.
 */
static void
refill(struct reader *rd)
{
	ssize_t n;

	if (rd->start > 0) {
		memmove(rd->in, rd->in + rd->start, rd->fill - rd->start);
		rd->fill -= rd->start;
		rd->scanned -= rd->start;
		rd->start = 0;
	}
	if (rd->fill > rd->cap / 2) {
		if (rd->cap > (size_t)-1 / 4)
			errx(EXIT_DATA, "%s:%lu: line too long",
			    rd->name, rd->lineno + 1);
		rd->cap *= 2;
		rd->in = erealloc(rd->in, rd->cap + RD_SLACK);
		free(rd->out);
		rd->out = emalloc(rd->cap + RD_SLACK);
	}
	/* One byte stays free for the sentinel. */
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
	set_sentinel(rd);
}

/*
 * The unread input holds no LF before the sentinel: read until it holds
 * one (looking only at the new bytes each time, so a long line that
 * comes in small pieces costs no more than once its length) or the
 * input ends.
 */
static void
wait_line(struct reader *rd)
{
	for (;;) {
		rd->scanned = rd->fill;
		refill(rd);
		if (rd->eof || memchr(rd->in + rd->scanned, '\n',
		    rd->fill - rd->scanned) != NULL)
			return;
	}
}

int
rec_read(struct reader *rd, struct record *r)
{
	char *line, *lf, *stop;
	size_t len;

	for (;;) {
		if (rd->eof && rd->start == rd->fill)
			return 0;
		stop = NULL;
		if ((lf = split_line(rd, r, &stop)) == NULL)
			lf = memchr(stop, '\n',
			    (size_t)(rd->in + rd->fill - stop) + 1);
		/* The sentinel ends the line only at the end of input. */
		if (lf < rd->in + rd->fill || rd->eof)
			break;
		wait_line(rd);
	}
	line = rd->in + rd->start;
	len = (size_t)(lf - line);
	rd->start = (size_t)(lf - rd->in) + (lf < rd->in + rd->fill);
	rd->lineno++;
	if (len > 0 && line[len - 1] == '\r')	/* tolerate CRLF */
		len--;
	line[len] = '\0';
	r->raw = line;
	r->rawlen = len;
	r->lineno = rd->lineno;
	if (stop != NULL)
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

#if defined(__SSE2__) && defined(__GNUC__)
/* Non-zero when some byte of the sixteen at s is below 0x0e or a
 * backslash (exactly those: min(v, 0x0d) is v only when v <= 0x0d). */
static inline unsigned
maybe_special16(const char *s)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);

	return (unsigned)_mm_movemask_epi8(_mm_or_si128(
	    _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x0d)), v),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
}
#endif

/* maybe_special() on the four bytes at p, any alignment. */
static inline uint32_t
maybe_special4(const char *p)
{
	uint32_t x;

	memcpy(&x, p, sizeof(x));
	return ((x - 0x0e0e0e0eU) | ((x ^ 0x5c5c5c5cU) - 0x01010101U)) & ~x &
	    0x80808080U;
}

/*
 * plain_field() for fields of sixteen bytes or more: sixteen bytes a step
 * (SSE2, or two words), the last step loaded to end at s + len (its bytes
 * before that were seen already, and were plain).  Out of line, so that
 * the short fields' test stays small.
 */
static int
plain_long(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i + 16 <= len; i += 16)
#if defined(__SSE2__) && defined(__GNUC__)
		if (maybe_special16(s + i))
			return 0;
	return i == len || !maybe_special16(s + len - 16);
#else
		if (maybe_special(scan_load(s + i)) |
		    maybe_special(scan_load(s + i + 8)))
			return 0;
	return i == len || !(maybe_special(scan_load(s + len - 16)) |
	    maybe_special(scan_load(s + len - 8)));
#endif
}

/*
 * Can s[0..len) be written as it is?  Most fields can.  May say no for a
 * field holding other control bytes.  Short fields, the most common, are
 * tested as two words that overlap when needed.
 */
static inline int
plain_field(const char *s, size_t len)
{
	size_t i;

	if (len >= 16)
		return plain_long(s, len);
	if (len >= 8)
		return !(maybe_special(scan_load(s)) |
		    maybe_special(scan_load(s + len - 8)));
	if (len >= 4)
		return !(maybe_special4(s) | maybe_special4(s + len - 4));
	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x0e || s[i] == '\\')
			return 0;
	return 1;
}

/* Write s[0..len), which needs escapes: the runs between the bytes that
 * need one in one go.  Apart, so that rec_field stays small (and saves
 * few registers). */
#ifdef __GNUC__
__attribute__((noinline))
#endif
static void
write_escaped(FILE *fp, const char *s, size_t len)
{
	const char *end = s + len, *p = s;
	char esc[2] = { '\\', 0 };
	uint64_t m;

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
rec_field(FILE *fp, const char *s, size_t len)
{
	out_putc(fp, '\t');
	if (plain_field(s, len))
		out_write(fp, s, len);
	else
		write_escaped(fp, s, len);
}

/* Ids and offsets are mostly below 1000: those digit by digit, without
 * the division loop and the copy of out_sepulong. */
void
rec_ulong(FILE *fp, unsigned long n)
{
	if (n >= 1000) {
		out_sepulong(fp, '\t', n);
		return;
	}
	out_putc(fp, '\t');
	if (n >= 100)
		out_putc(fp, (int)('0' + n / 100));
	if (n >= 10)
		out_putc(fp, (int)('0' + n / 10 % 10));
	out_putc(fp, (int)('0' + n % 10));
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
