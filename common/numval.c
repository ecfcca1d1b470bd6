/* numval.c: exact decimals for number values; see numbers.h. */
#include <string.h>

#include "numbers.h"

__extension__ typedef __int128 i128;

#define I128_LIM ((i128)9000000000000000000LL)

static struct numval
norm(long long m, int e)
{
	struct numval v;

	while (m != 0 && m % 10 == 0) {
		m /= 10;
		e++;
	}
	if (m == 0)
		e = 0;
	v.m = m;
	v.e = e;
	return v;
}

struct numval
nv_int(long long i)
{
	return norm(i, 0);
}

struct numval
nv_pow10(int e)
{
	struct numval v = { 1, e };

	return v;
}

int
nv_mul(struct numval *r, struct numval a, struct numval b)
{
	i128 m = (i128)a.m * b.m;

	if (m > I128_LIM || m < -I128_LIM)
		return -1;
	*r = norm((long long)m, a.e + b.e);
	return 0;
}

/* Scale m up by 10^k (k >= 0), failing on overflow. */
static int
up(i128 *m, int k)
{
	while (k-- > 0) {
		*m *= 10;
		if (*m > I128_LIM || *m < -I128_LIM)
			return -1;
	}
	return 0;
}

int
nv_add(struct numval *r, struct numval a, struct numval b)
{
	i128 x = a.m, y = b.m;
	int e = a.e < b.e ? a.e : b.e;

	if (a.m == 0) {
		*r = b;
		return 0;
	}
	if (b.m == 0) {
		*r = a;
		return 0;
	}
	if (up(&x, a.e - e) < 0 || up(&y, b.e - e) < 0)
		return -1;
	x += y;
	if (x > I128_LIM || x < -I128_LIM)
		return -1;
	*r = norm((long long)x, e);
	return 0;
}

/*
 * The quotient to ten decimals, but to ten significant digits when it is
 * below 0.1 ("1 over 121", "a trillionth"); exact when it ends sooner.
 */
int
nv_div(struct numval *r, struct numval a, struct numval b)
{
	i128 n0 = a.m, d = b.m, n, q = 0;
	int sc, e = 0, neg = 0, ok = 0;

	if (d == 0)
		return -1;
	if (n0 < 0) {
		n0 = -n0;
		neg = !neg;
	}
	if (d < 0) {
		d = -d;
		neg = !neg;
	}
	for (sc = 0; sc <= 30; sc++) {
		n = n0;
		if (up(&n, sc) < 0)
			break;
		q = (2 * n + d) / (2 * d);	/* rounded half up */
		e = a.e - b.e - sc;
		ok = 1;
		if (n % d == 0 || (e <= -10 && q >= 1000000000))
			break;
	}
	if (!ok)
		return -1;
	*r = norm(neg ? -(long long)q : (long long)q, e);
	return 0;
}

int
nv_parse(struct numval *r, const char *s, size_t n)
{
	i128 m = 0;
	int e = 0, point = 0, any = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == ',' || s[i] == ' ' || (s[i] & 0x80))
			continue;	/* group separators, thin spaces too */
		if (s[i] == '.') {
			if (point)
				return -1;
			point = 1;
			continue;
		}
		if (s[i] < '0' || s[i] > '9')
			return -1;
		if (m > I128_LIM / 10) {	/* drop digits past precision */
			if (!point)
				e++;
			continue;
		}
		m = m * 10 + (s[i] - '0');
		if (point)
			e--;
		any = 1;
	}
	if (!any)
		return -1;
	*r = norm((long long)m, e);
	return 0;
}

char *
nv_format(char *out, struct numval v)
{
	char dig[24];
	unsigned long long u;
	int nd, i, p = 0;

	v = norm(v.m, v.e);
	u = v.m < 0 ? 0ULL - (unsigned long long)v.m : (unsigned long long)v.m;
	for (i = (int)sizeof(dig), nd = 0; u > 0 || nd == 0; u /= 10, nd++)
		dig[--i] = (char)('0' + u % 10);
	memmove(dig, dig + i, (size_t)nd);
	if (v.m < 0)
		out[p++] = '-';
	if (v.e >= 0) {
		memcpy(out + p, dig, (size_t)nd);
		p += nd;
		for (i = 0; i < v.e && p < 46; i++)
			out[p++] = '0';
	} else if (-v.e >= nd) {
		out[p++] = '0';
		out[p++] = '.';
		for (i = 0; i < -v.e - nd && p < 24; i++)
			out[p++] = '0';
		memcpy(out + p, dig, (size_t)nd);
		p += nd;
	} else {
		memcpy(out + p, dig, (size_t)(nd + v.e));
		p += nd + v.e;
		out[p++] = '.';
		memcpy(out + p, dig + nd + v.e, (size_t)-v.e);
		p += -v.e;
	}
	out[p] = '\0';
	return out;
}

int
nv_cmp(struct numval a, struct numval b)
{
	struct numval d;

	b.m = -b.m;
	if (nv_add(&d, a, b) < 0)
		return a.m < 0 ? -1 : 1;
	return d.m < 0 ? -1 : d.m > 0;
}
