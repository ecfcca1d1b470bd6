/*
 * boiler.h: the boilerplate rules of normalize(1), the lines of
 * common/lexicons/boilerplate.tsv (NAME, WHERE, PATTERN), compiled in.
 */
#ifndef BOILER_H
#define BOILER_H

#include <stddef.h>

struct boiler;

/* Compile the rules; exits 1 with the lexicon line of a bad rule. */
struct boiler	*boiler_compile(void);

/*
 * Is paragraph number i (0-based) of a document of n paragraphs, whose
 * body starts at paragraph first (after the title), boilerplate by a rule
 * whose place (any, headN, tailN) allows it there?  s[0..len) is the
 * paragraph, valid UTF-8.  Paragraphs over 400 bytes never are, and a
 * headN or tailN rule applies only when body lies outside its window.
 */
int		 boiler_match(const struct boiler *b, const char *s,
		    size_t len, size_t i, size_t first, size_t n);

void		 boiler_free(struct boiler *b);

#endif
