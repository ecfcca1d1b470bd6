/* lexicon.c: see lexicon.h. */
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "util.h"

void
lex_open(struct lexreader *lr, const char *text, const char *name)
{
	memset(lr, 0, sizeof(*lr));
	lr->p = text;
	lr->name = name;
}

int
lex_next(struct lexreader *lr, struct lexline *l)
{
	const char *eol;
	size_t n;
	char *s, *tab;

	for (;;) {
		if (lr->p == NULL || *lr->p == '\0') {
			free(lr->tmp);
			lr->tmp = NULL;
			lr->tmpcap = 0;
			return 0;
		}
		eol = strchr(lr->p, '\n');
		n = eol ? (size_t)(eol - lr->p) : strlen(lr->p);
		lr->lineno++;
		if (n == 0 || lr->p[0] == '#') {
			lr->p += n + (eol != NULL);
			continue;
		}
		if (n + 1 > lr->tmpcap) {
			lr->tmpcap = n + 1;
			lr->tmp = erealloc(lr->tmp, lr->tmpcap);
		}
		memcpy(lr->tmp, lr->p, n);
		lr->tmp[n] = '\0';
		if (n > 0 && lr->tmp[n - 1] == '\r')
			lr->tmp[--n] = '\0';
		lr->p += n + (eol != NULL);
		if (eol && lr->p[-1] == '\r')
			lr->p++;
		break;
	}
	l->lineno = lr->lineno;
	l->ncol = 0;
	s = lr->tmp;
	for (;;) {
		tab = strchr(s, '\t');
		if (l->ncol < LEX_MAXCOL) {
			l->col[l->ncol] = s;
			l->len[l->ncol] = tab ? (size_t)(tab - s) : strlen(s);
			l->ncol++;
		}
		if (tab == NULL)
			break;
		*tab = '\0';
		s = tab + 1;
	}
	return 1;
}

uint64_t
hash64(const void *p, size_t n)
{
	const unsigned char *u = p;
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= u[i];
		h *= 1099511628211ULL;
	}
	return h;
}

struct slot {
	char	*key;
	size_t	 len;
	uint64_t hash;
	void	*val;
};

struct strmap {
	struct slot	*slots;
	size_t		 cap;		/* a power of two */
	size_t		 count;
};

struct strmap *
strmap_new(void)
{
	struct strmap *m = ecalloc(1, sizeof(*m));

	m->cap = 64;
	m->slots = ecalloc(m->cap, sizeof(*m->slots));
	return m;
}

static struct slot *
find(const struct strmap *m, const char *key, size_t len, uint64_t h)
{
	size_t i = (size_t)h & (m->cap - 1);
	struct slot *s;

	for (;;) {
		s = &m->slots[i];
		if (s->key == NULL || (s->hash == h && s->len == len &&
		    memcmp(s->key, key, len) == 0))
			return s;
		i = (i + 1) & (m->cap - 1);
	}
}

static void
grow(struct strmap *m)
{
	struct slot *old = m->slots, *s;
	size_t oldcap = m->cap, i;

	m->cap *= 2;
	m->slots = ecalloc(m->cap, sizeof(*m->slots));
	for (i = 0; i < oldcap; i++) {
		if (old[i].key == NULL)
			continue;
		s = find(m, old[i].key, old[i].len, old[i].hash);
		*s = old[i];
	}
	free(old);
}

void *
strmap_put(struct strmap *m, const char *key, size_t len, void *val)
{
	uint64_t h = hash64(key, len);
	struct slot *s;
	void *prev;

	if ((m->count + 1) * 4 > m->cap * 3)
		grow(m);
	s = find(m, key, len, h);
	if (s->key != NULL) {
		prev = s->val;
		s->val = val;
		return prev;
	}
	s->key = emalloc(len + 1);
	memcpy(s->key, key, len);
	s->key[len] = '\0';
	s->len = len;
	s->hash = h;
	s->val = val;
	m->count++;
	return NULL;
}

void *
strmap_get(const struct strmap *m, const char *key, size_t len)
{
	return find(m, key, len, hash64(key, len))->val;
}

size_t
strmap_count(const struct strmap *m)
{
	return m->count;
}

void
strmap_free(struct strmap *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
	free(m);
}
