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

/* 64-bit FNV-1a hash of n bytes. */
uint64_t hash64(const void *p, size_t n);

/*
 * A map from byte strings to values.  Keys are copied in; values are
 * stored as given.  Built at start-up, read in the hot path: lookups do
 * not allocate.
 */
struct strmap;

struct strmap	*strmap_new(void);
/* Set key to val; returns the previous value or NULL. */
void		*strmap_put(struct strmap *m, const char *key, size_t len, void *val);
/* The value for key, or NULL. */
void		*strmap_get(const struct strmap *m, const char *key, size_t len);
size_t		 strmap_count(const struct strmap *m);
void		 strmap_free(struct strmap *m);

#endif
