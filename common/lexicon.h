/*
 * lexicon.h: the plain-text lexicons of common/lexicons/, compiled in, and
 * a string-keyed hash map to look their entries up.
 *
 * At build time scripts/lex2c.awk turns common/lexicons/NAME.tsv into
 * gen/lex_NAME.h holding  static const char lex_NAME[] = "...";  with the
 * file's text unchanged (a '-' in NAME becomes '_').  A filter includes the
 * header and walks the text with lex_next(), so a binary needs no data
 * files at run time.
 *
 * Lexicon format: one entry per line, columns separated by TAB; blank
 * lines and lines starting with '#' are skipped.
 */
#ifndef LEXICON_H
#define LEXICON_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define LEX_MAXCOL 16

struct lexline {
	int		 ncol;
	const char	*col[LEX_MAXCOL];	/* NUL-terminated copies */
	size_t		 len[LEX_MAXCOL];
	unsigned long	 lineno;
};

struct lexreader {
	const char	*p;		/* next line */
	const char	*name;		/* for messages */
	unsigned long	 lineno;
	char		*tmp;		/* the current line, split */
	size_t		 tmpcap;
};

/* Start reading lexicon text (NUL-terminated); name is used in messages. */
void	lex_open(struct lexreader *lr, const char *text, const char *name);

/*
 * Read the next entry into *l; returns 1, or 0 at the end (and frees the
 * reader's memory).  Columns stay valid until the next call.
 */
int	lex_next(struct lexreader *lr, struct lexline *l);

/* 64-bit FNV-1a hash of n bytes: stable, for what is written out. */
uint64_t hash64(const void *p, size_t n);
/*
 * A faster 64-bit hash of n bytes, never 0, for what stays in memory:
 * its values may change between versions and differ by byte order.
 * Eight bytes at a time (loaded with memcpy, so no alignment is assumed),
 * each word mixed in with a multiply, the tail read by overlapping loads,
 * and the length folded in.  Inline: it is in every lookup.
 */
static inline uint64_t
strhash(const void *p, size_t len)
{
	const char *key = p;
	const uint64_t k = 0x9e3779b97f4a7c15ULL;
	uint64_t h = (uint64_t)len * k, w;
	size_t i;

	for (i = 0; i + 8 <= len; i += 8) {
		memcpy(&w, key + i, 8);
		h = (h ^ w) * k;
		h ^= h >> 29;
	}
	if (len - i >= 4) {
		/* Two overlapping 4-byte loads cover the 4 to 7 left. */
		uint32_t lo, hi;

		memcpy(&lo, key + i, 4);
		memcpy(&hi, key + len - 4, 4);
		h = (h ^ (lo | (uint64_t)hi << 32)) * k;
	} else if (len > i) {
		/* First, middle and last of the 1 to 3 left cover them. */
		const unsigned char *u = (const unsigned char *)key + i;
		size_t r = len - i;

		w = u[0] | (uint64_t)u[r / 2] << 8 | (uint64_t)u[r - 1] << 16;
		h = (h ^ w) * k;
	}
	h ^= h >> 32;
	h *= 0xd6e8feb86659fd93ULL;
	h ^= h >> 32;
	return h | 1;		/* 0 marks an empty slot */
}


/*
 * A map from byte strings to values.  Keys are copied in; values are
 * stored as given.  Built at start-up, read in the hot path: lookups do
 * not allocate.
 */
struct strmap;

struct strmap	*strmap_new(void);
/* Set key to val; returns the previous value or NULL. */
void		*strmap_put(struct strmap *m, const char *key, size_t len, void *val);
/*
 * Set key to val unless it has a value (not NULL) already: returns that
 * value, or NULL when val was set.  One lookup for "the first one wins".
 */
void		*strmap_putnew(struct strmap *m, const char *key, size_t len,
		    void *val);
/* The value for key, or NULL. */
void		*strmap_get(const struct strmap *m, const char *key, size_t len);
/* The same, for a caller that has the key's strhash() h already. */
void		*strmap_geth(const struct strmap *m, const char *key, size_t len,
		    uint64_t h);
size_t		 strmap_count(const struct strmap *m);
/*
 * A map may hold, instead of pointers, STRMAP_BLOB bytes of value per key
 * (never both kinds in one map): kept in the entry with its key, so a
 * hit reads no further memory.  strmap_blob() is key's bytes to set,
 * zeroed when the key is new (valid until the next put); strmap_blobh()
 * the bytes of key, whose strhash() is h, or NULL.
 */
#define STRMAP_BLOB	8
unsigned char	*strmap_blob(struct strmap *m, const char *key, size_t len);
const unsigned char *strmap_blobh(const struct strmap *m, const char *key,
		    size_t len, uint64_t h);
/* Call fn on every key and its value, in the order they were first put. */
void		 strmap_each(const struct strmap *m, void (*fn)(const char *key,
		    size_t len, void *val, void *arg), void *arg);
void		 strmap_free(struct strmap *m);

#endif
