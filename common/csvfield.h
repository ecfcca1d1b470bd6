/*
 * csvfield.h: one CSV field written the way to-csv(1) writes it (RFC
 * 4180): as it is, or quoted by libcsv's csv_write() (in double quotes,
 * inner quotes doubled) when it holds a comma, a quote, CR
 * or LF, or starts or ends with a space or TAB (which readers such as
 * libcsv's parser would otherwise trim).
 */
#ifndef CSVFIELD_H
#define CSVFIELD_H

#include <stddef.h>
#include <stdio.h>

#include "util.h"

/* Write s[0..n) to fp as one field; scratch holds a quoted copy. */
void	csvfield_put(FILE *fp, struct buf *scratch, const char *s, size_t n);

#endif
