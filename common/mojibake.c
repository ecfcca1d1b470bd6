/*
 * mojibake.c: see mojibake.h.
 *
 * Mojibake is UTF-8 that was decoded with a single-byte code page.  Its
 * characters re-encode, through that code page, to bytes that form valid
 * UTF-8 again.  That round trip is tried for a whole line through each
 * code page of pages[], and for single runs through Windows-1252; it is
 * kept only when it lowers badness(), a count of what real text rarely
 * has: C1 controls, symbols glued to letters, a capital after a small
 * letter, scripts mixed inside a word, combining marks after no letter,
 * rare characters, sequences chained together, and the typical lead
 * characters (Ã, Â, â) followed by a continuation.  Repairs repeat, for
 * text that was mis-decoded more than once.
 *
 * Also handled: a space where an A0 byte (NBSP) was lost ("Ã " for à), a
 * lost byte shown as U+FFFD or '?' (the sequence becomes U+FFFD), and
 * CESU-8 surrogate pairs.
 */
#include <stdint.h>
#include <string.h>

#include <utf8proc.h>

#include "mojibake.h"
#include "scan.h"
#include "utf8.h"

#define MAXLAYERS	4	/* times text can have been mis-decoded */

/* A character of a code page and its byte, in charmaps.h. */
struct revmap {
	uint16_t	cp;
	uint8_t		byte;
};

#include "charmaps.h"

/* A code page text may have been mis-decoded through. */
struct codepage {
	const uint16_t		*hi;	/* characters of bytes 0x80-0xff */
	const struct revmap	*rev;	/* the same, sorted by character */
	int			 flags;
};

#define P_LATIN1	1	/* C1 controls are their own bytes too */
#define P_LEADS		2	/* Â Ã â and symbols after a lead are evidence */
#define P_AGRAVE	4	/* C3 is a letter: "Ã " may be à */

static const struct codepage pages[] = {
	{ cp1252_hi, cp1252_rev, P_LATIN1 | P_LEADS | P_AGRAVE },
	{ cp1250_hi, cp1250_rev, P_AGRAVE },
	{ cp1251_hi, cp1251_rev, P_AGRAVE },
	{ latin2_hi, latin2_rev, 0 },
	{ cp1257_hi, cp1257_rev, 0 },
	{ macroman_hi, macroman_rev, 0 },
	{ cp437_hi, cp437_rev, 0 },
};
#define NPAGES	(sizeof(pages) / sizeof(pages[0]))
#define CP1252	(&pages[0])

/* A run of characters that decodes as one: see seq_at(). */
struct seq {
	size_t		len;	/* characters taken */
	uint32_t	cp;	/* what they stand for */
	int		bonus;	/* evidence of mojibake */
	int		a0;	/* a space stood for byte A0 */
};

/* Flags of seq_at(). */
#define S_A0	1	/* a space may stand for byte A0 (lost NBSP) */
#define S_LOSSY	2	/* '?' may stand for a lost byte */

/* Character classes for badness(). */
#define K_LETTER	0x01
#define K_UPPER		0x02
#define K_LOWER		0x04
#define K_SYM		0x08	/* non-ASCII punctuation, symbol, No */
#define K_RARE		0x10	/* unassigned, private, archaic, phonetic */
#define K_GREEK		0x20
#define K_MARK		0x40	/* combining mark */
#define K_SCRIPT(k)	((k) >> 8)

