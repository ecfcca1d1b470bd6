/*
 * to-csv: the lede record stream to CSV tables (RFC 4180, via libcsv).
 *
 * D, S, E and N records become rows of documents.csv, sentences.csv,
 * entities.csv and numbers.csv.  A document's row is written when the
 * document ends, with its paragraph, sentence, entity and number counts
 * taken from the stream.  With --dir every table is written to a
 * temporary file in DIR and renamed into place only when the whole stream
 * was read and written without error, so a failed or interrupted run
 * leaves the old tables as they were.
 */
#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvfield.h"
#include "record.h"
#include "util.h"

enum { T_DOC, T_SENT, T_ENT, T_NUM, NTABLE };

#define DOCFIELDS 5	/* D: doc_id, source, title, url, date */

static const struct {
	const char	*name;
	int		 type;		/* record type whose fields make a row */
	int		 ncol;		/* columns taken from the record */
	const char	*header;
} tables[NTABLE] = {
	{ "documents", 'D', 3,
	  "doc_id,source,title,paragraphs,sentences,entities,numbers,url,date" },
	{ "sentences", 'S', 4, "doc_id,sentence_id,paragraph_id,text" },
	{ "entities", 'E', 7,
	  "doc_id,sentence_id,start,end,type,text,canonical" },
	{ "numbers", 'N', 10,
	  "doc_id,sentence_id,start,end,kind,text,value,unit,qualifier,noun" },
};

static const char *dir;
static const char *eol = "\n";
static size_t eollen = 1;
static int header = 1;
static int append;
static int only = -1;		/* --table: the one table to stdout */

/* --dir: the temporary files, removed at exit unless renamed into place. */
static char *tmpname[NTABLE];

/*
 * Each table's stdio buffer, so one write(2) of 32 KiB at a time.  Linux
 * (6.x, ext4 and others with large folios) gives a buffered write page
 * cache folios as large as the write: up to 32 KiB (order 3) they come
 * from per-CPU free lists, larger ones from the zone's shared free lists,
 * which costs much more system time in a long run beside other processes.
 * Measured on 200 MB of tables (to-csv fed through a pipe): sys 0.25-0.32
 * s with 32 KiB writes, mostly 0.65-0.81 s with 64 KiB, 128 KiB or 1 MiB
 * ones, 0.42-0.49 s with 8 or 16 KiB (more calls).  Elsewhere 32 KiB is
 * still eight pages a call.
 */
#define TABLE_BUFSIZE	(32 * 1024)

struct out {
	FILE		*fp[NTABLE];	/* NULL: table not written */
	char		*iobuf[NTABLE];	/* their buffers (--dir) */
	struct buf	 cell;		/* a quoted field, reused */
	/* the current document */
	struct buf	 doc;		/* its D record's fields, TAB-joined */
	struct buf	 docid;
	int		 indoc;
	unsigned long	 count[NTABLE];	/* sentences, entities, numbers */
	unsigned long	 paras;
	long		 lastpara;
};

static void
usage(FILE *fp, int status)
{
	fprintf(fp, "usage: to-csv [--crlf] [--no-header] [--append] "
	    "--dir DIR\n"
	    "       to-csv [--crlf] [--no-header] --table NAME\n");
	exit(status);
}

static void
remove_temps(void)
{
	int t;

	for (t = 0; t < NTABLE; t++)
		if (tmpname[t] != NULL) {
			unlink(tmpname[t]);
			free(tmpname[t]);
			tmpname[t] = NULL;
		}
}

static void
on_signal(int sig)
{
	int t;

	for (t = 0; t < NTABLE; t++)	/* async-signal-safe: unlink only */
		if (tmpname[t] != NULL)
			unlink(tmpname[t]);
	signal(sig, SIG_DFL);
	raise(sig);
}

/* A field after a comma unless it is the row's first (csvfield.h). */
static void
put_field(struct out *o, FILE *fp, const char *s, size_t n, int first)
{
	if (!first)
		out_putc(fp, ',');
	csvfield_put(fp, &o->cell, s, n);
}

static void
end_row(FILE *fp)
{
	out_write(fp, eol, eollen);
}

