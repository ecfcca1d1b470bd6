/* lexicon.c: see lexicon.h. */
#include <err.h>
#include <stdint.h>
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
 * Open addressing with linear probing over an array of 4-byte slots, each
 * 0x80 and 7 bits of the key's hash in its top byte and where its entry
 * is in the others: a probe that misses (the common case: most words are
 * in no map) reads that small array only, which stays in cache where a
 * wider one would not, and a slot of another key costs its entry's line
 * only where the 7 bits agree (one in 128).  The entries (value, length,
 * the key's bytes) follow one another in an arena, so a hit reads its
 * slot and one line of the arena, and the lexicon is built and freed with
 * a few allocations.  The table is kept at most 60% full (NEEDGROW), which
 * keeps misses to a probe or three in a line or two of slots.
 */
struct entry {
	union {
		void		*p;
		unsigned char	 b[STRMAP_BLOB];	/* strmap_blob() */
	}		 val;
	uint32_t	 len;
	char		 key[];		/* len bytes and a NUL */
};

/* An arena offset is kept in units of this (the entries' alignment). */
#define ENTALIGN	8
/* Bytes an entry of a key of len bytes takes in the arena. */
#define ENTSIZE(len)	((sizeof(struct entry) + (len) + 1 + ENTALIGN - 1) / \
	ENTALIGN * ENTALIGN)

struct strmap {
	uint32_t	*slots;		/* SLOT_TAG(hash) | offset / ENTALIGN */
	char		*arena;
	size_t		 used, size;	/* of the arena */
	size_t		 cap;		/* slots, a power of two */
	size_t		 count;
	/*
	 * The keys' strhash() in the order put, as the arena holds them:
	 * grow() reads them, not the keys, and lookups never do.
	 */
	uint64_t	*hash;
	size_t		 hashcap;
};

/* Would one more key fill m past 3/5? */
#define NEEDGROW(m)	(((m)->count + 1) * 5 > (m)->cap * 3)

/*
 * The top 7 bits of the hash (the slot is picked by the low ones: a map
 * has far fewer than 2^57 slots), with the top bit set: no slot in use is
 * 0.  The offsets below it allow an arena of 2^24 * ENTALIGN bytes (128
 * MB), far more than a lexicon.
 */
#define SLOT_TAG(h)	((uint32_t)(0x80 | (h) >> 57) << 24)
#define SLOT_OFFMAX	0xffffffu
#define SLOT_ENTRY(m, v) \
	((struct entry *)((m)->arena + (size_t)((v) & SLOT_OFFMAX) * ENTALIGN))

struct strmap *
strmap_new(void)
{
	struct strmap *m = ecalloc(1, sizeof(*m));

	m->cap = 64;
	m->slots = ecalloc(m->cap, sizeof(*m->slots));
	return m;
}

/*
 * Are a[0..n) and b[0..n) the same?  Keys are short: a word at a time
 * (the last one overlapping), inline, costs less than a call to memcmp().
 */
