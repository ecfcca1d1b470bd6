/*
 * clean.c: see clean.h.
 *
 * A document is cleaned line by line.  A line of printable ASCII is copied
 * as it is: one scan over its bytes and one memcpy, the common case.  Any
 * other line is decoded to code points (bytes that are not UTF-8 read as
 * Windows-1252), its mojibake repaired, its characters dropped or mapped,
 * and it is written back as UTF-8 in NFC.  Scratch memory lives in a
 * struct scratch that grows geometrically: no malloc per line or character.
 * The repair itself is mojibake.c's.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "clean.h"
#include "mojibake.h"
#include "utf8.h"

#define CHUNK		65536	/* longest piece of a line handled at once */

/* Byte classes for the scan over raw input. */
#define B_HIGH	1	/* not ASCII */
#define B_CTL	2	/* control character to drop */
#define B_EOL	4	/* LF or CR */
#define B_APOS	8	/* apostrophe: two make a double quote */

#define C 2
#define E 4
#define Q 8
#define H 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1
static const unsigned char bclass[256] = {
	C, C, C, C, C, C, C, C, C, 0, E, C, C, E, C, C,
	C, C, C, C, C, C, C, C, C, C, C, C, C, C, C, C,
	0, 0, 0, 0, 0, 0, 0, Q, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, C,
	H, H, H, H, H, H, H, H,
};
#undef C
#undef E
#undef Q
#undef H

/* Memory reused from line to line. */
struct scratch {
	uint32_t		*a, *b;	/* a line, and a repair of it */
	size_t			 cap;
	utf8proc_int32_t	*u;	/* NFC */
	size_t			 ucap;
};

static void
grow(struct scratch *sc, size_t n)
{
	size_t cap = sc->cap ? sc->cap : 256;

	if (n <= sc->cap)
		return;
	while (cap < n)
		cap *= 2;
	sc->a = erealloc(sc->a, cap * sizeof(*sc->a));
	sc->b = erealloc(sc->b, cap * sizeof(*sc->b));
	sc->cap = cap;
}

/* Whether NFC may change c or the character before it. */
static int
unstable(uint32_t c)
{
	const utf8proc_property_t *p;

	if ((c >= 0x2000 && c < 0x2070) || (c >= 0x1100 && c < 0x1200))
		return c >= 0x1100 && c < 0x1200;
	p = utf8proc_get_property((utf8proc_int32_t)c);
	return p->combining_class != 0 || p->comp_exclusion ||
	    (p->decomp_seqindex != UINT16_MAX && p->decomp_type == 0) ||
	    p->category == UTF8PROC_CATEGORY_MN ||
	    p->category == UTF8PROC_CATEGORY_MC ||
	    p->category == UTF8PROC_CATEGORY_ME;
}

/* Put out[start..] into NFC, in place. */
static void
nfc(struct buf *out, size_t start, struct scratch *sc)
{
	utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
	utf8proc_ssize_t r;
	char enc[4];
	size_t i;

	for (;;) {
		r = utf8proc_decompose((const utf8proc_uint8_t *)out->s + start,
		    (utf8proc_ssize_t)(out->len - start), sc->u,
		    (utf8proc_ssize_t)sc->ucap, opt);
		if (r < 0)
			return;		/* not reached: out is valid UTF-8 */
		if ((size_t)r <= sc->ucap)
			break;
		sc->ucap = (size_t)r * 2;
		sc->u = erealloc(sc->u, sc->ucap * sizeof(*sc->u));
	}
	if ((r = utf8proc_normalize_utf32(sc->u, r, opt)) < 0)
		return;
	out->len = start;
	for (i = 0; i < (size_t)r; i++)
		buf_add(out, enc, (size_t)utf8_encode((uint32_t)sc->u[i], enc));
}

