/* utf8.c: see utf8.h. */
#include "scan.h"
#include "utf8.h"

int
utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3f));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

size_t
utf8_valid_prefix(const char *s, size_t n)
{
	size_t i = 0;
	uint32_t cp;
	int k;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {	/* ASCII fast path */
			i++;
			while (i + 8 <= n && !scan_high(scan_load(s + i)))
				i += 8;
			continue;
		}
		if ((k = utf8_decode(s + i, n - i, &cp)) == 0)
			break;
		i += k;
	}
	return i;
}

size_t
utf8_cpcount(const char *s, size_t n)
{
	size_t i = 0, k, count = 0;

	/* Eight ASCII bytes at a time: most text is plain. */
	for (; i + 8 <= n; i += 8) {
		if ((scan_load(s + i) & SCAN_HIGHS) == 0) {
			count += 8;
			continue;
		}
		for (k = i; k < i + 8; k++)
			count += UTF8_POINT(s[k]);
	}
	for (; i < n; i++)
		count += UTF8_POINT(s[i]);
	return count;
}

size_t
utf8_cpoffset(const char *s, size_t n, size_t cp)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (UTF8_POINT(s[i]) && cp-- == 0)
			return i;
	return n;
}
