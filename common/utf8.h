/*
 * utf8.h: UTF-8 decoding, encoding, validation and code point counting.
 * Everything here works on byte ranges, never assumes NUL termination,
 * and rejects overlong forms, surrogates and code points past U+10FFFF.
 */
#ifndef UTF8_H
#define UTF8_H

#include <stddef.h>
#include <stdint.h>

/* True for a byte that starts a code point (not a continuation byte). */
#define UTF8_POINT(c)	(((unsigned char)(c) & 0xc0) != 0x80)

/*
 * Decode the code point at s (at most n bytes).  Returns its length in
 * bytes (1-4) and stores it in *cp; returns 0 when the bytes at s are not
 * a valid UTF-8 sequence (or n == 0), leaving *cp unspecified.  Inline:
 * the filters' inner loops call it for every non-ASCII character.
 */
static inline int
utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c;
	int len, i;

	if (n == 0)
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] < 0xc2)		/* continuation byte or overlong lead */
		return 0;
	else if (u[0] < 0xe0)
		len = 2, c = u[0] & 0x1f;
	else if (u[0] < 0xf0)
		len = 3, c = u[0] & 0x0f;
	else if (u[0] < 0xf5)
		len = 4, c = u[0] & 0x07;
	else
		return 0;
	if ((size_t)len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (u[i] & 0x3f);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

/* Encode cp (must be a valid scalar value) into out; returns 1-4. */
int	utf8_encode(uint32_t cp, char out[4]);

/* Length of the longest valid UTF-8 prefix of s[0..n); == n when all valid. */
size_t	utf8_valid_prefix(const char *s, size_t n);

/* Number of code points in s[0..n), which must be valid UTF-8. */
size_t	utf8_cpcount(const char *s, size_t n);

/* Byte offset of code point number cp in s[0..n) (n when past the end). */
size_t	utf8_cpoffset(const char *s, size_t n, size_t cp);

#endif
