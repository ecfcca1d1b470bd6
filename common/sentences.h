/*
 * sentences.h: sentence boundaries in one paragraph of English news text.
 *
 * One scan over the bytes.  Candidate boundaries are . ? ! and ellipses
 * ("...", ". . .", U+2026), the full-width stops, bullets (which start a
 * sentence and stay at its start) and the markers of an inline numbered
 * or lettered list.  Around a candidate only the token before and the
 * token after are looked at, closing quotes and brackets skipped; the
 * abbreviation classes and the starter/continuation words come from the
 * compiled-in lexicons abbreviations.tsv and sentence-words.tsv.
 */
#ifndef SENTENCES_H
#define SENTENCES_H

#include <stddef.h>

/* A sentence: bytes [start, end) of its paragraph, trimmed of spaces. */
struct sentspan {
	size_t	start;
	size_t	end;
};

/* A growable list of sentences; a zeroed struct is an empty list. */
struct sentlist {
	struct sentspan	*v;
	size_t		 n;
	size_t		 cap;
};

/*
 * Split the paragraph s[0..len) (valid UTF-8) into sentences, replacing
 * the contents of out (its memory is reused).  The sentences are in order,
 * non-empty, trimmed of ASCII white space, and every other byte of s lies
 * in exactly one of them: nothing but white space is ever lost.  The
 * lexicons are loaded on the first call.
 */
void	sent_split(const char *s, size_t len, struct sentlist *out);

/* Release the list's memory; it is empty and usable again. */
void	sent_free(struct sentlist *out);

/* What the period after a token may do (see abbreviations.tsv). */
enum sent_class {
	SENT_ORDINARY,		/* an ordinary word: a full stop */
	SENT_TITLE,		/* takes a name: never ends a sentence */
	SENT_END,		/* an abbreviation that can end a sentence */
	SENT_NUMBER,		/* an abbreviation before a number */
	SENT_NEVER,		/* never ends a sentence (e.g., vs.) */
	SENT_INITIAL		/* an initial or dotted initials (J.C.) */
};

/*
 * The class of the period that follows tok[0..len) (the token without the
 * period and without opening quotes or brackets), as used by sent_split().
 * prevcap tells whether the word before the token is capitalised or a
 * number (St. after "Main" or "5th" is Street, which can end a sentence).
 */
enum sent_class sent_classify(const char *tok, size_t len, int prevcap);

#endif
