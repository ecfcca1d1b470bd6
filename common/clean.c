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
#include "scan.h"
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
#define NCALM		64

struct scratch {
	uint32_t		*a, *b;	/* a line, and a repair of it */
	size_t			 cap;
	utf8proc_int32_t	*u;	/* NFC */
	size_t			 ucap;
	uint32_t		 calm[NCALM];	/* recent calm() characters */
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

/*
 * The characters that can be the second of a canonical pair, at least:
 * all but the first of the canonical decompositions in UnicodeData.txt
 * (Unicode 15), as ranges.  The Hangul jamo, paired by rule, are apart.
 */
static const uint32_t seconds[][2] = {
	{ 0x0300, 0x0304 }, { 0x0306, 0x030c }, { 0x030f, 0x030f },
	{ 0x0311, 0x0311 }, { 0x0313, 0x0314 }, { 0x031b, 0x031b },
	{ 0x0323, 0x0328 }, { 0x032d, 0x032e }, { 0x0330, 0x0331 },
	{ 0x0338, 0x0338 }, { 0x0342, 0x0342 }, { 0x0345, 0x0345 },
	{ 0x05b4, 0x05b4 }, { 0x05b7, 0x05b9 }, { 0x05bc, 0x05bc },
	{ 0x05bf, 0x05bf }, { 0x05c1, 0x05c2 }, { 0x0653, 0x0655 },
	{ 0x093c, 0x093c }, { 0x09bc, 0x09bc }, { 0x09be, 0x09be },
	{ 0x09d7, 0x09d7 }, { 0x0a3c, 0x0a3c }, { 0x0b3c, 0x0b3c },
	{ 0x0b3e, 0x0b3e }, { 0x0b56, 0x0b57 }, { 0x0bbe, 0x0bbe },
	{ 0x0bd7, 0x0bd7 }, { 0x0c56, 0x0c56 }, { 0x0cc2, 0x0cc2 },
	{ 0x0cd5, 0x0cd6 }, { 0x0d3e, 0x0d3e }, { 0x0d57, 0x0d57 },
	{ 0x0dca, 0x0dca }, { 0x0dcf, 0x0dcf }, { 0x0ddf, 0x0ddf },
	{ 0x0f72, 0x0f72 }, { 0x0f74, 0x0f74 }, { 0x0f80, 0x0f80 },
	{ 0x0fb5, 0x0fb5 }, { 0x0fb7, 0x0fb7 }, { 0x102e, 0x102e },
	{ 0x1b35, 0x1b35 }, { 0x3099, 0x309a }, { 0x110ba, 0x110ba },
	{ 0x11127, 0x11127 }, { 0x1133e, 0x1133e }, { 0x11357, 0x11357 },
	{ 0x114b0, 0x114b0 }, { 0x114ba, 0x114ba }, { 0x114bd, 0x114bd },
	{ 0x115af, 0x115af }, { 0x11930, 0x11930 }, { 0x1d165, 0x1d165 },
	{ 0x1d16e, 0x1d172 },
};
#define NSECONDS	(sizeof(seconds) / sizeof(seconds[0]))

static int
is_second(uint32_t c)
{
	size_t lo = 0, hi = NSECONDS, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (c < seconds[mid][0])
			hi = mid;
		else if (c > seconds[mid][1])
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

/* The last character of the UTF-8 text s[0..n) into *c; 0 if none. */
static int
last_char(const char *s, size_t n, uint32_t *c)
{
	size_t i = n;

	while (i > 0 && !UTF8_POINT(s[i - 1]))
		i--;
	if (i == 0)
		return 0;
	return utf8_decode(s + i - 1, n - i + 1, c) > 0;
}

static int
is_canonical(const utf8proc_property_t *p)
{
	return p->decomp_seqindex != UINT16_MAX && p->decomp_type == 0;
}

/* Whether x, which has a canonical decomposition, is its own NFC. */
static int
is_composite(uint32_t x)
{
	utf8proc_int32_t d[8];
	utf8proc_ssize_t r;
	int boundclass = 0;

	r = utf8proc_decompose_char((utf8proc_int32_t)x, d, 8,
	    UTF8PROC_DECOMPOSE, &boundclass);
	if (r < 1 || r > 8)
		return 0;
	r = utf8proc_normalize_utf32(d, r, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	return r == 1 && d[0] == (utf8proc_int32_t)x;
}

/*
 * Whether c, the second of some canonical pair, may form one with the
 * character before it, the last of s[0..n).  Only a starter with no
 * decomposition of its own is looked at; with any other, NFC decides.
 */
static int
may_compose(const char *s, size_t n, uint32_t c)
{
	const utf8proc_property_t *p;
	utf8proc_int32_t pair[2];
	uint32_t b;

	if (!last_char(s, n, &b))
		return 0;		/* nothing before it to compose with */
	p = utf8proc_get_property((utf8proc_int32_t)b);
	if (p->combining_class != 0 || is_canonical(p) ||
	    (b >= 0x1100 && b < 0x1200) || (b >= 0xac00 && b < 0xd7a4))
		return 1;
	pair[0] = (utf8proc_int32_t)b;
	pair[1] = (utf8proc_int32_t)c;
	return utf8proc_normalize_utf32(pair, 2,
	    UTF8PROC_STABLE | UTF8PROC_COMPOSE) != 2;
}

/* The canonical combining class of the last character of s[0..n). */
static int
last_class(const char *s, size_t n)
{
	uint32_t c;

	if (!last_char(s, n, &c) || c < 0x300)
		return 0;
	return utf8proc_get_property((utf8proc_int32_t)c)->combining_class;
}

/* Answers of unstable(). */
#define N_RISK	1	/* NFC may change the line */
#define N_HERE	0	/* not here, after s[0..n) */
#define N_CALM	2	/* not anywhere: class 0, NFC_Quick_Check=Yes */

/*
 * Whether c, at U+0300 or above, may make NFC change its line (N_RISK),
 * after the line's text so far, s[0..n).  NFC leaves a string alone when
 * each of its characters is NFC_Quick_Check=Yes and no mark follows one
 * of a higher combining class (UAX #15, "Detecting Normalization Forms").
 * All below U+0300 are Yes and of class 0.  Above, No are the composition
 * exclusions and the characters with a canonical decomposition that NFC
 * does not give back (singletons, non-starter decompositions); Maybe are
 * those that can be the second of a pair (seconds[], the Hangul jamo),
 * and they matter only right after a character they compose with.  Other
 * marks, most Indic vowel signs and viramas among them, need no NFC.
 * tests/unit-clean.c checks against utf8proc that cleaned text is in NFC.
 */
static int
unstable(uint32_t c, const char *s, size_t n)
{
	const utf8proc_property_t *p;

	/* General Punctuation: class 0 and Yes, but U+2000 and U+2001,
	 * which map() has made spaces. */
	if (c >= 0x2000 && c < 0x2070)
		return N_CALM;
	if (c >= 0x1100 && c < 0x1200)
		return N_RISK;
	p = utf8proc_get_property((utf8proc_int32_t)c);
	if (p->comp_exclusion || (p->combining_class != 0 &&
	    last_class(s, n) > p->combining_class))
		return N_RISK;
	if (is_canonical(p) && (p->combining_class != 0 || !is_composite(c)))
		return N_RISK;
	if (is_second(c))
		return may_compose(s, n, c) ? N_RISK : N_HERE;
	return p->combining_class == 0 ? N_CALM : N_HERE;
}

/*
 * unstable(), remembering calm characters: a line of Hindi, say, has few
 * distinct ones, each used again and again.
 */
static int
needs_nfc(struct scratch *sc, uint32_t c, const char *s, size_t n)
{
	uint32_t *slot = &sc->calm[c % NCALM];
	int r;

	if (*slot == c)
		return 0;
	if ((r = unstable(c, s, n)) == N_CALM)
		*slot = c;
	return r == N_RISK;
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

/* Whether the 8 bytes at p are printable ASCII other than an apostrophe. */
static int
plain8(const unsigned char *p)
{
	uint64_t x = scan_load((const char *)p);

	if (scan_high(x))
		return 0;
	/* With no high bit set, b - k borrows into it exactly when b < k. */
	return (((x - SCAN_ONES * 0x20) | ((x ^ SCAN_ONES * 0x7f) -
	    SCAN_ONES) | ((x ^ SCAN_ONES * '\'') - SCAN_ONES)) &
	    SCAN_HIGHS) == 0;
}

#define DROP	UINT32_MAX

/* What becomes of the character c: DROP, or the character to write. */
static inline uint32_t
map(uint32_t c)
{
	if (c > 0xad && c < 0x1680)	/* none of these is mapped */
		return c;
	if (c >= 0x80 && c < 0xa0) {	/* C1: Windows-1252 misread */
		if ((c = mojibake_cp1252((unsigned char)c)) < 0xa0)
			return DROP;
	}
	switch (c) {
	case 0xad: case 0x180e: case 0x200b: case 0x200c: case 0x200d:
	case 0x2060: case 0xfeff:
		return DROP;
	case 0xa0: case 0x1680: case 0x2000: case 0x2001: case 0x2002:
	case 0x2003: case 0x2004: case 0x2005: case 0x2006: case 0x2007:
	case 0x2008: case 0x2009: case 0x200a: case 0x202f: case 0x205f:
	case 0x3000:
		return ' ';
	case 0x2028: case 0x2029:
		return '\n';
	case 0x2018: case 0x2019: case 0x201a: case 0x201b:
		return '\'';
	case 0x201c: case 0x201d: case 0x201e: case 0x201f:
		return '"';
	}
	if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
		return DROP;
	return c;
}

/* Line state of put(). */
struct emitter {
	struct scratch	*sc;
	size_t		 start;		/* where the line starts in out */
	int		 quote;		/* the last character written was ' */
	int		 compose;	/* the line needs NFC */
};

/* Note whether c, about to be written to out, makes the line need NFC. */
static inline void
check_nfc(struct emitter *e, const struct buf *out, uint32_t c)
{
	if (c >= 0x300 && !e->compose)
		e->compose = needs_nfc(e->sc, c, out->s + e->start,
		    out->len - e->start);
}

/*
 * Write the character c (already through map()) to out, which has room:
 * two apostrophes in a row make a double quote.
 */
static inline void
put(struct buf *out, struct emitter *e, uint32_t c)
{
	if (c == '\'') {
		if (e->quote) {
			out->s[out->len - 1] = '"';
			e->quote = 0;
			return;
		}
		e->quote = 1;
	} else
		e->quote = 0;
	check_nfc(e, out, c);
	if (c < 0x80)
		out->s[out->len++] = (char)c;
	else
		out->len += (size_t)utf8_encode(c, out->s + out->len);
}

/* Drop and map characters of a[0..n) and append them to out as UTF-8. */
static void
emit(struct buf *out, struct scratch *sc, const uint32_t *a, size_t n)
{
	struct emitter e = { sc, out->len, 0, 0 };
	size_t i, start = out->len;
	uint32_t c;

	buf_grow(out, n * 4);
	for (i = 0; i < n; i++) {
		c = a[i];
		if (c >= 0x20 && c < 0x7f && c != '\'') {
			out->s[out->len++] = (char)c;
			e.quote = 0;
		} else if ((c = map(c)) != DROP)
			put(out, &e, c);
	}
	out->s[out->len] = '\0';
	if (e.compose)
		nfc(out, start, sc);
}

/*
 * What emit() would make of the line s[0..n) once decoded, when it is
 * valid UTF-8 that mojibake_fix() leaves alone, without decoding it to
 * code points: unchanged characters are copied as bytes, ASCII eight at a
 * time.  Returns 0, having appended nothing, if s is not valid UTF-8.
 * plain: its ASCII bytes are all printable or TABs, and none is an
 * apostrophe (map() and put() leave them as they are), so runs of them
 * are copied whole.
 */
static int
emit_utf8(struct buf *out, struct scratch *sc, const unsigned char *s,
    size_t n, int plain)
{
	struct emitter e = { sc, out->len, 0, 0 };
	size_t i = 0, start = out->len, from;
	uint32_t c, m;
	int k;

	/* A C1 control (2 bytes) may become a character of 3. */
	buf_grow(out, n + n / 2 + 1);
	while (i < n) {
		if (plain && s[i] < 0x80) {
			/* see plain above: the run goes out whole */
			from = i;
			while (n - i >= 8 && !scan_high(scan_load(
			    (const char *)s + i)))
				i += 8;
			while (i < n && s[i] < 0x80)
				i++;
			memcpy(out->s + out->len, s + from, i - from);
			out->len += i - from;
			e.quote = 0;
			continue;
		}
		if (n - i >= 8 && plain8(s + i)) {
			memcpy(out->s + out->len, s + i, 8);
			out->len += 8;
			i += 8;
			e.quote = 0;
			continue;
		}
		if (s[i] < 0x80) {
			if ((m = map(s[i++])) != DROP)
				put(out, &e, m);
			continue;
		}
		if ((k = utf8_decode((const char *)s + i, n - i, &c)) == 0) {
			out->len = start;
			out->s[start] = '\0';
			return 0;
		}
		if ((m = map(c)) == c) {
			/* put(), but the bytes are there already */
			e.quote = 0;
			check_nfc(&e, out, c);
			memcpy(out->s + out->len, s + i, (size_t)k);
			out->len += (size_t)k;
		} else if (m != DROP)
			put(out, &e, m);
		i += (size_t)k;
	}
	out->s[out->len] = '\0';
	if (e.compose)
		nfc(out, start, sc);
	return 1;
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

/*
 * The bclass bits of the bytes of s[0..n), or'ed together.  Eight bytes
 * at a time with no branch per word: each test below says exactly
 * whether SOME byte of its word qualifies, and that is all the or'ed
 * answer needs.  A CR is B_CTL in the words, B_EOL in the tail.
 */
static unsigned
line_class(const unsigned char *s, size_t n)
{
	uint64_t x, y, hi = 0, ctl = 0, apos = 0;
	unsigned acc = 0;
	size_t i;

	/*
	 * For a byte b below 0x80, b - k borrows into its high bit exactly
	 * when b < k (b ^ 0x7f - 1: when b is DEL; b ^ '\'' - 1: when b is
	 * an apostrophe), and a borrow passes on up only from such a byte;
	 * bytes of 0x80 and above never borrow and are masked off by ~x.
	 * Two words a step, for fewer loop instructions.
	 */
#define CLASS_WORD(x) do {						\
		y = ~(x);						\
		hi |= (x);						\
		ctl |= (((x) - SCAN_ONES * 0x20) |			\
		    (((x) ^ SCAN_ONES * 0x7f) - SCAN_ONES)) & y;	\
		apos |= (((x) ^ SCAN_ONES * '\'') - SCAN_ONES) & y;	\
	} while (0)
	for (i = 0; n - i >= 16; i += 16) {
		x = scan_load((const char *)s + i);
		CLASS_WORD(x);
		x = scan_load((const char *)s + i + 8);
		CLASS_WORD(x);
	}
	if (n - i >= 8) {
		x = scan_load((const char *)s + i);
		CLASS_WORD(x);
		i += 8;
	}
#undef CLASS_WORD
	acc |= (hi & SCAN_HIGHS) ? B_HIGH : 0;
	acc |= (ctl & SCAN_HIGHS) ? B_CTL : 0;
	acc |= (apos & SCAN_HIGHS) ? B_APOS : 0;
	for (; i < n; i++)
		acc |= bclass[s[i]];
	return acc;
}

void
clean_text(struct buf *out, const char *in, size_t n)
{
	struct scratch sc = { 0 };
	const unsigned char *s = (const unsigned char *)in, *end = s + n, *p;
	size_t len, piece;
	unsigned acc;

	while (s < end) {
		/*
		 * The line up to the next LF, classed in one pass; one with a
		 * control byte (a CR may end it sooner) is looked at byte by
		 * byte.
		 */
		if ((p = memchr(s, '\n', (size_t)(end - s))) == NULL)
			p = end;
		if ((acc = line_class(s, (size_t)(p - s))) & (B_CTL | B_EOL))
			for (acc = 0, p = s;;) {
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
				if (!mojibake_none((const char *)s, piece) ||
				    !emit_utf8(out, &sc, s, piece,
				    acc == B_HIGH))
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
