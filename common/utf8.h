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
 * a valid UTF-8 sequence (or n == 0), leaving *cp unspecified.
 */
int	utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Encode cp (must be a valid scalar value) into out; returns 1-4. */
int	utf8_encode(uint32_t cp, char out[4]);

/* Length of the longest valid UTF-8 prefix of s[0..n); == n when all valid. */
size_t	utf8_valid_prefix(const char *s, size_t n);

/* Number of code points in s[0..n), which must be valid UTF-8. */
size_t	utf8_cpcount(const char *s, size_t n);

/* Byte offset of code point number cp in s[0..n) (n when past the end). */
size_t	utf8_cpoffset(const char *s, size_t n, size_t cp);

#endif