static void
end_document(struct out *o)
{
	FILE *fp = o->fp[T_DOC];
	const char *s, *tab;
	int i;

	if (!o->indoc)
		return;
	o->indoc = 0;
	if (fp == NULL)
		return;
	s = o->doc.s;
	for (i = 0; i < DOCFIELDS; i++) {
		tab = strchr(s, '\t');
		if (i == tables[T_DOC].ncol) {	/* the counts, then url, date */
			out_sepulong(fp, ',', o->paras);
			out_sepulong(fp, ',', o->count[T_SENT]);
			out_sepulong(fp, ',', o->count[T_ENT]);
			out_sepulong(fp, ',', o->count[T_NUM]);
		}
		put_field(o, fp, s, (size_t)(tab - s), i == 0);
		s = tab + 1;
	}
	end_row(fp);
	for (i = 0; i < NTABLE; i++)	/* a full disk stops the run here */
		if (o->fp[i] != NULL && ferror(o->fp[i]))
			errx(EXIT_DATA, "%s: write error", dir ? tmpname[i] :
			    "stdout");
}

/*
 * Keep a D record's fields (they are written when the document ends):
 * doc_id, source, title, then url and date, empty when the record has none.
 */
static void
begin_document(struct out *o, const struct record *r)
{
	int i;

	end_document(o);
	buf_reset(&o->doc);
	for (i = 0; i < DOCFIELDS; i++) {
		if (i < r->nf)
			buf_add(&o->doc, r->f[i].s, r->f[i].len);
		buf_addc(&o->doc, '\t');	/* fields cannot hold a raw TAB */
	}
	buf_reset(&o->docid);
	buf_add(&o->docid, r->f[0].s, r->f[0].len);
	memset(o->count, 0, sizeof(o->count));
	o->paras = 0;
	o->lastpara = -1;
	o->indoc = 1;
}

static int
in_document(const struct out *o, const struct record *r)
{
	return o->indoc && r->f[0].len == o->docid.len &&
	    memcmp(r->f[0].s, o->docid.s, r->f[0].len) == 0;
}

static void
row(struct out *o, int t, const struct record *r)
{
	FILE *fp = o->fp[t];
	unsigned numeric;
	int i;

	if (fp == NULL)
		return;
	/* Fields rec_read() has checked to be digits need no quotes. */
	numeric = rec_numeric(tables[t].type);
	for (i = 0; i < tables[t].ncol; i++) {
		if (numeric >> i & 1) {
			out_putc(fp, ',');
			out_write(fp, r->f[i].s, r->f[i].len);
		} else
			put_field(o, fp, r->f[i].s, r->f[i].len, i == 0);
	}
	end_row(fp);
}

static void
record(struct out *o, const struct record *r)
{
	long pid;
	int t;

	switch (r->type) {
	case 'D':
		begin_document(o, r);
		return;
	case 'P':
		if (in_document(o, r))
			o->paras++;
		return;
	case 'S':
		pid = rec_num(&r->f[2]);
		if (in_document(o, r) && pid != o->lastpara) {
			o->paras++;
			o->lastpara = pid;
		}
		t = T_SENT;
		break;
	case 'E': t = T_ENT; break;
	case 'N': t = T_NUM; break;
	default:
		return;		/* comments and records of other types */
	}
	if (in_document(o, r))
		o->count[t]++;
	row(o, t, r);
}

/*
 * Open a temporary file beside DIR/NAME.csv.  With --append it starts as a
 * copy of the existing table, so the rename adds the new rows atomically.
 * Returns 1 when the file already has content (no header then).
 */
static int
open_temp(struct out *o, int t)
{
	char *final;
	FILE *old;
	char buf[65536];
	size_t n;
	int fd, had = 0;
	mode_t mask;

	if (asprintf(&final, "%s/%s.csv", dir, tables[t].name) < 0 ||
	    asprintf(&tmpname[t], "%s/.%s.csv.XXXXXX", dir,
	    tables[t].name) < 0)
		err(EXIT_DATA, "asprintf");
	if ((fd = mkstemp(tmpname[t])) < 0)
		err(EXIT_DATA, "%s", tmpname[t]);
	mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) < 0)
		err(EXIT_DATA, "%s", tmpname[t]);
	if ((o->fp[t] = fdopen(fd, "w")) == NULL)
		err(EXIT_DATA, "%s", tmpname[t]);
	/* Our own buffer: given none, glibc ignores the size and uses
	 * st_blksize (4 KiB, one write(2) per 4 KiB). */
	o->iobuf[t] = emalloc(TABLE_BUFSIZE);
	setvbuf(o->fp[t], o->iobuf[t], _IOFBF, TABLE_BUFSIZE);
	if (append && (old = fopen(final, "r")) != NULL) {
		while ((n = fread(buf, 1, sizeof(buf), old)) > 0) {
			fwrite(buf, 1, n, o->fp[t]);
			had = 1;
		}
		if (ferror(old))
			err(EXIT_DATA, "%s", final);
		fclose(old);
	} else if (append && errno != ENOENT)
		err(EXIT_DATA, "%s", final);
	free(final);
	return had;
}

