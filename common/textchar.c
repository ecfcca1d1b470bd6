/* textchar.c: see textchar.h. */
#include <stdint.h>

#include <utf8proc.h>

#include "textchar.h"
#include "utf8.h"

#define TC_UP(c)	((c) >= 'A' && (c) <= 'Z')
#define TC_LOW(c)	((c) >= 'a' && (c) <= 'z')
#define TC_DIG(c)	((c) >= '0' && (c) <= '9')

int
tc_isspace(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v';
}

size_t
tc_spaceat(const char *s, size_t n, size_t i)
{
	const unsigned char *u = (const unsigned char *)s + i;

	if (i >= n)
		return 0;
	if (tc_isspace(u[0]))
		return 1;
	if (u[0] == 0xc2 && i + 1 < n && u[1] == 0xa0)
		return 2;
	if (i + 2 >= n)
		return 0;
	if ((u[0] == 0xe2 && u[1] == 0x80 && (u[2] <= 0x8a || u[2] == 0xaf)) ||
	    (u[0] == 0xe2 && u[1] == 0x81 && u[2] == 0x9f) ||
	    (u[0] == 0xe3 && u[1] == 0x80 && u[2] == 0x80))
		return 3;
	return 0;
}

size_t
tc_spacebefore(const char *s, size_t a, size_t e)
{
	size_t k;

	for (k = 1; k <= 3 && k <= e - a; k++)
		if (UTF8_POINT(s[e - k]))
			return tc_spaceat(s, e, e - k) == k ? k : 0;
	return 0;
}

uint32_t
tc_cpat(const char *s, size_t n, size_t i, size_t *len)
{
	uint32_t cp;
	int k;

	if (i >= n) {
		*len = 0;
		return 0;
	}
	if ((unsigned char)s[i] < 0x80) {
		*len = 1;
		return (unsigned char)s[i];
	}
	if ((k = utf8_decode(s + i, n - i, &cp)) == 0) {
		*len = 1;
		return (unsigned char)s[i];
	}
	*len = (size_t)k;
	return cp;
}

int
tc_case(uint32_t cp)
{
	if (cp < 0x80)
		return TC_UP(cp) ? 1 : TC_LOW(cp) ? -1 : 0;
	switch (utf8proc_category((utf8proc_int32_t)cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LT:
		return 1;
	case UTF8PROC_CATEGORY_LL:
		return -1;
	default:
		return 0;
	}
}

int
tc_isletter(uint32_t cp)
{
	if (cp < 0x80)
		return TC_UP(cp) || TC_LOW(cp);
	switch (utf8proc_category((utf8proc_int32_t)cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		return 1;
	default:
		return 0;
	}
}

int
tc_isalnum(uint32_t cp)
{
	return (cp < 0x80 && TC_DIG(cp)) || tc_isletter(cp) ||
	    (cp >= 0x80 && utf8proc_category((utf8proc_int32_t)cp) ==
	    UTF8PROC_CATEGORY_ND);
}

int
tc_iscloser(uint32_t cp)
{
	switch (cp) {
	case '"': case '\'': case ')': case ']': case '}':
	case 0x2019: case 0x201D: case 0x00BB: case 0x203A:
		return 1;
	}
	return 0;
}

int
tc_isopener(uint32_t cp)
{
	switch (cp) {
	case '"': case '\'': case '(': case '[': case '{': case '`':
	case '-': case '_': case '*':
	case 0x2018: case 0x201C: case 0x201E: case 0x00AB: case 0x2039:
	case 0x00BF: case 0x00A1: case 0x2013: case 0x2014:
		return 1;
	}
	return 0;
}

int
tc_isbullet(uint32_t cp)
{
	switch (cp) {
	case 0x2022: case 0x2023: case 0x2043: case 0x25E6: case 0x25AA:
	case 0x25AB: case 0x25CF: case 0x25A0: case 0x25B8: case 0x25BA:
		return 1;
	}
	return 0;
}
