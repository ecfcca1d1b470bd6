/*
 * clean.h: character-level cleaning of raw document bytes (normalize(1)).
 */
#ifndef CLEAN_H
#define CLEAN_H

#include <stddef.h>

#include "util.h"

/* Append to out the cleaned UTF-8 form of the document bytes in[0..n):
 * any bytes in, valid UTF-8 out. */
void	clean_text(struct buf *out, const char *in, size_t n);

#endif