/* Drop and map characters of a[0..n) and append them to out as UTF-8. */
static void
emit(struct buf *out, struct scratch *sc, const uint32_t *a, size_t n)
{
	size_t i, start = out->len;
	uint32_t c;
	int quote = 0, compose = 0;

	buf_grow(out, n * 4);
	for (i = 0; i < n; i++) {
		c = a[i];
		if (c >= 0x20 && c < 0x7f && c != '\'') {
			out->s[out->len++] = (char)c;
			quote = 0;
			continue;
		}
		if (c >= 0x80 && c < 0xa0) {	/* C1: Windows-1252 misread */
			if ((c = mojibake_cp1252((unsigned char)c)) < 0xa0)
				continue;
		}
		switch (c) {
		case 0xad: case 0x180e: case 0x200b: case 0x200c: case 0x200d:
		case 0x2060: case 0xfeff:
			continue;
		case 0xa0: case 0x1680: case 0x2000: case 0x2001: case 0x2002:
		case 0x2003: case 0x2004: case 0x2005: case 0x2006: case 0x2007:
		case 0x2008: case 0x2009: case 0x200a: case 0x202f: case 0x205f:
		case 0x3000:
			c = ' ';
			break;
		case 0x2028: case 0x2029:
			c = '\n';
			break;
		case 0x2018: case 0x2019: case 0x201a: case 0x201b:
			c = '\'';
			break;
		case 0x201c: case 0x201d: case 0x201e: case 0x201f:
			c = '"';
			break;
		}
		if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
			continue;
		if (c == '\'') {
			if (quote) {
				out->s[out->len - 1] = '"';
				quote = 0;
				continue;
			}
			quote = 1;
		} else
			quote = 0;
		if (c >= 0x300 && !compose)
			compose = unstable(c);
		if (c < 0x80)
			out->s[out->len++] = (char)c;
		else
			out->len += (size_t)utf8_encode(c, out->s + out->len);
	}
	out->s[out->len] = '\0';
	if (compose)
		nfc(out, start, sc);
}

/* Clean one line (no LF or CR) that holds non-ASCII bytes. */
static void
clean_line(struct buf *out, struct scratch *sc, const unsigned char *s,
    size_t len)
{
	size_t i = 0, n = 0;
	uint32_t cp;
	int k;

	grow(sc, len + 1);
	while (i < len) {
		if (s[i] < 0x80)
			sc->a[n++] = s[i++];
		else if ((k = utf8_decode((const char *)s + i, len - i, &cp))) {
			sc->a[n++] = cp;
			i += (size_t)k;
		} else
			sc->a[n++] = mojibake_cp1252(s[i++]);
	}
	n = mojibake_fix(&sc->a, &sc->b, n);
	emit(out, sc, sc->a, n);
}

/* Whether the 8 bytes at p are printable ASCII other than an apostrophe. */
static int
plain8(const unsigned char *p)
{
	const uint64_t ones = 0x0101010101010101ULL;
	const uint64_t high = 0x8080808080808080ULL;
	uint64_t x;

	memcpy(&x, p, 8);
	if (x & high)
		return 0;
	/* With no high bit set, b - k borrows into it exactly when b < k. */
	return (((x - ones * 0x20) | ((x ^ ones * 0x7f) - ones) |
	    ((x ^ ones * '\'') - ones)) & high) == 0;
}

/*
 * Append the ASCII line s[0..n) without its control bytes and with each
 * pair of apostrophes as a double quote.
 */
static void
add_ascii(struct buf *out, const unsigned char *s, size_t n)
{
	size_t i;
	int quote = 0;

	buf_grow(out, n);
	for (i = 0; i < n; i++) {
		if (bclass[s[i]] & B_CTL)
			continue;
		if (s[i] == '\'' && quote) {
			out->s[out->len - 1] = '"';
			quote = 0;
			continue;
		}
		quote = s[i] == '\'';
		out->s[out->len++] = (char)s[i];
	}
	out->s[out->len] = '\0';
}

/* Whether the ASCII line s[0..n) has two apostrophes in a row. */
static int
has_pair(const unsigned char *s, size_t n)
{
	const unsigned char *p, *end = s + n;

	for (p = s; (p = memchr(p, '\'', (size_t)(end - p))) != NULL; p++)
		if (p + 1 < end && p[1] == '\'')
			return 1;
	return 0;
}

void
clean_text(struct buf *out, const char *in, size_t n)
{
	struct scratch sc = { 0 };
	const unsigned char *s = (const unsigned char *)in, *end = s + n, *p;
	size_t len, piece;
	unsigned acc;

	while (s < end) {
		acc = 0;
		for (p = s;;) {
			while (end - p >= 8 && plain8(p))
				p += 8;
			if (p == end || (bclass[*p] & B_EOL))
				break;
			acc |= bclass[*p++];
		}
		len = (size_t)(p - s);
		if (acc == 0 || (acc == B_APOS && !has_pair(s, len)))
			buf_add(out, s, len);
		else if (!(acc & B_HIGH))
			add_ascii(out, s, len);
		else
			while (len > 0) {
				/* Long lines go in pieces cut before ASCII. */
				piece = len;
				if (piece > CHUNK) {
					piece = CHUNK;
					while (piece > CHUNK / 2 && s[piece] >= 0x80)
						piece--;
				}
				clean_line(out, &sc, s, piece);
				s += piece;
				len -= piece;
			}
		if (p == end)
			break;
		buf_addc(out, '\n');
		if (*p == '\r' && p + 1 < end && p[1] == '\n')
			p++;
		s = p + 1;
	}
	free(sc.a);
	free(sc.b);
	free(sc.u);
}
