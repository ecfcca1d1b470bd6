/*
 * input.h: the inputs of normalize: files, directories, stdin; plain or
 * gzip (told apart by the magic bytes), holding one article or a dump of
 * many: tar, WARC/WET, JSON Lines, Gigaword-style SGML (told apart by
 * their first bytes, or named with input_opts.format).
 */
#ifndef INPUT_H
#define INPUT_H

#include <stddef.h>

enum format { FMT_AUTO, FMT_TEXT, FMT_TAR, FMT_WARC, FMT_JSONL, FMT_SGML };

/* Where a document's id comes from. */
enum idfrom {
	ID_FILE,	/* name is a path: the id is its file name */
	ID_URL,		/* name is a URL: the id is made from it */
	ID_GIVEN	/* name is the dump's own id for the document */
};

/* One document as read; every pointer stays valid only during the call. */
struct document {
	const char	*source;	/* path, ARCHIVE:MEMBER, or URL */
	const char	*name;		/* what the id is made from */
	enum idfrom	 idfrom;
	const char	*title;		/* the dump's headline, or NULL */
	const char	*url;		/* or NULL */
	const char	*date;		/* or NULL */
	const char	*text;		/* the raw text, text[len] == '\0' */
	size_t		 len;
};

/* How to read the inputs. */
struct input_opts {
	enum format	 format;
	/* JSON Lines field names (NULL: the defaults, e.g. maintext, text) */
	const char	*json_text, *json_title, *json_url, *json_date;
	/* told what a dump held ("PATH: 3 WARC records, 2 documents, ..."),
	 * with the arg given to input_each(); may be NULL */
	void		(*note)(const char *msg, void *arg);
};

/* Called once per document; returns 0, or 1 to mark the run failed. */
typedef int (*input_fn)(const struct document *doc, void *arg);

/*
 * Read every input named in paths[0..n): a file; a directory, walked
 * recursively with entries in byte order of their names and hidden ones
 * (leading '.') skipped; "-" for stdin; no paths at all means stdin.
 * Damage is reported as "PROG: PATH: WHAT" (for a dump, with the record);
 * a damaged plain file or dump record is not passed to fn, and the walk
 * goes on with the next record or input.  Returns 0, or 1 if anything was
 * damaged or unreadable or fn returned non-zero.
 */
int	input_each(char *const paths[], int n, const struct input_opts *o,
	    input_fn fn, void *arg);

/* The format named s ("text", "tar", "warc", "jsonl", "gigaword",
 * "auto"), or -1. */
int	input_format(const char *s);

#endif
