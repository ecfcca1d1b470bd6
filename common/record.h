/*
 * record.h: the lede record stream (record(5)).
 *
 * One record per LF-terminated line, fields separated by TAB, the first
 * field the record type.  Inside a field, backslash, TAB, LF and CR are
 * written \\ \t \n \r.  Lines starting with '#' are comments.
 *
 *	D doc_id source title [more fields]
 *	P doc_id paragraph_id text
 *	S doc_id sentence_id paragraph_id text
 *	E doc_id sentence_id start end type text canonical
 *	N doc_id sentence_id start end kind text value unit qualifier noun
 *
 * Any other type (one to eight of A-Z, 0-9, _, starting with a letter) is
 * an unknown record, passed through unchanged by every filter.
 */
#ifndef RECORD_H
#define RECORD_H

#include <stddef.h>
#include <stdio.h>

#define REC_MAXF 16	/* fields split out after the type; more stay in raw only */

struct field {
	const char	*s;	/* unescaped, NUL-terminated */
	size_t		 len;
};

struct record {
	int		 type;	/* 'D' 'P' 'S' 'E' 'N', '#' comment, '?' unknown */
	int		 nf;	/* fields after the type */
	struct field	 f[REC_MAXF];
	const char	*raw;	/* the line as read, without its LF */
	size_t		 rawlen;
	unsigned long	 lineno;
};

struct reader;

/*
 * Start reading records from fp; name ("stdin" or a path) is used in
 * messages.  The reader owns buffers reused for every line: fields and
 * raw point into them and stay valid until the next rec_read().  It reads
 * fp's file descriptor directly in large blocks (a stream without one,
 * such as fmemopen's, through fread), so nothing else should read fp.
 */
struct reader	*rec_open(FILE *fp, const char *name);

/*
 * Read the next record into *r.  Returns 1, or 0 at end of input.  A line
 * that is not a record (raw text, a known type with too few fields or a bad
 * number, invalid UTF-8, a NUL byte) or a read error makes the program exit
 * 1 with "PROG: NAME:LINE: WHAT" after flushing what it wrote so far.
 */
int		 rec_read(struct reader *rd, struct record *r);

/* Exit 1 with "PROG: NAME:LINE: MESSAGE" about the last line read. */
void		 rec_error(const struct reader *rd, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3), noreturn));

/* Free the reader (not its FILE). */
void		 rec_close(struct reader *rd);

/* Parse a decimal id or offset field; returns -1 when it is not one. */
long		 rec_num(const struct field *f);

/*
 * The fields (bit i = field i) that rec_read() has checked to be decimal
 * numbers in a record of this type; 0 for a type it does not know.
 */
unsigned	 rec_numeric(int type);

/* Write r exactly as it was read (used for records a filter passes on). */
void		 rec_pass(FILE *fp, const struct record *r);

/*
 * Write a record field by field: rec_begin(fp, 'S'), then one rec_field()
 * or rec_ulong() per field, then rec_end().  Fields are escaped as they
 * are written; nothing is allocated.
 */
void		 rec_begin(FILE *fp, int type);
void		 rec_field(FILE *fp, const char *s, size_t len);
void		 rec_ulong(FILE *fp, unsigned long n);
void		 rec_end(FILE *fp);

/* Write a whole record of nf fields (escaped). */
void		 rec_write(FILE *fp, int type, int nf, const struct field *f);

/* Escape s[0..n) into out (appending); used by tests and tools. */
struct buf;
void		 rec_escape(struct buf *out, const char *s, size_t n);

#endif
