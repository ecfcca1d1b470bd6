/*
 * zread.h: a buffered reader over a file descriptor that reads plain data
 * or gzip (told apart by the magic bytes), including concatenated gzip
 * members, and survives damage: a corrupt or truncated member is reported
 * and reading resumes at the next member, so the good records of a dump
 * before and after a bad one are still read.
 */
#ifndef ZREAD_H
#define ZREAD_H

#include <stddef.h>

#include "util.h"

struct zin;

/* Start reading fd (which the reader closes); path is used in messages. */
struct zin	*zin_open(int fd, const char *path);

/*
 * Damage (corrupt or truncated gzip data, a read error) is reported as
 * "PROG: PATH: WHAT" and counted.  How many times damage was met before
 * the point read up to: a parser compares the count before and after a
 * record to know whether the record is whole (damage found by reading
 * ahead counts only once the reader gets there).
 */
unsigned long	 zin_damage(const struct zin *z);

/* Whether the data is gzip-compressed (known after the first read). */
int		 zin_gzip(const struct zin *z);

/*
 * Append the next line (up to and including its LF, or the rest of the
 * input) to line; returns its length, 0 at the end.  lines longer than
 * max bytes are cut there (the rest comes as the next line).
 */
size_t		 zin_getline(struct zin *z, struct buf *line, size_t max);

/* Append the next n bytes (fewer at the end) to out; returns how many. */
size_t		 zin_getn(struct zin *z, struct buf *out, size_t n);

/* Look at the first n bytes without consuming them (fewer at the end);
 * returns how many are available at *p. */
size_t		 zin_peek(struct zin *z, const char **p, size_t n);

/*
 * Take the next n bytes (fewer only at the end) without copying them:
 * *p points into the reader's own buffer, valid until the next call on
 * z.  Returns how many; 0 at the end.
 */
size_t		 zin_take(struct zin *z, const char **p, size_t n);

/* Close the descriptor and free the reader. */
void		 zin_close(struct zin *z);

#endif
