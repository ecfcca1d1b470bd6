/*
 * numzone.c: the skip zones of the number finder (see numint.h).  A PCRE2
 * pattern, compiled once, marks the tokens that lie inside URLs, e-mail
 * addresses, handles, hashtags, clock times and phone numbers, so no
 * number is read there.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "numint.h"
#include "scan.h"
#include "utf8.h"

/* Alternatives tried left to right; "keep" protects ISO dates. */
static const char zone_pattern[] =
    "(?<keep>\\b\\d{4}-\\d{1,2}-\\d{1,2}\\b)"
    "|(?:https?://|www\\.)\\S+"
    "|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"
    "|(?<![\\w@#])[@#]\\w+"
    "|(?<![\\w.-])[\\w-]+(?:\\.[\\w-]+)*\\.(?i:com|org|net|gov|edu|int|io|co|uk|ua"
	"|ru|eu|de|fr|info|html?|pdf|php|aspx?|xlsx?|docx?|jpe?g|png)\\b\\S*"
    "|\\b\\d{1,2}[:.]\\d{2}(?::\\d{2})?\\s?(?i:[ap]\\.?m\\b\\.?)"
    "|\\b\\d{1,2}:\\d{2}(?::\\d{2})?(?!\\d)"
    "|\\b\\d{1,2}\\s?(?i:[ap]\\.m\\.|[ap]m\\b|o'clock)"
    "|\\+\\d[\\d ()./-]{6,}\\d"
    "|\\(\\d{3}\\)\\s?\\d{3}-\\d{4}"
    "|\\b\\d{3}-\\d{3}-\\d{4}\\b"
    "|\\b\\d+(?:\\.\\d+){2,}\\b"
    "|\\b\\d+(?:-\\d+){2,}\\b"
    "|\\b24/7\\b";

/* ASCII \w, and bytes of characters not ASCII (maybe \w). */
#define ZW(c)	(((c) | 0x20) >= 'a' && ((c) | 0x20) <= 'z' ? 1 : \
		 (c) >= '0' && (c) <= '9' ? 1 : (c) == '_' || (c) >= 0x80)
/* Bytes of a domain run: [\w.-] and anything not ASCII. */
#define ZR(c)	(ZW(c) || (c) == '.' || (c) == '-')
#define ZD(c)	((c) >= '0' && (c) <= '9')

/* Compile the zone pattern; *jit says whether the JIT took it. */
static pcre2_code *
zone_compile(uint32_t anchored, int *jit)
{
	pcre2_code *re;
	PCRE2_SIZE eoff;
	int ecode;
	char msg[256];

	re = pcre2_compile((PCRE2_SPTR)zone_pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP | anchored, &ecode, &eoff, NULL);
	if (re == NULL) {
		pcre2_get_error_message(ecode, (PCRE2_UCHAR *)msg, sizeof(msg));
		errx(1, "zone pattern at %zu: %s", (size_t)eoff, msg);
	}
	*jit = pcre2_jit_compile(re, PCRE2_JIT_COMPLETE) == 0;
	return re;
}

/*
 * pcre2_match(), by way of pcre2_jit_match() when re was JIT-compiled:
 * the same code, without pcre2_match()'s checks of its arguments (a few
 * hundred instructions a call).  The sentence is valid UTF-8 and is not
 * checked either way.
 */
static int
zone_match(const struct numfinder *nf, const pcre2_code *re, int jit,
    size_t start)
{
	if (jit)
		return pcre2_jit_match(re, (PCRE2_SPTR)nf->s, nf->n, start,
		    PCRE2_NO_UTF_CHECK, nf->md, nf->mc);
	return pcre2_match(re, (PCRE2_SPTR)nf->s, nf->n, start,
	    PCRE2_NO_UTF_CHECK, nf->md, nf->mc);
}

void
numlex_zone_init(struct numfinder *nf)
{
	int c;

	for (c = 0; c < 256; c++) {
		if (ZR(c))
			nf->zcls[c] |= ZC_RUN;
		if (ZD(c) || c >= 0xc0 || (c != 0 && strchr("#+(hw.", c) != NULL))
			nf->zcls[c] |= ZC_LOOK;
	}
	/* nf->zone, for sentences with an '@' only, is compiled when the
	 * first one comes (zones_slow()): JIT compiling costs about as
	 * much as zoning a megabyte of text */
	nf->zone = NULL;
	nf->zonea = zone_compile(PCRE2_ANCHORED, &nf->zoneajit);
	nf->md = pcre2_match_data_create_from_pattern(nf->zonea, NULL);
	/*
	 * The zone pattern runs over whole sentences (windows of up to
	 * 1 MiB).  Each call is bounded: 10 million steps, a nesting depth of
	 * 10000 when JIT is not there, and a JIT stack of up to 1 MiB (the
	 * default 32 KiB runs out on a run of 2000 "a." and stops the
	 * scan).  A sentence that hits a limit is zoned up to that point.
	 */
	if ((nf->mc = pcre2_match_context_create(NULL)) == NULL ||
	    (nf->jit = pcre2_jit_stack_create(32 * 1024, 1024 * 1024,
	    NULL)) == NULL)
		errx(1, "out of memory");
	pcre2_set_match_limit(nf->mc, 10000000);
	pcre2_set_depth_limit(nf->mc, 10000);
	pcre2_jit_stack_assign(nf->mc, NULL, nf->jit);
	nf->keep = pcre2_substring_number_from_name(nf->zonea,
	    (PCRE2_SPTR)"keep");
}

