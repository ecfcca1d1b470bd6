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

/*
 * Open addressing with linear probing over two arrays: the hashes alone,
 * so a probe that misses (the common case: most words are in no map)
 * touches one small array, and the entries.  The table is kept at most
 * half full, which keeps misses to a probe or two.  Keys live in large
 * chunks, not one allocation each: a lexicon of 100,000 entries is
 * built and freed quickly.
 */
struct entry {
	const char	*key;
	size_t		 len;
	void		*val;
};

#define KEYCHUNK	(64 * 1024)

struct keychunk {
	struct keychunk	*next;
	size_t		 used, size;
	char		 bytes[];
};

struct strmap {
	uint64_t	*hashes;
	struct entry	*entries;
	size_t		 cap;		/* a power of two */
	size_t		 count;
	struct keychunk	*keys;
};

struct strmap *
strmap_new(void)
{
	struct strmap *m = ecalloc(1, sizeof(*m));

	m->cap = 64;
	m->hashes = ecalloc(m->cap, sizeof(*m->hashes));
	m->entries = ecalloc(m->cap, sizeof(*m->entries));
	return m;
}

/* The slot of key: where it is, or the empty slot where it would go. */
static inline size_t
find(const struct strmap *m, const char *key, size_t len, uint64_t h)
{
	size_t mask = m->cap - 1, i = (size_t)h & mask;

	for (;; i = (i + 1) & mask) {
		if (m->hashes[i] == 0)
			return i;
		if (m->hashes[i] == h && m->entries[i].len == len &&
		    memcmp(m->entries[i].key, key, len) == 0)
			return i;
	}
}

static void
grow(struct strmap *m)
{
	uint64_t *oldh = m->hashes;
	struct entry *olde = m->entries;
	size_t oldcap = m->cap, i, j;

	m->cap *= 2;
	m->hashes = ecalloc(m->cap, sizeof(*m->hashes));
	m->entries = ecalloc(m->cap, sizeof(*m->entries));
	for (i = 0; i < oldcap; i++) {
		if (oldh[i] == 0)
			continue;
		for (j = (size_t)oldh[i] & (m->cap - 1); m->hashes[j] != 0;
		    j = (j + 1) & (m->cap - 1))
			;
		m->hashes[j] = oldh[i];
		m->entries[j] = olde[i];
	}
	free(oldh);
	free(olde);
}

/* A copy of key[0..len) with a NUL after it, in the map's key chunks. */
static const char *
keycopy(struct strmap *m, const char *key, size_t len)
{
	struct keychunk *c = m->keys;
	char *p;

	if (c == NULL || c->size - c->used < len + 1) {
		size_t size = len + 1 > KEYCHUNK ? len + 1 : KEYCHUNK;

		c = emalloc(sizeof(*c) + size);
		c->next = m->keys;
		c->used = 0;
		c->size = size;
		m->keys = c;
	}
	p = c->bytes + c->used;
	memcpy(p, key, len);
	p[len] = '\0';
	c->used += len + 1;
	return p;
}

void *
strmap_put(struct strmap *m, const char *key, size_t len, void *val)
{
	uint64_t h = strhash(key, len);
	size_t i;
	void *prev;

	if ((m->count + 1) * 2 > m->cap)
		grow(m);
	i = find(m, key, len, h);
	if (m->hashes[i] != 0) {
		prev = m->entries[i].val;
		m->entries[i].val = val;
		return prev;
	}
	m->hashes[i] = h;
	m->entries[i].key = keycopy(m, key, len);
	m->entries[i].len = len;
	m->entries[i].val = val;
	m->count++;
	return NULL;
}

void *
strmap_get(const struct strmap *m, const char *key, size_t len)
{
	return m->entries[find(m, key, len, strhash(key, len))].val;
}

size_t
strmap_count(const struct strmap *m)
{
	return m->count;
}

void
strmap_free(struct strmap *m)
{
	struct keychunk *c, *next;

	if (m == NULL)
		return;
	for (c = m->keys; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	free(m->hashes);
	free(m->entries);
	free(m);
}
