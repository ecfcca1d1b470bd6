/*
 * clean.h: character-level cleaning of raw document bytes (normalize(1)).
 */
#ifndef CLEAN_H
#define CLEAN_H

#include <stddef.h>

#include "util.h"

/*
 * Append to out the cleaned UTF-8 form of the document bytes in[0..n):
 * any bytes in, valid UTF-8 out.  In order:
 *  - bytes that are not part of valid UTF-8 are read as Windows-1252;
 *  - mojibake (UTF-8 read through a single-byte code page, once or more:
 *    "â€™", "Ã©") is repaired, line by line (mojibake.h);
 *  - C1 controls left over are Windows-1252 misread as Latin-1 and become
 *    its characters (U+0093 is “); the five it leaves undefined, other
 *    controls but TAB, NUL, the BOM, zero-width characters (U+200B-U+200D,
 *    U+2060, U+180E) and soft hyphens are dropped;
 *  - CRLF and CR become LF, as do U+2028 and U+2029;
 *  - NBSP and the other Zs spaces become a space;
 *  - curly single quotes (U+2018-U+201B) become ', curly double quotes
 *    (U+201C-U+201F) and two apostrophes in a row become ";
 *    primes, dashes and … stay;
 *  - the text is put in NFC.
 * White space is not collapsed.  Uses no memory beyond out and a scratch
 * area for lines with non-ASCII bytes, freed before returning.
 */
void	clean_text(struct buf *out, const char *in, size_t n);

#endif