void
numlex_zone_free(struct numfinder *nf)
{
	pcre2_match_data_free(nf->md);
	pcre2_match_context_free(nf->mc);
	pcre2_jit_stack_free(nf->jit);
	pcre2_code_free(nf->zone);	/* may be NULL */
	pcre2_code_free(nf->zonea);
	free(nf->zc);
}

/* Mark the tokens that overlap the zone s[b..e). */
static void
zone_mark(struct numfinder *nf, size_t b, size_t e, int *i)
{
	while (*i > 0 && nf->t[*i - 1].e > b)
		(*i)--;
	for (; *i < nf->nt && nf->t[*i].b < e; (*i)++)
		if (nf->t[*i].e > b)
			nf->t[*i].skip = 1;
}

/*
 * A match of rc groups at ov[0..1): mark its tokens as a zone unless the
 * group that keeps text (nf->keep) matched; returns where the next try
 * starts (after the match, past an empty one, on a character's start).
 */
static size_t
zone_take(struct numfinder *nf, const PCRE2_SIZE *ov, int rc, int *i)
{
	size_t b = ov[0], e = ov[1], next = e > b ? e : e + 1;

	while (next < nf->n && !UTF8_POINT(nf->s[next]))
		next++;
	if (!(rc > nf->keep && ov[2 * nf->keep] != PCRE2_UNSET))
		zone_mark(nf, b, e, i);
	return next;
}

/* The zones found by trying the pattern at every position (any text). */
static void
zones_slow(struct numfinder *nf)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(nf->md);
	size_t start = 0;
	int rc, i = 0;

	if (nf->zone == NULL)
		nf->zone = zone_compile(0, &nf->zonejit);
	while (start <= nf->n) {
		rc = zone_match(nf, nf->zone, nf->zonejit, start);
		if (rc < 0)
			break;		/* no more, or a limit was hit */
		start = zone_take(nf, ov, rc, &i);
	}
}


/* The first letters of the top-level domains of zone_pattern. */
static int
tld_first(unsigned char c)
{
	return c < 0x80 && strchr("conrgeiudfhpaxjCONRGEIUDFHPAXJ", c) &&
	    c != '\0';
}

/*
 * Whether a zone may start at the digit s[p], the first of a run of ASCII
 * digits (zone_starts() looks at no other).  The alternatives of
 * zone_pattern that start with a digit, after the run d of digits:
 * "-" d "-" d (ISO dates, phone numbers, \d+(?:-\d+){2,}); ":" and two
 * digits, the run of one or two (clock times); "." and two digits, the
 * run of one or two (clock times with a.m./p.m.) or "." d "." d
 * (versions); "24/7"; an 'a', 'p' or 'o' (5pm, 5 o'clock), maybe after
 * one space, the run of one or two.  With PCRE2_UCP \d and \s match
 * characters not ASCII too: where the pattern wants a digit or a space, a
 * byte not ASCII is taken as a maybe (DM).  Zones that start with a digit
 * but end in a top-level domain start in a run zone_starts() marks for
 * its '.'.  The answer may be yes where nothing matches, never no where
 * something does.
 */
#define DM(c)	(ZD(c) || (c) >= 0x80)

/* The end of the ASCII digits from s[q]. */
static size_t
digits_end(const unsigned char *s, size_t n, size_t q)
{
	while (q < n && ZD(s[q]))
		q++;
	return q;
}

/*
 * After a run of digits, sep at s[q]: may sep d sep d follow (ISO dates,
 * versions)?  That is digits after it, then a byte not ASCII or sep
 * again before a digit.
 */
static int
sep_twice(const unsigned char *s, size_t n, size_t q, unsigned char sep)
{
	if (q + 1 >= n || !DM(s[q + 1]))
		return 0;
	if ((q = digits_end(s, n, q + 1)) >= n)
		return 0;
	return s[q] >= 0x80 || (s[q] == sep && q + 1 < n && DM(s[q + 1]));
}

