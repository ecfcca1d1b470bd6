/*
 * entities.h: named-entity tagging for tag-entities(1).
 *
 * Three parts:
 *  - struct nerlex: the lexicons (gazetteer, given names, titles, keywords,
 *    word lists), built once at start-up from lexicon text (lexicon.h
 *    format; see common/lexicons/ner-*.tsv for the columns).
 *  - struct nerdoc: one document's sentences and the mentions found in
 *    them.  Sentences are added, ner_resolve() tags the whole document
 *    (document-level consistency needs all of it), then the mentions are
 *    read back in sentence and offset order.  The memory is kept and
 *    reused for the next document.
 *  - name_fold() and name_close(): the spelling-variant test used to merge
 *    person names within a document.
 */
#ifndef ENTITIES_H
#define ENTITIES_H

#include <stddef.h>

enum { ENT_NONE, ENT_PERSON, ENT_ORG, ENT_LOC, ENT_NORP };

/* Lexicon kinds for nerlex_load(). */
enum {
	LEX_ENTITIES,	/* TYPE[:SUB] CANONICAL [VARIANT...] */
	LEX_GIVEN,	/* NAME [NAME...] */
	LEX_TITLES,	/* TITLE KIND (person, mod, suffix) */
	LEX_KEYWORDS,	/* WORD TYPE (ORG, LOC, CORP) */
	LEX_COMMON,	/* word (lower case) [word...] */
	LEX_NOTNAMES,	/* Word [Word...] */
	LEX_CUES	/* word KIND (speech, place, person) */
};

struct nerlex;
struct nerdoc;

struct mention {
	size_t		 sent;		/* sentence index, from 0 */
	size_t		 start, end;	/* code points in the sentence */
	const char	*text;		/* the sentence text from start */
	size_t		 len;		/* bytes */
	int		 type;
	const char	*canon;		/* not NUL-terminated */
	size_t		 canonlen;
};

struct nerlex	*nerlex_new(void);
/*
 * Add the entries of lexicon text (NUL-terminated, lexicon.h format) of
 * the given kind; name is used in messages.  A malformed line (unknown
 * type, missing column) makes the program exit 1 naming name:line.
 * The text must stay valid for the life of the lexicon when it is
 * compiled in; use nerlex_load_file() for run-time files.
 */
void		 nerlex_load(struct nerlex *, const char *text, const char *name,
		    int kind);
/* Read a whole file and add it as LEX_ENTITIES; the text is kept. */
void		 nerlex_load_file(struct nerlex *, const char *path);
/*
 * A lexicon of the user's files[0..n) (tag-entities --lexicon, which win:
 * the first spelling of a name wins) and then the compiled-in lexicons,
 * common/lexicons/ner-*.tsv.
 */
struct nerlex	*nerlex_builtin(char *const files[], int n);

/* Free the lexicon and everything it holds. */
void		 nerlex_free(struct nerlex *);

struct nerdoc	*nerdoc_new(const struct nerlex *);
/* Free a document's memory (not its lexicon). */
void		 nerdoc_free(struct nerdoc *);
/* Forget the previous document (keeping memory). */
void		 nerdoc_reset(struct nerdoc *);
/*
 * Add a sentence (UTF-8, len bytes, copied); headline says it is the
 * document's title.  Sentences are numbered from 0 in the order added.
 */
void		 nerdoc_add(struct nerdoc *, const char *s, size_t len,
		    int headline);
/* Tag the document; returns the number of mentions. */
size_t		 nerdoc_resolve(struct nerdoc *);
/* Mention i (0 <= i < count), ordered by sentence and start. */
const struct mention *nerdoc_mention(const struct nerdoc *, size_t i);
const char	*ent_typename(int type);

/*
 * Fold a name for comparison into out (at most outsz bytes, NUL added):
 * lower case, accents removed, transliteration variants unified (yy, iy,
 * ii -> y/i; doubled letters single).  Returns the length.
 */
size_t		 name_fold(const char *s, size_t len, char *out, size_t outsz);
/*
 * True when two folded names are spellings of the same name: equal, or
 * same first letter and a Damerau-Levenshtein distance of 1 (5+ letters)
 * or 2 (8+ letters).
 */
int		 name_close(const char *a, size_t alen, const char *b, size_t blen);

#endif