/* Flush, sync and rename every table into place; 1 on any error. */
static int
commit_tables(struct out *o)
{
	char *final;
	int t, rc = 0;

	for (t = 0; t < NTABLE; t++) {
		if (fflush(o->fp[t]) != 0 || ferror(o->fp[t]) ||
		    fsync(fileno(o->fp[t])) != 0) {
			warn("%s", tmpname[t]);
			rc = 1;
		}
		if (fclose(o->fp[t]) != 0 && rc == 0) {
			warn("%s", tmpname[t]);
			rc = 1;
		}
		o->fp[t] = NULL;
		free(o->iobuf[t]);
		o->iobuf[t] = NULL;
	}
	if (rc)
		return rc;	/* the atexit handler removes the temporaries */
	for (t = 0; t < NTABLE; t++) {
		if (asprintf(&final, "%s/%s.csv", dir, tables[t].name) < 0)
			err(EXIT_DATA, "asprintf");
		if (rename(tmpname[t], final) < 0)
			err(EXIT_DATA, "%s", final);
		free(final);
		free(tmpname[t]);
		tmpname[t] = NULL;
	}
	return 0;
}

static void
make_dir(const char *path)
{
	char *p = estrdup(path), *s = p;
	int last;

	do {
		s += strspn(s, "/");
		s += strcspn(s, "/");
		last = *s == '\0';
		*s = '\0';
		if (mkdir(p, 0777) < 0 && errno != EEXIST)
			err(EXIT_DATA, "%s", p);
		*s = last ? '\0' : '/';
	} while (!last);
	free(p);
}

static int
table_index(const char *name)
{
	int t;

	for (t = 0; t < NTABLE; t++)
		if (strcmp(name, tables[t].name) == 0)
			return t;
	warnx("--table: no table %s (documents, sentences, entities, "
	    "numbers)", name);
	usage(stderr, EXIT_USAGE);
	return -1;
}

int
main(int argc, char *argv[])
{
	static const struct option opts[] = {
		{ "append", no_argument, NULL, 'a' },
		{ "crlf", no_argument, NULL, 'c' },
		{ "dir", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ "no-header", no_argument, NULL, 'n' },
		{ "table", required_argument, NULL, 't' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct out o = { 0 };
	struct reader *rd;
	struct record r;
	int c, t, had;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'a': append = 1; break;
		case 'c': eol = "\r\n"; eollen = 2; break;
		case 'd': dir = optarg; break;
		case 'h': usage(stdout, 0); break;
		case 'n': header = 0; break;
		case 't': only = table_index(optarg); break;
		case 'V': print_version(); break;
		default: usage(stderr, EXIT_USAGE);
		}
	}
	if (optind != argc || (dir == NULL) == (only < 0) ||
	    (append && dir == NULL))
		usage(stderr, EXIT_USAGE);

	setup_stdout();
	if (dir != NULL) {
		make_dir(dir);
		atexit(remove_temps);
		signal(SIGINT, on_signal);
		signal(SIGTERM, on_signal);
		signal(SIGHUP, on_signal);
		for (t = 0; t < NTABLE; t++) {
			had = open_temp(&o, t);
			if (header && !had)
				fprintf(o.fp[t], "%s%s", tables[t].header, eol);
		}
	} else {
		o.fp[only] = stdout;
		if (header)
			fprintf(stdout, "%s%s", tables[only].header, eol);
	}

	rd = rec_open(stdin, "stdin");
	while (rec_read(rd, &r))
		record(&o, &r);
	end_document(&o);
	rec_close(rd);
	buf_free(&o.cell);
	buf_free(&o.doc);
	buf_free(&o.docid);
	if (dir != NULL)
		return commit_tables(&o) | closeout();
	return closeout();
}