static int
digit_zone(const unsigned char *s, size_t n, size_t p)
{
	size_t q, d;

	if ((q = digits_end(s, n, p)) >= n)
		return 0;
	d = q - p;
	if (s[q] >= 0x80)
		return 1;
	switch (s[q]) {
	case '-':
		return sep_twice(s, n, q, '-');
	case ':':
		return d <= 2 && q + 2 < n && DM(s[q + 1]) && DM(s[q + 2]);
	case '.':
		if (d <= 2 && q + 2 < n && DM(s[q + 1]) && DM(s[q + 2]))
			return 1;
		return sep_twice(s, n, q, '.');
	case '/':
		return d == 2 && s[p] == '2' && s[p + 1] == '4' && q + 1 < n &&
		    s[q + 1] == '7';
	case ' ': case '\t': case '\n': case '\v': case '\f': case '\r':
		if (++q >= n)
			return 0;
		if (s[q] >= 0x80)
			return 1;
		break;
	}
	return d <= 2 && ((s[q] | 0x20) == 'a' || (s[q] | 0x20) == 'p' ||
	    (s[q] | 0x20) == 'o');
}

#if defined(__SSE2__) && defined(__GNUC__)
/*
 * x86_64 always has SSE2: sixteen bytes a step, flagging exactly the
 * bytes zone_starts() can do something at: ASCII digits (v - '0' at most
 * 9, by unsigned saturation), '#', '+', '(', '.', the bytes 0xc0 and above
 * (min(v, 0xc0) is 0xc0), an 'h' before a 't' ("http") and a 'w' before
 * a 'w' ("www."); the last two need the byte after, so a step reads 17
 * bytes.  The other bytes nf->zcls says to look at ('h', 'w' elsewhere)
 * are bytes zone_starts() passes over, and the tail is looked at byte by
 * byte as before.
 */
#include <emmintrin.h>

static size_t
next_look(const struct numfinder *nf, const unsigned char *s, size_t n,
    size_t p)
{
	const __m128i d0 = _mm_set1_epi8('0'), d9 = _mm_set1_epi8(9);
	const __m128i zero = _mm_setzero_si128(), c0 = _mm_set1_epi8((char)0xc0);
	const __m128i hash = _mm_set1_epi8('#'), plus = _mm_set1_epi8('+');
	const __m128i paren = _mm_set1_epi8('('), dot = _mm_set1_epi8('.');
	const __m128i h = _mm_set1_epi8('h'), t = _mm_set1_epi8('t');
	const __m128i w = _mm_set1_epi8('w');
	__m128i x, x1, m;
	unsigned bits;

	for (; n - p >= 17; p += 16) {
		x = _mm_loadu_si128((const __m128i *)(const void *)(s + p));
		x1 = _mm_loadu_si128((const __m128i *)(const void *)(s + p + 1));
		m = _mm_cmpeq_epi8(_mm_subs_epu8(_mm_sub_epi8(x, d0), d9), zero);
		m = _mm_or_si128(m, _mm_cmpeq_epi8(_mm_min_epu8(x, c0), c0));
		m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(x, hash),
		    _mm_cmpeq_epi8(x, plus)));
		m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(x, paren),
		    _mm_cmpeq_epi8(x, dot)));
		m = _mm_or_si128(m, _mm_and_si128(_mm_cmpeq_epi8(x, h),
		    _mm_cmpeq_epi8(x1, t)));
		m = _mm_or_si128(m, _mm_and_si128(_mm_cmpeq_epi8(x, w),
		    _mm_cmpeq_epi8(x1, w)));
		if ((bits = (unsigned)_mm_movemask_epi8(m)) != 0)
			return p + (size_t)__builtin_ctz(bits);
	}
	for (; p < n; p++)
		if (nf->zcls[s[p]] & ZC_LOOK)
			return p;
	return n;
}
#else
/*
 * The high bit of each byte of x that zone_starts() may want to look
 * at, and of some more (nf->zcls decides): the bytes '#' to '9' (digits,
 * '#', '(', '+', '.' and some punctuation), 'h', 'w', and 0xc0 and above.
 * Each test is exact per byte (no carry or borrow crosses a byte), so the
 * lowest bit set is a byte in that set.
 */
static inline uint64_t
look_mask(uint64_t x)
{
	const uint64_t lo7 = SCAN_ONES * 0x7f;
	uint64_t t = x & lo7, yh = x ^ SCAN_ONES * 'h', yw = x ^ SCAN_ONES * 'w';
	uint64_t range, high, h, w;

	/* as nf_letters(): t + 128 - '#' reaches 128 when t >= '#', 127 +
	 * '9' + 1 - t when t <= '9'; ~x rules out bytes of 0x80 and up */
	range = (SCAN_ONES * (0x7f + '9' + 1) - t) & (t + SCAN_ONES * (0x80 - '#')) &
	    ~x;
	high = x & x << 1;		/* bits 7 and 6 set: 0xc0 and above */
	h = ~(((yh & lo7) + lo7) | yh);	/* a zero byte of yh: 'h' */
	w = ~(((yw & lo7) + lo7) | yw);
	return (range | high | h | w) & SCAN_HIGHS;
}