static int
kind(uint32_t c)
{
	int k, script;

	if (c < 0x80) {
		if (c >= 'a' && c <= 'z')
			return K_LETTER | K_LOWER | 1 << 8;
		if (c >= 'A' && c <= 'Z')
			return K_LETTER | K_UPPER | 1 << 8;
		return 0;
	}
	switch (utf8proc_category((utf8proc_int32_t)c)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LT:
		k = K_LETTER | K_UPPER;
		break;
	case UTF8PROC_CATEGORY_LL:
		k = K_LETTER | K_LOWER;
		break;
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		k = K_LETTER;
		break;
	case UTF8PROC_CATEGORY_NO:
	case UTF8PROC_CATEGORY_PC:
	case UTF8PROC_CATEGORY_PD:
	case UTF8PROC_CATEGORY_PS:
	case UTF8PROC_CATEGORY_PE:
	case UTF8PROC_CATEGORY_PI:
	case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO:
	case UTF8PROC_CATEGORY_SM:
	case UTF8PROC_CATEGORY_SC:
	case UTF8PROC_CATEGORY_SK:
	case UTF8PROC_CATEGORY_SO:
		return K_SYM;
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_ME:
		return K_MARK | (c >= 0x800 && c < 0x8a0 ? K_RARE : 0);
	case UTF8PROC_CATEGORY_CN:
	case UTF8PROC_CATEGORY_CO:
	case UTF8PROC_CATEGORY_CS:
		return K_RARE;
	default:
		return 0;
	}
	if (c == 0x17f || (c >= 0x250 && c < 0x300) ||
	    (c >= 0x500 && c < 0x530) || (c >= 0x800 && c < 0x8a0) ||
	    (c >= 0x1d00 && c < 0x1dc0))
		k |= K_RARE;
	if (c < 0x250 || (c >= 0x1e00 && c < 0x1f00))
		script = 1;
	else if (c < 0x400 || (c >= 0x1f00 && c < 0x2000)) {
		script = 2;
		k |= K_GREEK;
	} else if (c < 0x530)
		script = 3;
	else if ((c >= 0x3040 && c < 0xa000) || (c >= 0xac00 && c < 0xd7b0) ||
	    c >= 0x20000)
		script = 4;
	else
		script = 16 + (int)(c >> 7);
	return k | script << 8;
}

/* Symbols that often follow a letter in real text. */
static int
after_ok(uint32_t c)
{
	switch (c) {
	case 0xa0: case 0xa3: case 0xa5: case 0xae: case 0xb4: case 0xb7:
	case 0xb9: case 0xb2: case 0xb3: case 0xbb: case 0xbf:
	case 0x2013: case 0x2014: case 0x2019: case 0x201d: case 0x2020:
	case 0x2021: case 0x2026: case 0x2030: case 0x203a: case 0x2032:
	case 0x2033: case 0x2122:
		return 1;
	}
	return 0;
}

/* Symbols that often come right before a letter in real text. */
static int
before_ok(uint32_t c)
{
	switch (c) {
	case 0xa1: case 0xa3: case 0xa5: case 0xa7: case 0xa9: case 0xab:
	case 0xae: case 0xb0: case 0xb4: case 0xb7: case 0xbf:
	case 0x2013: case 0x2014: case 0x2018: case 0x2019: case 0x201a:
	case 0x201c: case 0x201d: case 0x201e: case 0x2022: case 0x2026:
	case 0x2039: case 0x20ac: case 0x2116: case 0x2122:
		return 1;
	}
	return 0;
}

