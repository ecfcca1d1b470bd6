/*
 * util.h: memory, growable buffers, option helpers and output checks
 * shared by every lede filter.
 *
 * Errors go through err(3)/errx(3)/warnx(3), which print "PROG: ...".
 * Exit status: 0 success, 1 bad data or I/O error, 2 bad usage.
 */
#ifndef UTIL_H
#define UTIL_H

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#define EXIT_DATA	1	/* bad data or I/O error */
#define EXIT_USAGE	2	/* bad usage */

/* A growable byte buffer.  s is always NUL-terminated once anything was
 * added; len excludes the NUL.  A zeroed struct is an empty buffer. */
struct buf {
	char	*s;
	size_t	 len;
	size_t	 cap;
};

/* malloc, realloc, strdup that exit 1 with a message when memory runs out. */
void	*emalloc(size_t n);
void	*ecalloc(size_t nmemb, size_t size);
void	*erealloc(void *p, size_t n);
char	*estrdup(const char *s);

/* Make room for n more bytes (plus the NUL) after len; grows geometrically. */
void	 buf_grow(struct buf *b, size_t n);
/* Append n bytes / one byte / a NUL-terminated string; keep s NUL-terminated. */
void	 buf_adds(struct buf *b, const char *s);

/* Inline: text is often built a byte at a time, so room is checked here. */
static inline void
buf_add(struct buf *b, const void *p, size_t n)
{
	if (b->cap - b->len <= n)
		buf_grow(b, n);
	if (n)
		memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static inline void
buf_addc(struct buf *b, int c)
{
	if (b->cap - b->len < 2)
		buf_grow(b, 1);
	b->s[b->len++] = (char)c;
	b->s[b->len] = '\0';
}
/* Empty the buffer, keeping its memory for the next use. */
void	 buf_reset(struct buf *b);
/* Release the memory; the buffer is empty and usable again. */
void	 buf_free(struct buf *b);

/* Give stdout a 128 KiB buffer.  Call before the first write. */
void	 setup_stdout(void);

/*
 * Parse the arguments of a filter whose only options are --help and
 * --version and which takes no operands (it reads stdin): --help prints
 * usage (the SYNOPSIS line, without "usage: ") on stdout and exits 0,
 * anything else wrong prints it on stderr and exits 2.
 */
void	 filter_args(int argc, char *argv[], const char *usage);

/* Print "PROG (lede) VERSION" on stdout and exit 0. */
void	 print_version(void);

/* Exit 1 with "PROG: write error: REASON" when stdout has failed so far.
 * Filters call it after each document so a full disk stops the run early. */
void	 check_stdout(void);

/*
 * Flush and close stdout, checking for errors.  Returns 0, or 1 after a
 * "write error" message.  main() ends with "return closeout() | status".
 */
int	 closeout(void);

#endif