/* The first byte from s[p] on that nf->zcls says to look at, or n. */
static size_t
next_look(const struct numfinder *nf, const unsigned char *s, size_t n,
    size_t p)
{
	uint64_t m;
#ifdef SCAN_LOWBYTE
	size_t k;

	for (; n - p >= 8; p += 8)
		for (m = look_mask(scan_load((const char *)s + p)); m != 0;
		    m &= m - 1)
			if (nf->zcls[s[p + (k = scan_lowbyte(m))]] & ZC_LOOK)
				return p + k;
#else
	for (; n - p >= 8; p += 8)
		if ((m = look_mask(scan_load((const char *)s + p))) != 0)
			break;
#endif
	for (; p < n; p++)
		if (nf->zcls[s[p]] & ZC_LOOK)
			return p;
	return n;
}
#endif

/*
 * Where a zone may start in a sentence without '@': every match of
 * zone_pattern there starts at a digit (ASCII, or any character not
 * ASCII) not preceded by an ASCII word character, "+" or "(" before a
 * digit, '#', "http", "www.", or inside a run of [\w.-] bytes that
 * holds a '.' before a letter a top-level domain starts with (then at a
 * possible word boundary).  Sets nf->zc and returns how many.
 */
static size_t
zone_starts(struct numfinder *nf)
{
	const unsigned char *s = (const unsigned char *)nf->s;
	size_t n = nf->n, p, q, run, done = 0, count = 0;
	unsigned char c, prev;
	uint32_t cp;
	int k;

	if (n > nf->zccap) {
		nf->zccap = n > 256 ? n : 256;
		free(nf->zc);
		nf->zc = emalloc(nf->zccap);
	}
	memset(nf->zc, 0, n);
	for (p = 0; p < n; p++) {
		/* most bytes (letters, spaces) are not worth a look */
		if ((p = next_look(nf, s, n, p)) == n)
			return count;
		c = s[p];
		prev = p > 0 ? s[p - 1] : ' ';
		if (c >= 0x80) {
			/* a digit not ASCII */
			if (utf8_decode((const char *)s + p, n - p, &cp) > 0 &&
			    (k = utf8proc_category((utf8proc_int32_t)cp)) >=
			    UTF8PROC_CATEGORY_ND && k <= UTF8PROC_CATEGORY_NO)
				count += nf->zc[p] = 1;
		} else if ((ZD(c) && (prev >= 0x80 || !ZW(prev)) &&
		    digit_zone(s, n, p)) || c == '#' ||
		    ((c == '+' || c == '(') && p + 1 < n &&
		    (ZD(s[p + 1]) || s[p + 1] >= 0x80)) ||
		    (c == 'h' && p + 3 < n && memcmp(s + p, "http", 4) == 0) ||
		    (c == 'w' && p + 3 < n && memcmp(s + p, "www.", 4) == 0))
			count += nf->zc[p] = 1;
		else if (c == '.' && p + 1 < n && tld_first(s[p + 1])) {
			/* the start of the run of [\w.-] bytes the '.' is in,
			 * or done when that is later */
			for (run = p; run > done &&
			    (nf->zcls[s[run - 1]] & ZC_RUN); run--)
				;
			for (q = run; q < p; q++)
				if (!nf->zc[q] && UTF8_POINT(s[q]) && (q == 0 ||
				    !(ZW(s[q]) && ZW(s[q - 1])) ||
				    s[q] >= 0x80 || s[q - 1] >= 0x80))
					count += nf->zc[q] = 1;
			done = p;
		}
	}
	return count;
}

void
numlex_zones(struct numfinder *nf)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(nf->md);
	const unsigned char *q;
	size_t p;
	int rc, i = 0;

	if (nf->at) {
		zones_slow(nf);		/* e-mail addresses, handles */
		return;
	}
	if (zone_starts(nf) == 0)
		return;
	for (p = 0; p < nf->n; ) {
		if (!nf->zc[p]) {
			q = memchr(nf->zc + p, 1, nf->n - p);
			if (q == NULL)
				break;
			p = (size_t)(q - nf->zc);
		}
		rc = zone_match(nf, nf->zonea, nf->zoneajit, p);
		if (rc == PCRE2_ERROR_NOMATCH) {
			p++;
			continue;
		}
		if (rc < 0)
			break;
		p = zone_take(nf, ov, rc, &i);
	}
}