/* Byte of c in code page P, or -1. */
static int
cp_byte(const struct codepage *P, uint32_t c)
{
	size_t lo = 0, hi = 128, mid;

	if (c < 0x80)
		return (int)c;
	if (c <= 0xff && (P->hi[c - 0x80] == c ||
	    (c < 0xa0 && (P->flags & P_LATIN1))))
		return (int)c;
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (P->rev[mid].cp == c)
			return P->rev[mid].byte;
		if (P->rev[mid].cp < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static int
is_lower(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 0x80 && (kind(c) & K_LOWER));
}

/*
 * Whether the characters at s[i] (of n) re-encode through P to one UTF-8
 * sequence.  Fills *q and returns 1 if so.  U+FFFD where a continuation
 * byte belongs means the byte was lost: the sequence stands for U+FFFD.
 * A CESU-8 surrogate pair counts as one sequence.
 */
static int
seq_at(const struct codepage *P, const uint32_t *s, size_t n, size_t i,
    int flags, struct seq *q)
{
	unsigned char b[6];
	uint32_t c, cp, hi, lo;
	int b0, bj, j, k, lost = 0, odd = 0;

	if ((b0 = cp_byte(P, s[i])) < 0xc2 || b0 > 0xf4)
		return 0;
	memset(q, 0, sizeof(*q));
	if ((P->flags & P_AGRAVE) && b0 == 0xc3 && i + 2 < n && s[i + 1] == ' ' &&
	    (i == 0 || !(kind(s[i - 1]) & K_UPPER))) {
		/* "Ã " is à whose A0 byte became a space. */
		if (s[i + 2] == ' ' || (s[i + 2] == 's' && (i + 3 == n ||
		    s[i + 3] == ' ')) || (i + 4 < n && s[i + 2] == 'q' &&
		    s[i + 3] == 'u' && (s[i + 4] == 'e' || s[i + 4] == 'i')))
			q->len = 2;
		else if (is_lower(s[i + 2]))
			q->len = 1;
		if (q->len) {
			q->cp = 0xe0;
			q->bonus = 2;
			return 1;
		}
	}
	k = b0 < 0xe0 ? 1 : b0 < 0xf0 ? 2 : 3;
	b[0] = (unsigned char)b0;
	for (j = 1; j <= k; j++) {
		if (i + j >= n)
			return 0;
		c = s[i + j];
		if (c == 0xfffd || (c == '?' && (flags & S_LOSSY))) {
			lost++;
			bj = 0x80;
		} else if (c == ' ' && (flags & S_A0)) {
			bj = 0xa0;
			q->a0 = 1;
		} else {
			if ((bj = cp_byte(P, c)) < 0x80 || bj > 0xbf)
				return 0;
			if ((P->flags & P_LEADS) && !(kind(c) & K_LETTER) &&
			    !after_ok(c))
				odd = 1;
		}
		b[j] = (unsigned char)bj;
	}
	q->len = (size_t)k + 1;
	if (lost)
		cp = 0xfffd;
	else if (utf8_decode((char *)b, (size_t)k + 1, &cp) == 0) {
		/* CESU-8: ED A0-AF xx ED B0-BF xx */
		if (b0 != 0xed || (b[1] & 0xf0) != 0xa0 || i + 5 >= n ||
		    cp_byte(P, s[i + 3]) != 0xed)
			return 0;
		for (j = 4; j < 6; j++) {
			if ((bj = cp_byte(P, s[i + j])) < 0x80 || bj > 0xbf)
				return 0;
			b[j] = (unsigned char)bj;
		}
		if ((b[4] & 0xf0) != 0xb0)
			return 0;
		hi = (uint32_t)(b[1] & 0x0f) << 6 | (b[2] & 0x3f);
		lo = (uint32_t)(b[4] & 0x0f) << 6 | (b[5] & 0x3f);
		cp = 0x10000 + (hi << 10) + lo;
		q->len = 6;
		odd = 1;
	}
	if ((cp >= 0xfdd0 && cp < 0xfdf0) || (cp & 0xfffe) == 0xfffe)
		return 0;
	q->cp = cp;
	q->bonus = odd;
	if ((P->flags & P_LEADS) && ((k == 1 && (b0 == 0xc2 || b0 == 0xc3) &&
	    !(s[i + 1] == 0x2019 && i + 2 < n && (kind(s[i + 2]) & K_LETTER))) ||
	    (k == 2 && b0 == 0xe2)))
		q->bonus += 2;
	if (cp == 0xfeff)
		q->bonus += 2;
	return 1;
}

/* How odd the adjacent characters a, b look (see the top of the file). */
static int
pair(uint32_t a, uint32_t b)
{
	int ka = kind(a), kb = kind(b), score = 0;

	if ((ka & K_LETTER) && (kb & K_SYM) && !after_ok(b))
		score++;
	if ((ka & K_SYM) && !before_ok(a) && (kb & K_LETTER) &&
	    !(kb & K_GREEK))
		score++;
	if ((ka & K_LOWER) && (kb & K_UPPER) && b >= 0x80)
		score++;
	if ((ka & K_LETTER) && (kb & K_LETTER) &&
	    K_SCRIPT(ka) != K_SCRIPT(kb) && !((ka | kb) & K_GREEK))
		score++;
	if ((kb & K_MARK) && !(ka & (K_LETTER | K_MARK)))
		score++;
	return score;
}

/* Badness of the characters of s[0..n), one by one and in pairs. */
static int
oddness(const uint32_t *s, size_t n)
{
	size_t i;
	int score = 0;

	for (i = 0; i < n; i++) {
		if (s[i] >= 0x80 && s[i] < 0xa0)
			score += 2;
		else if (s[i] >= 0x80 && (kind(s[i]) & K_RARE))
			score += 3;
		if (i > 0 && (s[i] >= 0x80 || s[i - 1] >= 0x80))
			score += pair(s[i - 1], s[i]);
	}
	return score;
}

/* Badness of s[0..n) as text of code page P: see the top of the file. */
static int
badness(const struct codepage *P, const uint32_t *s, size_t n)
{
	struct seq q;
	size_t i, end;
	int score = oddness(s, n);

	for (i = 0, end = (size_t)-1; i < n; i++)
		if (s[i] >= 0x80 && seq_at(P, s, n, i, 0, &q)) {
			/* one sequence right after another is mojibake */
			score += q.bonus + (i == end);
			i += q.len - 1;
			end = i + 1;
		}
	return score;
}

static int
memchr_cp(const uint32_t *s, size_t n, uint32_t c)
{
	while (n-- > 0)
		if (*s++ == c)
			return 1;
	return 0;
}

/* Results of whole(). */
#define W_OK		0
#define W_FAIL		1
#define W_SPACE		2	/* failed where a space may be a lost A0 */

/*
 * Re-encode all of s[0..n) through P and decode it as UTF-8 into d,
 * storing its length in *m.  Fails unless every non-ASCII character is
 * part of a sequence and at least one sequence needs no lost A0 byte.
 */
static int
whole(const struct codepage *P, const uint32_t *s, size_t n, size_t first,
    uint32_t *d, size_t *m, int flags)
{
	struct seq q;
	size_t i, j, plain = 0;

	/* First only check, from the first non-ASCII character s[first]. */
	for (i = first; i < n; i++) {
		if (s[i] < 0x80)
			continue;
		if (!seq_at(P, s, n, i, flags, &q)) {
			if (!(flags & S_A0) && cp_byte(P, s[i]) >= 0xc2 &&
			    memchr_cp(s + i + 1, n - i - 1 < 3 ? n - i - 1 : 3, ' '))
				return W_SPACE;
			return W_FAIL;
		}
		plain += !q.a0;
		i += q.len - 1;
	}
	if (plain == 0)
		return W_FAIL;
	memcpy(d, s, first * sizeof(*s));
	for (i = j = first; i < n; i++) {
		if (s[i] < 0x80)
			d[j++] = s[i];
		else {
			seq_at(P, s, n, i, flags, &q);
			d[j++] = q.cp;
			i += q.len - 1;
		}
	}
	*m = j;
	return W_OK;
}

/* Repair the line (*a)[0..*n) through one whole code page; 1 if done. */
static int
fix_whole(uint32_t **a, uint32_t **b, size_t *n)
{
	const struct codepage *P;
	uint32_t *t;
	size_t m, first;
	int r;

	for (first = 0; first < *n && (*a)[first] < 0x80; first++)
		;
	if (first == *n)
		return 0;
	for (P = pages; P < pages + NPAGES; P++) {
		r = whole(P, *a, *n, first, *b, &m, S_LOSSY);
		if (r == W_SPACE)
			r = whole(P, *a, *n, first, *b, &m,
			    S_LOSSY | S_A0);
		if (r != W_OK || badness(P, *b, m) >= badness(P, *a, *n))
			continue;
		t = *a, *a = *b, *b = t;
		*n = m;
		return 1;
	}
	return 0;
}

/*
 * Repair runs of Windows-1252 sequences in (*pa)[0..*n), each run judged
 * with its neighbours; 1 if any was.
 */
static int
fix_runs(uint32_t **pa, uint32_t **pb, size_t *n)
{
	struct seq q;
	uint32_t *a = *pa, *b = *pb;
	size_t i, j, k, end, m, w, next;
	int bonus, done = 0;

	/* Most lines have no lead character Â-ô at all. */
	for (i = 0; i < *n && (a[i] < 0xc2 || a[i] > 0xf4); i++)
		;
	if (i == *n)
		return 0;
	memcpy(b, a, i * sizeof(*a));
	for (k = i; i < *n; i++) {
		if (a[i] < 0xc2 || a[i] > 0xf4 || !seq_at(CP1252, a, *n, i, 0, &q)) {
			b[k++] = a[i];
			continue;
		}
		/* b[w..k) is the window: previous character and the run */
		m = k;
		w = i > 0 ? m - 1 : m;
		bonus = 0;
		for (end = i; end < *n && seq_at(CP1252, a, *n, end, 0, &q);
		    end += q.len) {
			bonus += q.bonus;
			b[k++] = q.cp;
		}
		next = end < *n;
		if (next)
			b[k] = a[end];	/* and the next, for a moment */
		j = i > 0 ? i - 1 : i;
		/* A run cut short by more undecodable mojibake stays. */
		if (!(end + 1 < *n && a[end] >= 0xc2 && a[end] <= 0xf4 &&
		    a[end + 1] >= 0x80) &&
		    badness(CP1252, b + w, k - w + next) <
		    oddness(a + j, end - j + next) + bonus)
			done = 1;
		else {
			k = m;
			for (j = i; j < end; j++)
				b[k++] = a[j];
		}
		i = end - 1;
	}
	if (done) {
		*pa = b, *pb = a;
		*n = k;
	}
	return done;
}

/*
 * The pages[] (a bit each) where c's byte leads a UTF-8 sequence (C2-F4),
 * in *lead, where it may continue one (80-BF), in *cont, and where it is
 * the C3 that may be an à with a lost A0 byte, in *agrave; only the pages
 * in want are looked at.
 */
static void
roles(uint32_t c, unsigned want, unsigned *lead, unsigned *cont,
    unsigned *agrave)
{
	size_t k;
	int b;

	*lead = *cont = *agrave = 0;
	for (k = 0; k < NPAGES; k++) {
		if (!(want & 1u << k))
			continue;
		b = cp_byte(&pages[k], c);
		if (b >= 0xc2 && b <= 0xf4)
			*lead |= 1u << k;
		else if (b >= 0x80 && b <= 0xbf)
			*cont |= 1u << k;
		if (b == 0xc3 && (pages[k].flags & P_AGRAVE))
			*agrave |= 1u << k;
	}
}

/*
 * mojibake_fix() changes nothing when, for each code page, fix_whole()'s
 * whole() fails, and fix_runs() finds no sequence.  whole() checks the
 * line's non-ASCII characters in order, each the lead of a sequence or a
 * continuation in one, and fails for page P (with any flags) at:
 *  (a) the first non-ASCII character, unless it is a lead in P;
 *  (b) a character neither lead nor continuation in P, but U+FFFD (which
 *      may stand for a lost continuation);
 *  (c) a character that is no continuation in P (but U+FFFD), followed
 *      by the end of the line or by an ASCII character other than the
 *      space and '?': it cannot be inside a sequence (continuations are
 *      non-ASCII, or a space or '?' standing for a lost byte; the "Ã "
 *      case takes only ASCII after the Ã; a CESU-8 pair needs non-ASCII
 *      after its second ED), and as a lead it finds no continuation.
 * It also fails (d) when each lead in P is followed by a space or ends
 * the line, but for the Ã of "Ã ": without S_A0 such a lead starts no
 * sequence, and with it every sequence stands on a lost A0 byte, which
 * whole() does not take alone.
 * fix_runs() tries Windows-1252 sequences only at characters U+00C2-
 * U+00F4 (their bytes there); one followed by the end of the line or by
 * ASCII starts none, but for Ã followed by a space ("Ã " may be à).
 * The characters are looked up only until every page has failed, so this
 * mostly costs little more than a scan for the byte C3.
 */
int
mojibake_none(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s, *p, *end = u + n;
	const unsigned all = (1u << NPAGES) - 1;
	unsigned failed = 0, plainlead = 0, lead, cont, agrave;
	uint32_t c;
	size_t i, next;
	int k, first = 1;

	for (i = 0; i < n && failed != all; i += (size_t)k) {
		if (u[i] < 0x80) {
			k = 1;
			while (n - i >= 9 && !scan_high(scan_load(s + i + 1)))
				i += 8;
			continue;
		}
		if ((k = utf8_decode(s + i, n - i, &c)) == 0)
			return 0;
		next = i + (size_t)k;
		roles(c, all & ~failed, &lead, &cont, &agrave);
		if (first)
			failed |= all & ~lead;				/* (a) */
		if (c != 0xfffd && (next == n || (u[next] < 0x80 &&
		    u[next] != ' ' && u[next] != '?')))
			failed |= all & ~cont;				/* (c) */
		else if (c != 0xfffd)
			failed |= all & ~(lead | cont);			/* (b) */
		if (next < n && u[next] != ' ')
			plainlead |= lead;
		plainlead |= agrave;
		first = 0;
	}
	if (i >= n)		/* all characters seen */
		failed |= all & ~plainlead;				/* (d) */
	if (failed != all)
		return 0;
	/* U+00C2-U+00F4 are C3 82 - C3 B4 in UTF-8. */
	for (p = u; (p = memchr(p, 0xc3, (size_t)(end - p))) != NULL; p++) {
		if (end - p < 3 || p[1] < 0x82 || p[1] > 0xb4)
			continue;
		if (p[2] >= 0x80 || (p[1] == 0x83 && p[2] == ' '))
			return 0;
	}
	return 1;
}

uint32_t
mojibake_cp1252(unsigned char b)
{
	return b < 0x80 ? b : cp1252_hi[b - 0x80];
}

size_t
mojibake_fix(uint32_t **a, uint32_t **b, size_t n)
{
	int layer;

	for (layer = 0; layer < MAXLAYERS; layer++)
		if (!fix_whole(a, b, &n) && !fix_runs(a, b, &n))
			break;
	return n;
}