static inline int
keyeq(const char *a, const char *b, size_t n)
{
	uint64_t x, y;
	uint32_t u, v;
	size_t i;

	if (n >= 8) {
		for (i = 0; i + 8 < n; i += 8) {
			memcpy(&x, a + i, 8);
			memcpy(&y, b + i, 8);
			if (x != y)
				return 0;
		}
		memcpy(&x, a + n - 8, 8);
		memcpy(&y, b + n - 8, 8);
		return x == y;
	}
	if (n >= 4) {
		memcpy(&u, a, 4);
		memcpy(&v, b, 4);
		if (u != v)
			return 0;
		memcpy(&u, a + n - 4, 4);
		memcpy(&v, b + n - 4, 4);
		return u == v;
	}
	for (i = 0; i < n; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

/* The slot of key: where it is, or the empty slot where it would go. */
static inline size_t
find(const struct strmap *m, const char *key, size_t len, uint64_t h)
{
	size_t mask = m->cap - 1, i = (size_t)h & mask;
	uint32_t v, tag = SLOT_TAG(h);
	const struct entry *e;

	for (;; i = (i + 1) & mask) {
		if ((v = m->slots[i]) == 0)
			return i;
		if ((v & ~SLOT_OFFMAX) != tag)
			continue;
		e = SLOT_ENTRY(m, v);
		if (e->len == len && keyeq(e->key, key, len))
			return i;
	}
}

/*
 * Double the slots, putting the entries back from the arena in order
 * with their kept hashes; this happens only while a lexicon is built.
 */
static void
grow(struct strmap *m)
{
	uint64_t h;
	size_t i, j, off;
	const struct entry *e;

	free(m->slots);
	m->cap *= 2;
	m->slots = ecalloc(m->cap, sizeof(*m->slots));
	for (i = 0, off = 0; i < m->count; i++, off += ENTSIZE(e->len)) {
		e = (const struct entry *)(m->arena + off);
		h = m->hash[i];
		for (j = (size_t)h & (m->cap - 1); m->slots[j] != 0;
		    j = (j + 1) & (m->cap - 1))
			;
		m->slots[j] = SLOT_TAG(h) | (uint32_t)(off / ENTALIGN);
	}
}

/*
 * A new entry for key, whose strhash() is h, in the arena; returns its
 * slot's value.  The caller counts it.
 */
static uint32_t
newentry(struct strmap *m, uint64_t h, const char *key, size_t len, void *val)
{
	size_t need;
	struct entry *e;
	size_t off;

	if (len > UINT32_MAX)
		errx(1, "lexicon key of %zu bytes: too long", len);
	need = ENTSIZE(len);
	if (m->size - m->used < need) {
		while (m->size - m->used < need)
			m->size = m->size ? m->size * 2 : 4096;
		m->arena = erealloc(m->arena, m->size);
	}
	if ((off = m->used / ENTALIGN) > SLOT_OFFMAX)
		errx(1, "lexicon too large");
	if (m->count == m->hashcap) {
		m->hashcap = m->hashcap ? m->hashcap * 2 : 32;
		m->hash = erealloc(m->hash, m->hashcap * sizeof(*m->hash));
	}
	m->hash[m->count] = h;
	e = (struct entry *)(m->arena + m->used);
	memset(&e->val, 0, sizeof(e->val));
	e->val.p = val;
	e->len = (uint32_t)len;
	memcpy(e->key, key, len);
	e->key[len] = '\0';
	m->used += need;
	return SLOT_TAG(h) | (uint32_t)off;
}

void *
strmap_put(struct strmap *m, const char *key, size_t len, void *val)
{
	uint64_t h = strhash(key, len);
	struct entry *e;
	size_t i;
	void *prev;

	if (NEEDGROW(m))
		grow(m);
	i = find(m, key, len, h);
	if (m->slots[i] != 0) {
		e = SLOT_ENTRY(m, m->slots[i]);
		prev = e->val.p;
		e->val.p = val;
		return prev;
	}
	m->slots[i] = newentry(m, h, key, len, val);
	m->count++;
	return NULL;
}

void *
strmap_putnew(struct strmap *m, const char *key, size_t len, void *val)
{
	uint64_t h = strhash(key, len);
	struct entry *e;
	size_t i;

	if (NEEDGROW(m))
		grow(m);
	i = find(m, key, len, h);
	if (m->slots[i] == 0) {
		m->slots[i] = newentry(m, h, key, len, val);
		m->count++;
		return NULL;
	}
	e = SLOT_ENTRY(m, m->slots[i]);
	if (e->val.p != NULL)
		return e->val.p;
	e->val.p = val;
	return NULL;
}

void *
strmap_geth(const struct strmap *m, const char *key, size_t len, uint64_t h)
{
	size_t i = find(m, key, len, h);

	return m->slots[i] != 0 ? SLOT_ENTRY(m, m->slots[i])->val.p : NULL;
}

void *
strmap_get(const struct strmap *m, const char *key, size_t len)
{
	return strmap_geth(m, key, len, strhash(key, len));
}

unsigned char *
strmap_blob(struct strmap *m, const char *key, size_t len)
{
	uint64_t h = strhash(key, len);
	size_t i;

	if (NEEDGROW(m))
		grow(m);
	if (m->slots[(i = find(m, key, len, h))] == 0) {
		m->slots[i] = newentry(m, h, key, len, NULL);
		m->count++;
	}
	return SLOT_ENTRY(m, m->slots[i])->val.b;
}

const unsigned char *
strmap_blobh(const struct strmap *m, const char *key, size_t len, uint64_t h)
{
	size_t i = find(m, key, len, h);

	return m->slots[i] != 0 ? SLOT_ENTRY(m, m->slots[i])->val.b : NULL;
}

void
strmap_each(const struct strmap *m, void (*fn)(const char *key, size_t len,
    void *val, void *arg), void *arg)
{
	const struct entry *e;
	size_t off;

	/* The arena holds the entries one after another, as newentry() put. */
	for (off = 0; off < m->used; off += ENTSIZE(e->len)) {
		e = (const struct entry *)(m->arena + off);
		fn(e->key, e->len, e->val.p, arg);
	}
}

size_t
strmap_count(const struct strmap *m)
{
	return m->count;
}

void
strmap_free(struct strmap *m)
{
	if (m == NULL)
		return;
	free(m->slots);
	free(m->arena);
	free(m->hash);
	free(m);
}
