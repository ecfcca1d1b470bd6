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
static inline void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}
/* Release the memory; the buffer is empty and usable again. */
void	 buf_free(struct buf *b);

/* Give stdout a large buffer (128 KiB into a pipe, 32 KiB into a file:
 * see util.c), and pipe_grow() stdin and stdout.  Call before the first
 * write. */
void	 setup_stdout(void);
/* If fd is a pipe of less than 1 MiB, ask the system to make it 1 MiB. */
void	 pipe_grow(int fd);

/*
 * Write n bytes / one byte to fp, which no other thread uses.  Filters
 * write in small pieces (a field, a TAB), and even fwrite_unlocked costs
 * some hundred instructions a call; with glibc the bytes are copied
 * straight into the stream's buffer when they fit, which is exactly what
 * glibc's own putc_unlocked macro does (<stdio.h> declares these members
 * public for that macro).  A line-buffered or unbuffered stream, or one
 * not yet written to, keeps _IO_write_ptr at or past _IO_write_end, so it
 * takes the fwrite path, which handles buffering modes and errors.
 */
#if defined(__GLIBC__) && defined(_GNU_SOURCE)
#define OUT_GLIBC	1
#endif

static inline void
out_write(FILE *fp, const void *p, size_t n)
{
#ifdef OUT_GLIBC
	if (fp->_IO_write_ptr < fp->_IO_write_end &&
	    (size_t)(fp->_IO_write_end - fp->_IO_write_ptr) >= n) {
		if (n > 0)		/* p may be NULL then */
			memcpy(fp->_IO_write_ptr, p, n);
		fp->_IO_write_ptr += n;
		return;
	}
	fwrite_unlocked(p, 1, n, fp);
#else
	fwrite(p, 1, n, fp);
#endif
}

static inline void
out_putc(FILE *fp, int c)
{
#ifdef OUT_GLIBC
	putc_unlocked(c, fp);
#else
	putc(c, fp);
#endif
}

/* Write the separator sep, then n in decimal, to fp (a record's or a
 * CSV row's number column). */
static inline void
out_sepulong(FILE *fp, char sep, unsigned long n)
{
	char tmp[24];
	size_t i = sizeof(tmp);

	do {
		tmp[--i] = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	tmp[--i] = sep;
	out_write(fp, tmp + i, sizeof(tmp) - i);
}

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
